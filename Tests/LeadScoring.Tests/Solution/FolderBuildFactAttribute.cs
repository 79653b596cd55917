using LeadScoring.Tests.Sdk;

namespace LeadScoring.Tests.Solution;

/// <summary>A test of a build against Microsoft's assemblies in a folder (XrmSdk=Folder); any other build reports it skipped, with why.</summary>
public sealed class FolderBuildFactAttribute : FactAttribute
{
    public FolderBuildFactAttribute()
    {
        if (SdkTestAssemblies.XrmSdk != "Folder")
        {
            Skip = $"This build compiled against XrmSdk={SdkTestAssemblies.XrmSdk}; the test needs XrmSdk=Folder (XRM_SDK=Folder XRM_SDK_DIR=/path).";
        }
    }
}
