// Reference §5.2: Upsert.
namespace Microsoft.Xrm.Sdk.Messages;

public sealed class UpsertRequest : OrganizationRequest
{
    public UpsertRequest()
    {
        RequestName = "Upsert";
    }

    public Entity Target
    {
        get => Get<Entity>(nameof(Target));
        set => Parameters[nameof(Target)] = value;
    }
}

public sealed class UpsertResponse : OrganizationResponse
{
    public bool RecordCreated => Get<bool>(nameof(RecordCreated));

    public EntityReference Target => Get<EntityReference>(nameof(Target));
}
