// An alternate key's definition and the status of its index, and the retry of a failed index job.
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentitykeyrequest
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentitykeyresponse
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.reactivateentitykeyrequest
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages;

public sealed class RetrieveEntityKeyRequest : OrganizationRequest
{
    public RetrieveEntityKeyRequest()
    {
        RequestName = "RetrieveEntityKey";
    }

    public string EntityLogicalName
    {
        get => Get<string>(nameof(EntityLogicalName));
        set => Parameters[nameof(EntityLogicalName)] = value;
    }

    public string LogicalName
    {
        get => Get<string>(nameof(LogicalName));
        set => Parameters[nameof(LogicalName)] = value;
    }
}

public sealed class RetrieveEntityKeyResponse : OrganizationResponse
{
    public EntityKeyMetadata EntityKeyMetadata => Get<EntityKeyMetadata>(nameof(EntityKeyMetadata));
}

public sealed class ReactivateEntityKeyRequest : OrganizationRequest
{
    public ReactivateEntityKeyRequest()
    {
        RequestName = "ReactivateEntityKey";
    }

    public string EntityKeyLogicalName
    {
        get => Get<string>(nameof(EntityKeyLogicalName));
        set => Parameters[nameof(EntityKeyLogicalName)] = value;
    }

    public string EntityLogicalName
    {
        get => Get<string>(nameof(EntityLogicalName));
        set => Parameters[nameof(EntityLogicalName)] = value;
    }
}
