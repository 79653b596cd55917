// Reference §3.1: the SDK's change-tracking state, not the record's statecode.
namespace Microsoft.Xrm.Sdk;

public enum EntityState
{
    Unchanged = 0,
    Created = 1,
    Changed = 2,
}
