// Reference §3.2: the DataCollection<TKey,TValue> subclasses (columns, parameters, images, formatted values, keys).
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class AttributeCollection : DataCollection<string, object>
{
}

public class ParameterCollection : DataCollection<string, object>
{
    public ParameterCollection()
    {
    }

    protected ParameterCollection(IDictionary<string, object> collection)
        : base(collection)
    {
    }

    /// <summary>Sets key to obj, unless obj is null (then the collection is left as it is).</summary>
    public void AddOrUpdateIfNotNull(string key, object obj)
    {
        if (obj != null)
        {
            this[key] = obj;
        }
    }
}

public class EntityImageCollection : DataCollection<string, Entity>
{
    public EntityImageCollection()
    {
    }

    protected internal EntityImageCollection(IDictionary<string, Entity> collection)
        : base(collection)
    {
    }
}

public sealed class FormattedValueCollection : DataCollection<string, string>
{
}

public sealed class KeyAttributeCollection : DataCollection<string, object>
{
}
