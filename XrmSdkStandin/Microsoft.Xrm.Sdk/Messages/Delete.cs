// Reference §5.2: Delete.
namespace Microsoft.Xrm.Sdk.Messages;

public sealed class DeleteRequest : OrganizationRequest
{
    public DeleteRequest()
    {
        RequestName = "Delete";
    }

    public EntityReference Target
    {
        get => Get<EntityReference>(nameof(Target));
        set => Parameters[nameof(Target)] = value;
    }

    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => Get<ConcurrencyBehavior>(nameof(ConcurrencyBehavior));
        set => Parameters[nameof(ConcurrencyBehavior)] = value;
    }
}

public sealed class DeleteResponse : OrganizationResponse
{
}
