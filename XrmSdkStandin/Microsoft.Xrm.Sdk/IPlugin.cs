// Reference §2.1 (shared/reference/xrm-sdk-surface.md).
using System;

namespace Microsoft.Xrm.Sdk;

public interface IPlugin
{
    void Execute(IServiceProvider serviceProvider);
}
