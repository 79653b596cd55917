// Reference §5.2: the supporting types of ExecuteMultiple (namespace Microsoft.Xrm.Sdk, not .Messages).
namespace Microsoft.Xrm.Sdk;

public sealed class ExecuteMultipleSettings
{
    public bool ContinueOnError { get; set; }

    public bool ReturnResponses { get; set; }
}

public sealed class ExecuteMultipleResponseItem
{
    public int RequestIndex { get; set; }

    public OrganizationResponse Response { get; set; }

    public OrganizationServiceFault Fault { get; set; }
}
