// Reference §5.3: WhoAmI.
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

public sealed class WhoAmIRequest : OrganizationRequest
{
    public WhoAmIRequest()
    {
        RequestName = "WhoAmI";
    }
}

public sealed class WhoAmIResponse : OrganizationResponse
{
    public Guid UserId => Results.Contains(nameof(UserId)) ? (Guid)Results[nameof(UserId)] : default;

    public Guid BusinessUnitId => Results.Contains(nameof(BusinessUnitId)) ? (Guid)Results[nameof(BusinessUnitId)] : default;

    public Guid OrganizationId => Results.Contains(nameof(OrganizationId)) ? (Guid)Results[nameof(OrganizationId)] : default;
}
