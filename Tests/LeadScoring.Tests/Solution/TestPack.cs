using System.IO;
using System.Linq;
using LeadScoring.SolutionTool;
using LeadScoring.Tests.Sdk;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// Packs Solution/ for a test with the net462 plug-in assembly this build produced.
///
/// The assembly: in this project's CI it is a stand-in build, so the test packs with
/// --allow-standin-for-tests (and the zips say they are a test pack); with the official SDK the same
/// test packs a real one. The web resources: test.sh runs the .NET tests before it builds the web
/// resources, so WebResources/dist/ is often missing here. The pack then takes placeholder files, one
/// per name in webresources.json, from a temporary folder: what it proves is the layout, the manifest
/// and the file references, not the scripts' content (WebResources/test.sh tests those).
/// </summary>
internal static class TestPack
{
    public static string Assembly { get; } = SdkTestAssemblies.PathOf("LeadScoring.Plugins");

    public static bool Standin { get; } = SdkTestAssemblies.XrmSdk == "Standin";

    /// <summary>WebResources/dist when it is built, else placeholders written under temp.</summary>
    public static string WebResources(string temp)
    {
        string dist = Path.Combine(RepositoryRoot.Path, "WebResources", "dist");
        var names = SolutionInputs.ReadWebResources(Path.Combine(RepositoryRoot.Path, "WebResources", "webresources.json")).Select(w => w.Name).ToList();
        if (names.All(n => File.Exists(Path.Combine(dist, n))))
        {
            return dist;
        }

        string placeholders = Path.Combine(temp, "web");
        foreach (string name in names)
        {
            string file = Path.Combine(placeholders, name);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "/* placeholder for " + name + ": WebResources/dist is not built */");
        }

        return placeholders;
    }

    public static PackResult Pack(string output, string webResources, bool allowStandin = true) =>
        SolutionPacker.Pack(new PackOptions
        {
            RepositoryRoot = RepositoryRoot.Path,
            OutputFolder = output,
            AssemblyPath = Assembly,
            WebResourcesFolder = webResources,
            AllowStandinForTests = allowStandin,
            UsePac = false,
        }, TextWriter.Null);
}
