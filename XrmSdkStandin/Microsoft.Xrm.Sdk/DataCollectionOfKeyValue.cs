// Reference §3.2: DataCollection<TKey,TValue> is a dictionary-backed collection, not an IDictionary.
// The indexer's getter throws KeyNotFoundException, Add throws on a duplicate, the setter adds or replaces.
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
{
    private readonly Dictionary<TKey, TValue> _items;

    protected internal DataCollection()
    {
        _items = new Dictionary<TKey, TValue>();
    }

    protected internal DataCollection(IDictionary<TKey, TValue> collection)
    {
        _items = new Dictionary<TKey, TValue>(collection);
    }

    public int Count => _items.Count;

    public ICollection<TKey> Keys => _items.Keys;

    public ICollection<TValue> Values => _items.Values;

    public virtual bool IsReadOnly => false;

    public virtual TValue this[TKey key]
    {
        get => _items[key];
        set => _items[key] = value;
    }

    public void Add(TKey key, TValue value) => _items.Add(key, value);

    public void Add(KeyValuePair<TKey, TValue> item) => _items.Add(item.Key, item.Value);

    public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        if (items == null)
        {
            return;
        }

        foreach (KeyValuePair<TKey, TValue> item in items)
        {
            Add(item);
        }
    }

    public void Clear() => _items.Clear();

    public bool Contains(TKey key) => _items.ContainsKey(key);

    public bool Contains(KeyValuePair<TKey, TValue> key) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Contains(key);

    public bool ContainsKey(TKey key) => _items.ContainsKey(key);

    public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value);

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).CopyTo(array, arrayIndex);

    public bool Remove(TKey key) => _items.Remove(key);

    public bool Remove(KeyValuePair<TKey, TValue> item) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Remove(item);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
