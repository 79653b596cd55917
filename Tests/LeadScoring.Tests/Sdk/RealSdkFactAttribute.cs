using System;
using System.IO;

namespace LeadScoring.Tests.Sdk;

/// <summary>
/// A test that compares the stand-in with Microsoft's real SDK assemblies in the folder XRM_SDK_DIR names
/// (the Folder SDK choice). Without that folder the test is reported as skipped, with why.
/// </summary>
public sealed class RealSdkFactAttribute : FactAttribute
{
    public RealSdkFactAttribute()
    {
        if (Folder == null)
        {
            Skip = "XRM_SDK_DIR does not name a folder with Microsoft.Xrm.Sdk.dll, Microsoft.Crm.Sdk.Proxy.dll and Microsoft.Xrm.Sdk.Workflow.dll: no real SDK to compare the stand-in with.";
        }
    }

    /// <summary>The folder of Microsoft's SDK assemblies, or null.</summary>
    public static string? Folder { get; } = Environment.GetEnvironmentVariable("XRM_SDK_DIR") is { Length: > 0 } folder
        && File.Exists(Path.Combine(folder, "Microsoft.Xrm.Sdk.dll")) && File.Exists(Path.Combine(folder, "Microsoft.Crm.Sdk.Proxy.dll"))
        && File.Exists(Path.Combine(folder, "Microsoft.Xrm.Sdk.Workflow.dll"))
            ? Path.GetFullPath(folder)
            : null;

    public static string PathOf(string assemblyName) => Path.Combine(Folder!, assemblyName + ".dll");
}
