// Reference §5.3: SetState (statecode + statuscode of a record).
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

public sealed class SetStateRequest : OrganizationRequest
{
    public SetStateRequest()
    {
        RequestName = "SetState";
    }

    public EntityReference EntityMoniker
    {
        get => Parameters.Contains(nameof(EntityMoniker)) ? (EntityReference)Parameters[nameof(EntityMoniker)] : null;
        set => Parameters[nameof(EntityMoniker)] = value;
    }

    public OptionSetValue State
    {
        get => Parameters.Contains(nameof(State)) ? (OptionSetValue)Parameters[nameof(State)] : null;
        set => Parameters[nameof(State)] = value;
    }

    public OptionSetValue Status
    {
        get => Parameters.Contains(nameof(Status)) ? (OptionSetValue)Parameters[nameof(Status)] : null;
        set => Parameters[nameof(Status)] = value;
    }
}

public sealed class SetStateResponse : OrganizationResponse
{
}
