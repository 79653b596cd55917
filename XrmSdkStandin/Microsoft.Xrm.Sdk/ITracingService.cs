// Reference §2.4.
namespace Microsoft.Xrm.Sdk;

public interface ITracingService
{
    void Trace(string format, params object[] args);
}
