// Reference §5.2: Update. ConcurrencyBehavior reads Default while unset.
namespace Microsoft.Xrm.Sdk.Messages;

public sealed class UpdateRequest : OrganizationRequest
{
    public UpdateRequest()
    {
        RequestName = "Update";
    }

    public Entity Target
    {
        get => Get<Entity>(nameof(Target));
        set => Parameters[nameof(Target)] = value;
    }

    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => Get<ConcurrencyBehavior>(nameof(ConcurrencyBehavior));
        set => Parameters[nameof(ConcurrencyBehavior)] = value;
    }
}

public sealed class UpdateResponse : OrganizationResponse
{
}
