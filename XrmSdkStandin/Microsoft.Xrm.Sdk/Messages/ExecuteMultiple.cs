// Reference §5.2: ExecuteMultiple.
namespace Microsoft.Xrm.Sdk.Messages;

public sealed class ExecuteMultipleRequest : OrganizationRequest
{
    public ExecuteMultipleRequest()
    {
        RequestName = "ExecuteMultiple";
    }

    public OrganizationRequestCollection Requests
    {
        get => Get<OrganizationRequestCollection>(nameof(Requests));
        set => Parameters[nameof(Requests)] = value;
    }

    public ExecuteMultipleSettings Settings
    {
        get => Get<ExecuteMultipleSettings>(nameof(Settings));
        set => Parameters[nameof(Settings)] = value;
    }
}

public sealed class ExecuteMultipleResponse : OrganizationResponse
{
    public bool IsFaulted => Get<bool>(nameof(IsFaulted));

    public ExecuteMultipleResponseItemCollection Responses => Get<ExecuteMultipleResponseItemCollection>(nameof(Responses));
}
