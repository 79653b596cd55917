using System;

namespace Microsoft.Xrm.Sdk
{
    // Reference §2.1.
    public interface IPlugin
    {
        void Execute(IServiceProvider serviceProvider);
    }
}
