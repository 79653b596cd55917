// Reference §3.1 (Entity) and §10 (indexer, GetAttributeValue, Contains, ToEntityReference behaviour).
using System;

namespace Microsoft.Xrm.Sdk;

public class Entity
{
    private AttributeCollection _attributes;
    private KeyAttributeCollection _keyAttributes;
    private FormattedValueCollection _formattedValues;

    public Entity()
    {
    }

    public Entity(string entityName)
    {
        LogicalName = entityName;
    }

    public Entity(string entityName, Guid id)
    {
        LogicalName = entityName;
        Id = id;
    }

    public Entity(string entityName, string keyName, object keyValue)
    {
        LogicalName = entityName;
        KeyAttributes.Add(keyName, keyValue);
    }

    public Entity(string entityName, KeyAttributeCollection keyAttributes)
    {
        LogicalName = entityName;
        KeyAttributes = keyAttributes;
    }

    public string LogicalName { get; set; }

    public virtual Guid Id { get; set; }

    /// <summary>Never null: created on first use.</summary>
    public AttributeCollection Attributes
    {
        get => _attributes ??= new AttributeCollection();
        set => _attributes = value;
    }

    public EntityState? EntityState { get; set; }

    public FormattedValueCollection FormattedValues => _formattedValues ??= new FormattedValueCollection();

    public string RowVersion { get; set; }

    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes ??= new KeyAttributeCollection();
        set => _keyAttributes = value;
    }

    /// <summary>Reads or writes <see cref="Attributes"/>; reading a missing column throws KeyNotFoundException.</summary>
    public object this[string attributeName]
    {
        get => Attributes[attributeName];
        set => Attributes[attributeName] = value;
    }

    public bool Contains(string attributeName) => Attributes.Contains(attributeName);

    /// <summary>default(T) when the column is missing or null; otherwise a direct cast.</summary>
    public virtual T GetAttributeValue<T>(string attributeLogicalName)
    {
        if (string.IsNullOrWhiteSpace(attributeLogicalName))
        {
            throw new ArgumentNullException(nameof(attributeLogicalName));
        }

        return Attributes.TryGetValue(attributeLogicalName, out object value) && value != null ? (T)value : default;
    }

    /// <summary>False when the column is missing; otherwise true and the value cast as GetAttributeValue does.</summary>
    public bool TryGetAttributeValue<T>(string attributeKey, out T result)
    {
        if (Attributes.TryGetValue(attributeKey, out object value))
        {
            result = value == null ? default : (T)value;
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>A new T that shares this entity's identity and collections (a shallow copy).</summary>
    public T ToEntity<T>()
        where T : Entity
    {
        var copy = (T)Activator.CreateInstance(typeof(T));
        if (!string.IsNullOrEmpty(copy.LogicalName) && copy.LogicalName != LogicalName)
        {
            throw new NotSupportedException($"Cannot convert a '{LogicalName}' entity to {typeof(T).Name} ('{copy.LogicalName}').");
        }

        copy.LogicalName = LogicalName;
        copy.Id = Id;
        copy.Attributes = Attributes;
        copy.EntityState = EntityState;
        copy._formattedValues = FormattedValues;
        copy.RowVersion = RowVersion;
        copy.KeyAttributes = KeyAttributes;
        return copy;
    }

    /// <summary>Copies LogicalName, Id and RowVersion.</summary>
    public EntityReference ToEntityReference() => new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
}
