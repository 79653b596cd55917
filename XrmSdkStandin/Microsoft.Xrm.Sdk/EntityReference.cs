// Reference §3.3 (EntityReference) and §10.5: equal when Id, LogicalName (ordinal) and key attributes match.
using System;
using System.Linq;

namespace Microsoft.Xrm.Sdk;

public sealed class EntityReference
{
    private KeyAttributeCollection _keyAttributes;

    public EntityReference()
    {
    }

    public EntityReference(string logicalName)
    {
        LogicalName = logicalName;
    }

    public EntityReference(string logicalName, Guid id)
    {
        LogicalName = logicalName;
        Id = id;
    }

    public EntityReference(string logicalName, string keyName, object keyValue)
    {
        LogicalName = logicalName;
        KeyAttributes.Add(keyName, keyValue);
    }

    public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
    {
        LogicalName = logicalName;
        KeyAttributes = keyAttributeCollection;
    }

    public Guid Id { get; set; }

    public string LogicalName { get; set; }

    public string Name { get; set; }

    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes ??= new KeyAttributeCollection();
        set => _keyAttributes = value;
    }

    public string RowVersion { get; set; }

    public override bool Equals(object obj) =>
        obj is EntityReference other
        && Id == other.Id
        && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal)
        && SameKeys(KeyAttributes, other.KeyAttributes);

    public override int GetHashCode() =>
        Id.GetHashCode() ^ (LogicalName == null ? 0 : StringComparer.Ordinal.GetHashCode(LogicalName));

    private static bool SameKeys(KeyAttributeCollection left, KeyAttributeCollection right) =>
        left.Count == right.Count
        && left.All(pair => right.TryGetValue(pair.Key, out object value) && Equals(pair.Value, value));
}
