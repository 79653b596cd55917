// Reference §5.2: optimistic concurrency for Update/Delete.
namespace Microsoft.Xrm.Sdk;

public enum ConcurrencyBehavior
{
    Default = 0,
    IfRowVersionMatches = 1,
    AlwaysOverwrite = 2,
}
