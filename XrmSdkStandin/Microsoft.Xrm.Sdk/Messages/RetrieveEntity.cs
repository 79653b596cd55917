// RetrieveEntity: one table's metadata (with EntityFilters.Attributes, its columns).
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentityrequest
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages;

public sealed class RetrieveEntityRequest : OrganizationRequest
{
    public RetrieveEntityRequest()
    {
        RequestName = "RetrieveEntity";
    }

    public EntityFilters EntityFilters
    {
        get => Get<EntityFilters>(nameof(EntityFilters));
        set => Parameters[nameof(EntityFilters)] = value;
    }

    public string LogicalName
    {
        get => Get<string>(nameof(LogicalName));
        set => Parameters[nameof(LogicalName)] = value;
    }
}

public sealed class RetrieveEntityResponse : OrganizationResponse
{
    public EntityMetadata EntityMetadata => Get<EntityMetadata>(nameof(EntityMetadata));
}
