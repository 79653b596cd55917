// Reference §5.2: Retrieve (RelatedEntitiesQuery is left out: the product does not use it).
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

public sealed class RetrieveRequest : OrganizationRequest
{
    public RetrieveRequest()
    {
        RequestName = "Retrieve";
    }

    public EntityReference Target
    {
        get => Get<EntityReference>(nameof(Target));
        set => Parameters[nameof(Target)] = value;
    }

    public ColumnSet ColumnSet
    {
        get => Get<ColumnSet>(nameof(ColumnSet));
        set => Parameters[nameof(ColumnSet)] = value;
    }

    public bool ReturnNotifications
    {
        get => Get<bool>(nameof(ReturnNotifications));
        set => Parameters[nameof(ReturnNotifications)] = value;
    }
}

public sealed class RetrieveResponse : OrganizationResponse
{
    public Entity Entity => Get<Entity>(nameof(Entity));
}
