// Reference §5.3: Assign (a new owner for a record).
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

public sealed class AssignRequest : OrganizationRequest
{
    public AssignRequest()
    {
        RequestName = "Assign";
    }

    public EntityReference Target
    {
        get => Parameters.Contains(nameof(Target)) ? (EntityReference)Parameters[nameof(Target)] : null;
        set => Parameters[nameof(Target)] = value;
    }

    public EntityReference Assignee
    {
        get => Parameters.Contains(nameof(Assignee)) ? (EntityReference)Parameters[nameof(Assignee)] : null;
        set => Parameters[nameof(Assignee)] = value;
    }
}

public sealed class AssignResponse : OrganizationResponse
{
}
