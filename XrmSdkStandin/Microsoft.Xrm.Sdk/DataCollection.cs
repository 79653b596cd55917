// Reference §3.2: DataCollection<T> is a Collection<T> with AddRange and ToArray.
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk;

public class DataCollection<T> : Collection<T>
{
    // Microsoft.Xrm.Sdk 9.2 declares no public constructor: only the SDK creates these collections
    // (Tests/LeadScoring.Tests/Sdk/RealSdkTests.cs compares the stand-in with the real assembly).
    internal DataCollection()
    {
    }

    public void AddRange(params T[] items) => AddRange((IEnumerable<T>)items);

    public void AddRange(IEnumerable<T> items)
    {
        if (items == null)
        {
            return;
        }

        foreach (T item in items)
        {
            Add(item);
        }
    }

    public T[] ToArray()
    {
        var array = new T[Count];
        CopyTo(array, 0);
        return array;
    }
}
