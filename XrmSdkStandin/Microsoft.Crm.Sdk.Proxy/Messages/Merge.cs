// Merge: the subordinate record's data moves to the target, then the subordinate is deactivated.
// https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.mergerequest
using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

public sealed class MergeRequest : OrganizationRequest
{
    public MergeRequest()
    {
        RequestName = "Merge";
    }

    public EntityReference Target
    {
        get => Parameters.Contains(nameof(Target)) ? (EntityReference)Parameters[nameof(Target)] : null;
        set => Parameters[nameof(Target)] = value;
    }

    public Guid SubordinateId
    {
        get => Parameters.Contains(nameof(SubordinateId)) ? (Guid)Parameters[nameof(SubordinateId)] : default;
        set => Parameters[nameof(SubordinateId)] = value;
    }

    public Entity UpdateContent
    {
        get => Parameters.Contains(nameof(UpdateContent)) ? (Entity)Parameters[nameof(UpdateContent)] : null;
        set => Parameters[nameof(UpdateContent)] = value;
    }

    public bool PerformParentingChecks
    {
        get => Parameters.Contains(nameof(PerformParentingChecks)) && (bool)Parameters[nameof(PerformParentingChecks)];
        set => Parameters[nameof(PerformParentingChecks)] = value;
    }
}

public sealed class MergeResponse : OrganizationResponse
{
}
