// ExecuteTransaction: the requests run in order in one database transaction; a fault rolls all of them
// back and comes as an ExecuteTransactionFault naming the index of the request that failed.
// https://learn.microsoft.com/power-apps/developer/data-platform/org-service/use-executetransaction
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.executetransactionrequest
namespace Microsoft.Xrm.Sdk.Messages;

public sealed class ExecuteTransactionRequest : OrganizationRequest
{
    public ExecuteTransactionRequest()
    {
        RequestName = "ExecuteTransaction";
    }

    public OrganizationRequestCollection Requests
    {
        get => Get<OrganizationRequestCollection>(nameof(Requests));
        set => Parameters[nameof(Requests)] = value;
    }

    public bool? ReturnResponses
    {
        get => Get<bool?>(nameof(ReturnResponses));
        set => Parameters[nameof(ReturnResponses)] = value;
    }
}

public sealed class ExecuteTransactionResponse : OrganizationResponse
{
    public OrganizationResponseCollection Responses => Get<OrganizationResponseCollection>(nameof(Responses));
}
