// The status of an alternate key's index, which an asynchronous system job builds.
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.entitykeyindexstatus
namespace Microsoft.Xrm.Sdk;

public enum EntityKeyIndexStatus
{
    Pending = 0,
    InProgress = 1,
    Active = 2,
    Failed = 3,
}
