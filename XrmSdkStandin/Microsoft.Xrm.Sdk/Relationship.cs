// Reference §3.3: Relationship and EntityRole.
namespace Microsoft.Xrm.Sdk;

public sealed class Relationship
{
    public Relationship()
    {
    }

    public Relationship(string schemaName)
    {
        SchemaName = schemaName;
    }

    public string SchemaName { get; set; }

    public EntityRole? PrimaryEntityRole { get; set; }
}

public enum EntityRole
{
    Referencing = 0,
    Referenced = 1,
}
