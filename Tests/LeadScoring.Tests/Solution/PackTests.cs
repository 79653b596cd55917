using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool;

namespace LeadScoring.Tests.Solution;

/// <summary>Packs Solution/ (see TestPack) and opens the zips.</summary>
public sealed class PackTests : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "leadscoring-pack-test-" + Guid.NewGuid().ToString("N"));
    private readonly string assembly = TestPack.Assembly;
    private readonly bool standin = TestPack.Standin;

    public PackTests() => Directory.CreateDirectory(temp);

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private string WebResources() => TestPack.WebResources(temp);

    private PackResult Pack(string output, string? webResources = null, bool allowStandin = true) =>
        TestPack.Pack(output, webResources ?? WebResources(), allowStandin);

    [Fact]
    public void The_packed_zips_hold_the_manifest_the_components_and_every_file_they_reference()
    {
        var result = Pack(Path.Combine(temp, "out"));
        Assert.Equal("LeadScoring.zip", Path.GetFileName(result.UnmanagedZip));
        Assert.Equal("LeadScoring_managed.zip", Path.GetFileName(result.ManagedZip));
        Assert.Equal(standin, result.StandinTestPack);
        var source = SolutionSource.Committed;

        foreach (var (zipPath, managed) in new[] { (result.UnmanagedZip, "0"), (result.ManagedZip, "1") })
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var entries = zip.Entries.ToDictionary(e => e.FullName);
            XElement Xml(string name) => XDocument.Load(entries[name].Open()).Root!;

            // [Content_Types].xml covers every extension in the zip.
            XNamespace types = "http://schemas.openxmlformats.org/package/2006/content-types";
            var extensions = Xml("[Content_Types].xml").Elements(types + "Default").Select(d => d.Attribute("Extension")!.Value).ToHashSet();
            Assert.All(entries.Keys.Select(e => Path.GetExtension(e).TrimStart('.')), e => Assert.Contains(e, extensions));

            // solution.xml: identity, managed flag, and the root components of Solution/.
            var manifest = Xml("solution.xml").Element("SolutionManifest")!;
            Assert.Equal("LeadScoring", manifest.Element("UniqueName")!.Value);
            Assert.Equal(source.Manifest.Element("Version")!.Value, manifest.Element("Version")!.Value);
            Assert.Equal(managed, manifest.Element("Managed")!.Value);
            Assert.Equal("ls", manifest.Element("Publisher")!.Element("CustomizationPrefix")!.Value);
            Assert.Equal(source.RootComponents.Count(), manifest.Element("RootComponents")!.Elements().Count());
            Assert.Equal(standin, manifest.Descendants("Description").Any(d => d.Attribute("description")!.Value.StartsWith(SolutionPacker.TestPackWarning, StringComparison.Ordinal)));

            // customizations.xml: every component of Solution/, folded in.
            var customizations = Xml("customizations.xml");
            var entities = customizations.Element("Entities")!.Elements("Entity").ToList();
            Assert.Equal(source.Tables.Keys.OrderBy(t => t, StringComparer.Ordinal), entities.Select(e => e.Element("Name")!.Value.ToLowerInvariant()).OrderBy(t => t, StringComparer.Ordinal));
            Assert.Equal(source.Forms.Count(), customizations.Descendants("systemform").Count());
            Assert.Equal(source.Views.Count(), customizations.Descendants("savedquery").Count());
            Assert.Contains(entities.Single(e => e.Element("Name")!.Value == "Lead").Element("RibbonDiffXml")!.Descendants("CustomAction"), a => a.Attribute("Id")!.Value == "ls.lead.HandBack.CustomAction");
            Assert.Equal(source.OptionSets.Keys.OrderBy(o => o, StringComparer.Ordinal), customizations.Element("optionsets")!.Elements("optionset").Select(o => o.Attribute("Name")!.Value).OrderBy(o => o, StringComparer.Ordinal));
            Assert.Equal(source.Roles.Count, customizations.Element("Roles")!.Elements("Role").Count());
            Assert.Equal(source.Relationships.Count, customizations.Element("EntityRelationships")!.Elements("EntityRelationship").Count());
            Assert.Equal(source.Steps.Select(s => s.Attribute("SdkMessageProcessingStepId")!.Value).OrderBy(s => s, StringComparer.Ordinal),
                customizations.Element("SdkMessageProcessingSteps")!.Elements().Select(s => s.Attribute("SdkMessageProcessingStepId")!.Value).OrderBy(s => s, StringComparer.Ordinal));
            Assert.Single(customizations.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly"));
            Assert.Equal(source.WebResources.Count, customizations.Element("WebResources")!.Elements("WebResource").Count());
            Assert.Single(customizations.Element("AppModules")!.Elements("AppModule"));
            Assert.Single(customizations.Element("AppModuleSiteMaps")!.Elements("AppModuleSiteMap"));
            Assert.Equal(source.FieldPermissions.Count(), customizations.Descendants("FieldPermission").Count());

            // Every file a component names is in the zip: the assembly and each web resource.
            var referenced = customizations.Descendants().Where(e => e.Name.LocalName is "FileName" or "JsonFileName" or "XamlFileName").Select(f => f.Value.TrimStart('/')).ToList();
            Assert.All(referenced, path => Assert.True(entries.ContainsKey(path), "missing from the zip: " + path));
            string dll = Assert.Single(referenced, r => r.EndsWith(".dll", StringComparison.Ordinal));
            Assert.Equal(source.Files("Workflows", "*.data.xml").Count(), customizations.Element("Workflows")!.Elements("Workflow").Count());
            Assert.Equal(source.Files("Dashboards", "*.xml").Count(), customizations.Element("Dashboards")!.Elements("Dashboard").Count());
            Assert.Equal(source.Tables.Values.Sum(t => t.Charts.Count), customizations.Descendants("visualization").Count());
            Assert.Equal(source.Customizations.Descendants("connectionreference").Count(), customizations.Descendants("connectionreference").Count());
            Assert.All(source.Files("environmentvariabledefinitions", "*.xml"), f => Assert.Contains(Path.GetRelativePath(source.Folder, f).Replace('\\', '/'), entries.Keys));
            using (var packed = new MemoryStream())
            {
                entries[dll].Open().CopyTo(packed);
                Assert.Equal(File.ReadAllBytes(assembly), packed.ToArray());
            }

            // Custom APIs travel as their folders; nothing else is in the zip.
            foreach (var (name, api) in source.CustomApis)
            {
                Assert.Contains($"customapis/{name}/customapi.xml", entries.Keys);
                Assert.All(api.RequestParameters, p => Assert.Contains($"customapis/{name}/customapirequestparameters/{p.Attribute("uniquename")!.Value}/customapirequestparameter.xml", entries.Keys));
                Assert.All(api.ResponseProperties, p => Assert.Contains($"customapis/{name}/customapiresponseproperties/{p.Attribute("uniquename")!.Value}/customapiresponseproperty.xml", entries.Keys));
            }

            var expected = new HashSet<string>(referenced) { "[Content_Types].xml", "solution.xml", "customizations.xml" };
            var unexpected = entries.Keys.Where(e => !expected.Contains(e) && !e.StartsWith("customapis/", StringComparison.Ordinal) && !e.StartsWith("environmentvariabledefinitions/", StringComparison.Ordinal)).ToList();
            Assert.Empty(unexpected);
        }
    }

    [Fact]
    public void Two_packs_of_the_same_source_are_byte_for_byte_equal()
    {
        string web = WebResources();
        var first = Pack(Path.Combine(temp, "one"), web);
        var second = Pack(Path.Combine(temp, "two"), web);
        Assert.Equal(File.ReadAllBytes(first.UnmanagedZip), File.ReadAllBytes(second.UnmanagedZip));
        Assert.Equal(File.ReadAllBytes(first.ManagedZip), File.ReadAllBytes(second.ManagedZip));
    }

    [Fact]
    public void A_stand_in_build_is_refused_without_the_testing_flag_and_the_message_says_why()
    {
        if (!standin)
        {
            return; // built against the official SDK: nothing to refuse
        }

        string output = Path.Combine(temp, "refused");
        var error = Assert.Throws<SolutionToolException>(() => Pack(output, allowStandin: false));
        Assert.Contains("stand-in", error.Message, StringComparison.Ordinal);
        Assert.Contains(StrongName.MicrosoftToken, error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-standin-for-tests", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "LeadScoring.zip")));

        var errors = new StringWriter();
        int exit = Program.Run(new[] { "pack", "--repo", RepositoryRoot.Path, "--out", output, "--assembly", assembly, "--webresources", WebResources(), "--no-pac" }, TextWriter.Null, errors);
        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", errors.ToString(), StringComparison.Ordinal);
    }

    [FolderBuildFact]
    public void A_folder_build_packs_as_official_and_a_look_alike_sdk_beside_it_is_refused()
    {
        var log = new StringWriter();
        var result = SolutionPacker.Pack(new PackOptions
        {
            RepositoryRoot = RepositoryRoot.Path,
            OutputFolder = Path.Combine(temp, "official"),
            AssemblyPath = assembly,
            WebResourcesFolder = WebResources(),
            UsePac = false,
        }, log);
        Assert.False(result.StandinTestPack);
        Assert.Contains("Microsoft.Xrm.Sdk 9.0.0.0 beside the plug-in assembly: Microsoft's (public key token 31bf3856ad364e35)", log.ToString(), StringComparison.Ordinal);

        // The same plug-in assembly with the stand-in's Microsoft.Xrm.Sdk.dll put beside it.
        string copy = Path.Combine(temp, "lookalike");
        Directory.CreateDirectory(copy);
        File.Copy(assembly, Path.Combine(copy, Path.GetFileName(assembly)));
        File.Copy(Sdk.SdkTestAssemblies.PathOf("Microsoft.Xrm.Sdk"), Path.Combine(copy, "Microsoft.Xrm.Sdk.dll"));
        var error = Assert.Throws<SolutionToolException>(() => SolutionPacker.Pack(new PackOptions
        {
            RepositoryRoot = RepositoryRoot.Path,
            OutputFolder = Path.Combine(temp, "refused"),
            AssemblyPath = Path.Combine(copy, Path.GetFileName(assembly)),
            WebResourcesFolder = WebResources(),
            UsePac = false,
        }, TextWriter.Null));
        Assert.Contains("is not Microsoft's assembly", error.Message, StringComparison.Ordinal);
        Assert.Contains(StrongName.MicrosoftToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_built_web_resources_are_refused_with_the_build_command()
    {
        string empty = Path.Combine(temp, "empty");
        Directory.CreateDirectory(empty);
        var error = Assert.Throws<SolutionToolException>(() => Pack(Path.Combine(temp, "out"), empty));
        Assert.Contains("ls_/scripts/leadform.js", error.Message, StringComparison.Ordinal);
        Assert.Contains("npm run build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_assembly_is_refused_with_the_build_command()
    {
        var error = Assert.Throws<SolutionToolException>(() => SolutionPacker.Pack(new PackOptions
        {
            RepositoryRoot = RepositoryRoot.Path,
            OutputFolder = Path.Combine(temp, "out"),
            AssemblyPath = Path.Combine(temp, "nothing.dll"),
            WebResourcesFolder = WebResources(),
            UsePac = false,
        }, TextWriter.Null));
        Assert.Contains("dotnet build Plugins/LeadScoring.Plugins.csproj -c Release -f net462 -p:XrmSdk=Official", error.Message, StringComparison.Ordinal);
    }
}
