using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LeadScoring.Tests.Sdk;

/// <summary>
/// The assemblies the SDK fidelity tests inspect. The test project builds them (without referencing
/// them) and records their paths as assembly metadata (see RecordSdkTestPaths in the .csproj), so these
/// tests read the stand-in whichever SDK the plug-ins were compiled against.
/// </summary>
internal static class SdkTestAssemblies
{
    public static string PathOf(string assemblyName) => Metadata("SdkTestAssembly:" + assemblyName);

    public static string ApprovedSurfaceFile => Metadata("ApprovedSurface");

    /// <summary>The SDK the plug-in project compiled against in this build: Official or Standin.</summary>
    public static string XrmSdk => Metadata("XrmSdk");

    /// <summary>Loads .NET (Core) assemblies for inspection only, resolving against the running runtime.</summary>
    public static MetadataLoadContext NetContext(params string[] assemblyPaths) =>
        Context("System.Private.CoreLib", Dlls(Path.GetDirectoryName(typeof(object).Assembly.Location)!), assemblyPaths);

    /// <summary>Loads .NET Framework 4.6.2 assemblies for inspection only, resolving against its reference assemblies.</summary>
    public static MetadataLoadContext Net462Context(params string[] assemblyPaths)
    {
        string referenceAssemblies = Metadata("Net462ReferenceAssemblies");
        Assert.True(Directory.Exists(referenceAssemblies), $"The .NET Framework 4.6.2 reference assemblies are missing: {referenceAssemblies}");
        var framework = Dlls(referenceAssemblies).Concat(Dlls(Path.Combine(referenceAssemblies, "Facades")));
        return Context("mscorlib", framework, assemblyPaths);
    }

    private static MetadataLoadContext Context(string coreAssembly, IEnumerable<string> framework, string[] assemblyPaths)
    {
        foreach (string path in assemblyPaths)
        {
            Assert.True(File.Exists(path), $"Not built: {path}");
        }

        // The inspected assemblies and their neighbours (project references are copied beside them)
        // come first, so they win over any framework assembly of the same name.
        var candidates = assemblyPaths
            .Concat(assemblyPaths.SelectMany(path => Dlls(Path.GetDirectoryName(path)!)))
            .Concat(framework)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First());
        return new MetadataLoadContext(new PathAssemblyResolver(candidates), coreAssembly);
    }

    private static IEnumerable<string> Dlls(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.dll") : Enumerable.Empty<string>();

    private static string Metadata(string key) =>
        typeof(SdkTestAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata: build it with its .csproj (RecordSdkTestPaths).");
}
