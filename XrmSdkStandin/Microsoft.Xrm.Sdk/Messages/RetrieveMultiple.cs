// Reference §5.2: RetrieveMultiple.
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

public sealed class RetrieveMultipleRequest : OrganizationRequest
{
    public RetrieveMultipleRequest()
    {
        RequestName = "RetrieveMultiple";
    }

    public QueryBase Query
    {
        get => Get<QueryBase>(nameof(Query));
        set => Parameters[nameof(Query)] = value;
    }
}

public sealed class RetrieveMultipleResponse : OrganizationResponse
{
    public EntityCollection EntityCollection => Get<EntityCollection>(nameof(EntityCollection));
}
