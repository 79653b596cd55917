// The table and column metadata the product reads (RetrieveEntityRequest with EntityFilters.Attributes).
// Setters the SDK keeps internal or private stay so here; the emulator fills them by reflection, as
// test fakes of the official SDK do.
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk.Metadata;

[System.Flags]
public enum EntityFilters
{
    Default = 1,
    Entity = 1,
    Attributes = 2,
    Privileges = 4,
    Relationships = 8,
    All = 15,
}

public enum AttributeTypeCode
{
    Boolean = 0,
    Customer = 1,
    DateTime = 2,
    Decimal = 3,
    Double = 4,
    Integer = 5,
    Lookup = 6,
    Memo = 7,
    Money = 8,
    Owner = 9,
    PartyList = 10,
    Picklist = 11,
    State = 12,
    Status = 13,
    String = 14,
    Uniqueidentifier = 15,
    CalendarRules = 16,
    Virtual = 17,
    BigInt = 18,
    ManagedProperty = 19,
    EntityName = 20,
}

public abstract class MetadataBase
{
    protected MetadataBase()
    {
    }
}

public sealed class EntityMetadata : MetadataBase
{
    public EntityMetadata()
    {
    }

    public string LogicalName { get; set; }

    public AttributeMetadata[] Attributes { get; internal set; }
}

// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.entitykeymetadata (EntityKeyIndexStatus: get; internal set)
public sealed class EntityKeyMetadata : MetadataBase
{
    public EntityKeyMetadata()
    {
    }

    public EntityKeyIndexStatus EntityKeyIndexStatus { get; internal set; }
}

public class AttributeMetadata : MetadataBase
{
    public AttributeMetadata()
    {
    }

    protected AttributeMetadata(AttributeTypeCode attributeType)
    {
        AttributeType = attributeType;
    }

    public string LogicalName { get; set; }

    public AttributeTypeCode? AttributeType { get; internal set; }
}

public abstract class EnumAttributeMetadata : AttributeMetadata
{
    protected EnumAttributeMetadata()
    {
    }

    public OptionSetMetadata OptionSet { get; set; }
}

public sealed class PicklistAttributeMetadata : EnumAttributeMetadata
{
    public PicklistAttributeMetadata()
    {
        AttributeType = AttributeTypeCode.Picklist;
    }
}

public sealed class BooleanAttributeMetadata : AttributeMetadata
{
    public BooleanAttributeMetadata()
        : base(AttributeTypeCode.Boolean)
    {
    }

    public BooleanOptionSetMetadata OptionSet { get; set; }
}

public abstract class OptionSetMetadataBase : MetadataBase
{
    protected OptionSetMetadataBase()
    {
    }
}

public sealed class OptionSetMetadata : OptionSetMetadataBase
{
    public OptionSetMetadata(OptionMetadataCollection options)
    {
        Options = options;
    }

    public OptionMetadataCollection Options { get; private set; }
}

public sealed class BooleanOptionSetMetadata : OptionSetMetadataBase
{
    public BooleanOptionSetMetadata(OptionMetadata trueOption, OptionMetadata falseOption)
    {
        TrueOption = trueOption;
        FalseOption = falseOption;
    }

    public OptionMetadata TrueOption { get; set; }

    public OptionMetadata FalseOption { get; set; }
}

public sealed class OptionMetadataCollection : DataCollection<OptionMetadata>
{
    public OptionMetadataCollection(IList<OptionMetadata> list)
    {
        AddRange(list);
    }
}

public class OptionMetadata : MetadataBase
{
    public OptionMetadata(Label label, int? value)
    {
        Label = label;
        Value = value;
    }

    public Label Label { get; set; }

    public int? Value { get; set; }
}
