using System;
using System.IO;
using System.Linq;
using LeadScoring.SolutionTool;
using LeadScoring.Tests.Sdk;

namespace LeadScoring.Tests.Solution;

/// <summary>Solution/ is what the definition generates, and generating is deterministic (ids never move).</summary>
public class GeneratedSourceTests
{
    [Fact]
    public void The_committed_solution_is_what_the_definition_generates()
    {
        var differences = Program.Differences(new SolutionGenerator(RepositoryRoot.Path).Generate(), Path.Combine(RepositoryRoot.Path, "Solution"));
        Assert.True(differences.Count == 0,
            "Solution/ is stale; run: dotnet run --project Tools/LeadScoring.SolutionTool -- generate\n" + string.Join("\n", differences.Take(20)));
    }

    [Fact]
    public void Generating_twice_gives_the_same_files()
    {
        var first = new SolutionGenerator(RepositoryRoot.Path).Generate();
        var second = new SolutionGenerator(RepositoryRoot.Path).Generate();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_writes_into_an_empty_folder_and_check_then_passes()
    {
        string folder = Path.Combine(Path.GetTempPath(), "leadscoring-generate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var generator = new SolutionGenerator(RepositoryRoot.Path);
            generator.WriteTo(folder);
            Assert.Empty(Program.Differences(generator.Generate(), folder));
            File.WriteAllText(Path.Combine(folder, "Other", "stray.xml"), "<x />");
            Assert.Contains("not generated: Solution/Other/stray.xml", Program.Differences(generator.Generate(), folder));
            generator.WriteTo(folder);
            Assert.False(File.Exists(Path.Combine(folder, "Other", "stray.xml")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Stable_ids_are_rfc_4122_version_5()
    {
        // The RFC's DNS namespace and Python's uuid.uuid5(NAMESPACE_DNS, "python.org").
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), StableId.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
        Assert.Equal(StableId.For("form", "lead/leadscoring"), StableId.For("form", "lead/leadscoring"));
        Assert.NotEqual(StableId.For("form", "lead/leadscoring"), StableId.For("view", "lead/leadscoring"));
    }

    [Fact]
    public void The_key_files_token_is_the_built_assemblys()
    {
        string token = StrongName.TokenOfKeyFile(Path.Combine(RepositoryRoot.Path, "Plugins", "LeadScoring.Plugins.snk"));
        Assert.Equal(AssemblyFacts.Read(SdkTestAssemblies.PathOf("LeadScoring.Plugins")).PublicKeyToken, token);
    }
}
