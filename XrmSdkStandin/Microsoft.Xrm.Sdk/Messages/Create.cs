// Reference §5.2: Create. The response's key is lower-case "id".
using System;

namespace Microsoft.Xrm.Sdk.Messages;

public sealed class CreateRequest : OrganizationRequest
{
    public CreateRequest()
    {
        RequestName = "Create";
    }

    public Entity Target
    {
        get => Get<Entity>(nameof(Target));
        set => Parameters[nameof(Target)] = value;
    }
}

public sealed class CreateResponse : OrganizationResponse
{
#pragma warning disable IDE1006 // The SDK names this property in lower case.
    public Guid id => Get<Guid>("id");
#pragma warning restore IDE1006
}
