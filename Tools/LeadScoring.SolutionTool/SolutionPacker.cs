using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace LeadScoring.SolutionTool
{
    public sealed class PackOptions
    {
        public string RepositoryRoot { get; set; } = "";
        public string OutputFolder { get; set; } = "";
        /// <summary>The unpacked solution; default Solution/.</summary>
        public string? SolutionFolder { get; set; }
        /// <summary>The net462 plug-in assembly; default pac-config.json's pluginAssembly.path (the Release build).</summary>
        public string? AssemblyPath { get; set; }
        /// <summary>The built web resources, one file per web-resource name; default WebResources/dist.</summary>
        public string? WebResourcesFolder { get; set; }
        /// <summary>Accept an assembly compiled against the SDK stand-in: the zips are for tests and say so.</summary>
        public bool AllowStandinForTests { get; set; }
        /// <summary>Use `pac solution pack` for the unmanaged zip when pac is on PATH.</summary>
        public bool UsePac { get; set; } = true;
    }

    public sealed record PackResult(string UnmanagedZip, string ManagedZip, bool UsedPac, bool StandinTestPack);

    /// <summary>
    /// Packs the unpacked solution into the zips a Dataverse import takes: [Content_Types].xml,
    /// solution.xml, customizations.xml (every component file folded back into it, as SolutionPackager
    /// does), the plug-in assembly under PluginAssemblies/, the web resources under WebResources/ at the
    /// paths their FileName elements name, and customapis/ as it is. The managed zip differs only in
    /// solution.xml's Managed flag. Both are deterministic (fixed entry order and timestamps).
    /// </summary>
    public static class SolutionPacker
    {
        public const string TestPackWarning = "TEST PACK built against the Xrm SDK stand-in: not importable into Dataverse.";

        /// <summary>Zip entries' timestamp: fixed, so two packs of the same input are byte for byte equal.</summary>
        private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public static PackResult Pack(PackOptions options, TextWriter log)
        {
            string root = Path.GetFullPath(options.RepositoryRoot);
            string solution = Path.GetFullPath(options.SolutionFolder ?? Path.Combine(root, "Solution"));
            var config = PacConfigFile.Read(Path.Combine(root, "pac-config.json"));
            string assemblyPath = Path.GetFullPath(options.AssemblyPath ?? Path.Combine(root, config.PluginAssembly.Path));
            string webFolder = Path.GetFullPath(options.WebResourcesFolder ?? Path.Combine(root, "WebResources", "dist"));

            var manifest = LoadXml(Path.Combine(solution, "Other", "Solution.xml")).Root!.Element("SolutionManifest")
                ?? throw new SolutionToolException("Solution/Other/Solution.xml has no SolutionManifest.");
            CheckIdentity(manifest, config);
            bool standin = CheckAssembly(solution, assemblyPath, config, options.AllowStandinForTests, log);
            var webFiles = CollectWebResources(solution, webFolder);

            Directory.CreateDirectory(options.OutputFolder);
            string unmanaged = Path.Combine(options.OutputFolder, config.Solution.UniqueName + ".zip");
            string managed = Path.Combine(options.OutputFolder, config.Solution.UniqueName + "_managed.zip");

            var files = SolutionFiles(solution, assemblyPath, webFiles, config);
            bool usedPac = false;
            if (options.UsePac && FindOnPath("pac") is { } pac)
            {
                PackWithPac(pac, files, solution, unmanaged, standin, log);
                usedPac = true;
            }
            else
            {
                WriteZip(unmanaged, Entries(solution, files, managed: false, standin));
            }

            // pac packs a managed solution only from a folder unpacked from both kinds (Managed 2 and the
            // *_managed files); this source is unmanaged, so the managed zip is always written here.
            WriteZip(managed, Entries(solution, files, managed: true, standin));
            log.WriteLine($"Packed {unmanaged}{(usedPac ? " (pac solution pack)" : "")}");
            log.WriteLine($"Packed {managed}");
            if (standin)
            {
                log.WriteLine(TestPackWarning);
            }

            return new PackResult(unmanaged, managed, usedPac, standin);
        }

        private static XDocument LoadXml(string path)
        {
            if (!File.Exists(path))
            {
                throw new SolutionToolException($"Missing {path}. Run: dotnet run --project Tools/LeadScoring.SolutionTool -- generate");
            }

            return XDocument.Load(path);
        }

        private static void CheckIdentity(XElement manifest, PacConfigFile config)
        {
            string? name = manifest.Element("UniqueName")?.Value;
            string? version = manifest.Element("Version")?.Value;
            if (name != config.Solution.UniqueName || version != config.Solution.Version)
            {
                throw new SolutionToolException(
                    $"Solution/Other/Solution.xml says {name} {version}, pac-config.json says {config.Solution.UniqueName} {config.Solution.Version}. " +
                    "Run: dotnet run --project Tools/LeadScoring.SolutionTool -- generate");
            }
        }

        /// <summary>Refuses an assembly Dataverse could not load or that does not match the solution. Returns whether it is a stand-in build.</summary>
        private static bool CheckAssembly(string solution, string assemblyPath, PacConfigFile config, bool allowStandin, TextWriter log)
        {
            if (!File.Exists(assemblyPath))
            {
                throw new SolutionToolException(
                    $"The plug-in assembly is not built: {assemblyPath}. Build it with: dotnet build Plugins/LeadScoring.Plugins.csproj -c Release -f net462 -p:XrmSdk=Official");
            }

            var facts = AssemblyFacts.Read(assemblyPath);
            if (facts.BuiltAgainstStandin)
            {
                string why = $"{Path.GetFileName(assemblyPath)} was compiled against the Xrm SDK stand-in (XrmSdkStandin/): its Microsoft.Xrm.Sdk reference has public key token {facts.XrmSdkToken}, " +
                    $"Microsoft's is {StrongName.MicrosoftToken}" + (AssemblyFacts.StandinBeside(assemblyPath) ? ", and the Microsoft.Xrm.Sdk.dll beside it is marked XrmSdkStandin" : "") +
                    ". Dataverse loads Microsoft's SDK, so these plug-ins would fail to load.";
                if (!allowStandin)
                {
                    throw new SolutionToolException(why + " Build with the official SDK (dotnet build Plugins/LeadScoring.Plugins.csproj -c Release -f net462 -p:XrmSdk=Official) " +
                        "or, for a test pack only, pass --allow-standin-for-tests.");
                }

                log.WriteLine("Warning: " + why + " Packing anyway (--allow-standin-for-tests); the zips say they are a test pack.");
            }
            else if (facts.XrmSdkToken == null)
            {
                throw new SolutionToolException($"{assemblyPath} does not reference Microsoft.Xrm.Sdk: it is not the plug-in assembly.");
            }
            else
            {
                CheckMicrosoftSdk(assemblyPath, facts, log);
            }

            if (facts.PublicKeyToken.Length == 0)
            {
                throw new SolutionToolException($"{assemblyPath} is not strong-named; sandboxed plug-in assemblies must be.");
            }

            string dataXml = Path.Combine(solution, SolutionLayout.AssemblyData(config.PluginAssembly));
            var data = LoadXml(dataXml).Root!;
            string declared = (string?)data.Attribute("FullName") ?? "";
            if (declared != facts.FullName)
            {
                throw new SolutionToolException($"The solution registers {declared}, the assembly is {facts.FullName}. Run generate after changing the assembly's version or key.");
            }

            var missing = data.Descendants("PluginType").Select(t => ((string)t.Attribute("AssemblyQualifiedName")!).Split(',')[0].Trim())
                .Where(type => !facts.TypeNames.Contains(type)).ToList();
            if (missing.Count > 0)
            {
                throw new SolutionToolException($"{Path.GetFileName(assemblyPath)} has no type {string.Join(", ", missing)}, which the solution registers. Build the net462 assembly from this source.");
            }

            return facts.BuiltAgainstStandin;
        }

        /// <summary>
        /// An official build (from the packages or from a folder of Microsoft's assemblies, XrmSdk=Folder):
        /// every SDK assembly it references, and every SDK assembly copied beside it, carries Microsoft's
        /// public key token. A re-signed or look-alike Microsoft.Xrm.Sdk.dll in the SDK folder is refused.
        /// </summary>
        private static void CheckMicrosoftSdk(string assemblyPath, AssemblyFacts facts, TextWriter log)
        {
            foreach (var (name, token) in facts.SdkReferences.Where(r => r.Value != StrongName.MicrosoftToken))
            {
                throw new SolutionToolException($"{Path.GetFileName(assemblyPath)} references {name} with public key token {token}; Microsoft's is {StrongName.MicrosoftToken}. Build against Microsoft's SDK assemblies.");
            }

            string folder = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
            foreach (string name in AssemblyFacts.SdkAssemblies)
            {
                string beside = Path.Combine(folder, name + ".dll");
                if (!File.Exists(beside))
                {
                    continue;
                }

                var identity = AssemblyFacts.Identity(beside);
                if (identity.Token != StrongName.MicrosoftToken)
                {
                    throw new SolutionToolException($"{beside} has public key token {(identity.Token.Length == 0 ? "none" : identity.Token)}, Microsoft's is {StrongName.MicrosoftToken}: " +
                        "it is not Microsoft's assembly, so the build it comes from is not official. Take the SDK folder's files from Microsoft's packages.");
                }

                log.WriteLine($"{name} {identity.Version} beside the plug-in assembly: Microsoft's (public key token {identity.Token}).");
            }
        }

        /// <summary>Web-resource name → built file. Every web resource the solution declares must be built.</summary>
        private static SortedDictionary<string, string> CollectWebResources(string solution, string webFolder)
        {
            var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var missing = new List<string>();
            string declarations = Path.Combine(solution, "WebResources");
            if (!Directory.Exists(declarations))
            {
                return found;
            }

            foreach (string dataXml in Directory.EnumerateFiles(declarations, "*.data.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                string name = XDocument.Load(dataXml).Root!.Element("Name")!.Value;
                string built = Path.Combine(webFolder, name.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(built))
                {
                    found[name] = built;
                }
                else
                {
                    missing.Add(name);
                }
            }

            if (missing.Count > 0)
            {
                throw new SolutionToolException($"Web resources not built in {webFolder}: {string.Join(", ", missing)}. Build them with: cd WebResources && npm ci && npm run build");
            }

            return found;
        }

        /// <summary>The binary and source files that go into the zip besides solution.xml and customizations.xml: zip path → file on disk.</summary>
        private static SortedDictionary<string, string> SolutionFiles(string solution, string assemblyPath, SortedDictionary<string, string> webFiles, PacConfigFile config)
        {
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [SolutionLayout.Assembly(config.PluginAssembly)] = assemblyPath,
            };
            foreach (var (name, path) in webFiles)
            {
                files["WebResources/" + name] = path;
            }

            // Custom APIs travel as their folders (Learn: "Create a custom API with solution files"), and so
            // do environment variable definitions (the layout pac unpacks them to).
            foreach (string folder in new[] { "customapis", "environmentvariabledefinitions" })
            {
                string path = Path.Combine(solution, folder);
                if (Directory.Exists(path))
                {
                    foreach (string file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                    {
                        files[Path.GetRelativePath(solution, file).Replace('\\', '/')] = file;
                    }
                }
            }

            // Classic workflows and cloud flows: their definition files (.xaml, .json) travel; their .data.xml goes into customizations.xml.
            string workflows = Path.Combine(solution, "Workflows");
            if (Directory.Exists(workflows))
            {
                foreach (string file in Directory.EnumerateFiles(workflows, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".data.xml", StringComparison.Ordinal)))
                {
                    files[Path.GetRelativePath(solution, file).Replace('\\', '/')] = file;
                }
            }

            return files;
        }

        private static IEnumerable<(string Path, byte[] Content)> Entries(string solution, SortedDictionary<string, string> files, bool managed, bool standin)
        {
            yield return ("[Content_Types].xml", Encoding.UTF8.GetBytes(Rendering.Xml.Serialize(ContentTypes(files.Keys))));
            yield return ("solution.xml", Encoding.UTF8.GetBytes(Rendering.Xml.Serialize(SolutionManifest(solution, managed, standin))));
            yield return ("customizations.xml", Encoding.UTF8.GetBytes(Rendering.Xml.Serialize(Customizations(solution))));
            foreach (var (zipPath, file) in files)
            {
                yield return (zipPath, File.ReadAllBytes(file));
            }
        }

        private static XElement ContentTypes(IEnumerable<string> paths)
        {
            XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            var extensions = paths.Select(p => Path.GetExtension(p).TrimStart('.').ToLowerInvariant())
                .Where(e => e.Length > 0).Append("xml").Distinct().OrderBy(e => e, StringComparer.Ordinal);
            return new XElement(ns + "Types", extensions.Select(e => new XElement(ns + "Default",
                new XAttribute("Extension", e), new XAttribute("ContentType", "application/octet-stream"))));
        }

        private static XElement SolutionManifest(string solution, bool managed, bool standin)
        {
            var root = XDocument.Load(Path.Combine(solution, "Other", "Solution.xml")).Root!;
            var manifest = root.Element("SolutionManifest")!;
            manifest.Element("Managed")!.Value = managed ? "1" : "0";
            if (standin)
            {
                foreach (var description in manifest.Elements("Descriptions").Elements("Description"))
                {
                    description.SetAttributeValue("description", TestPackWarning + " " + (string?)description.Attribute("description"));
                }
            }

            return root;
        }

        /// <summary>customizations.xml: Other/Customizations.xml with every component file folded into its element.</summary>
        public static XElement Customizations(string solution)
        {
            var root = XDocument.Load(Path.Combine(solution, "Other", "Customizations.xml")).Root!;

            IEnumerable<XElement> Roots(string folder, string pattern) =>
                Directory.Exists(Path.Combine(solution, folder))
                    ? Directory.EnumerateFiles(Path.Combine(solution, folder), pattern, SearchOption.AllDirectories)
                        .OrderBy(f => Path.GetRelativePath(solution, f).Replace('\\', '/'), StringComparer.Ordinal)
                        .Select(f => XDocument.Load(f).Root!)
                    : Enumerable.Empty<XElement>();

            void Fill(string element, IEnumerable<XElement> children)
            {
                var target = root.Element(element);
                if (target == null)
                {
                    target = new XElement(element);
                    root.Element("Languages")!.AddBeforeSelf(target);
                }

                foreach (var child in children)
                {
                    child.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
                    target.Add(child);
                }
            }

            Fill("Entities", Directory.Exists(Path.Combine(solution, "Entities"))
                ? Directory.EnumerateDirectories(Path.Combine(solution, "Entities")).OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal).Select(EntityWithParts)
                : Enumerable.Empty<XElement>());
            Fill("Roles", Roots("Roles", "*.xml"));
            Fill("Workflows", Roots("Workflows", "*.data.xml"));
            Fill("EntityRelationships", Roots(Path.Combine("Other", "Relationships"), "*.xml").SelectMany(r => r.Elements("EntityRelationship")).ToList());
            Fill("optionsets", Roots("OptionSets", "*.xml"));
            Fill("SolutionPluginAssemblies", Roots("PluginAssemblies", "*.data.xml"));
            Fill("SdkMessageProcessingSteps", Roots("SdkMessageProcessingSteps", "*.xml"));
            Fill("WebResources", Roots("WebResources", "*.data.xml"));
            Fill("AppModuleSiteMaps", Roots("AppModuleSiteMaps", "AppModuleSiteMap.xml"));
            Fill("AppModules", Roots("AppModules", "AppModule.xml"));
            Fill("Dashboards", Roots("Dashboards", "*.xml"));
            return root;
        }

        /// <summary>An entity with its forms, views and ribbon folded back in, as customizations.xml holds it.</summary>
        private static XElement EntityWithParts(string folder)
        {
            var entity = XDocument.Load(Path.Combine(folder, "Entity.xml")).Root!;
            string formFolder = Path.Combine(folder, "FormXml");
            if (Directory.Exists(formFolder))
            {
                var forms = entity.Element("FormXml")!;
                foreach (string type in Directory.EnumerateDirectories(formFolder).OrderBy(d => d, StringComparer.Ordinal))
                {
                    forms.Add(new XElement("forms", new XAttribute("type", Path.GetFileName(type)),
                        Directory.EnumerateFiles(type, "*.xml").OrderBy(f => f, StringComparer.Ordinal).SelectMany(f => XDocument.Load(f).Root!.Elements("systemform"))));
                }
            }

            string viewFolder = Path.Combine(folder, "SavedQueries");
            if (Directory.Exists(viewFolder))
            {
                entity.Element("SavedQueries")!.Add(new XElement("savedqueries",
                    Directory.EnumerateFiles(viewFolder, "*.xml").OrderBy(f => f, StringComparer.Ordinal).SelectMany(f => XDocument.Load(f).Root!.Elements("savedquery"))));
            }

            string chartFolder = Path.Combine(folder, "Visualizations");
            if (Directory.Exists(chartFolder))
            {
                entity.Element("SavedQueries")!.AddAfterSelf(new XElement("Visualizations",
                    Directory.EnumerateFiles(chartFolder, "*.xml").OrderBy(f => f, StringComparer.Ordinal).Select(f => XDocument.Load(f).Root!)));
            }

            string ribbon = Path.Combine(folder, "RibbonDiff.xml");
            if (File.Exists(ribbon))
            {
                entity.Element("RibbonDiffXml")!.ReplaceWith(XDocument.Load(ribbon).Root!);
            }

            return entity;
        }

        private static void WriteZip(string path, IEnumerable<(string Path, byte[] Content)> entries)
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (entryPath, content) in entries)
                {
                    var entry = zip.CreateEntry(entryPath, CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTime;
                    using var writer = entry.Open();
                    writer.Write(content, 0, content.Length);
                }
            }

            File.WriteAllBytes(path, stream.ToArray());
        }

        private static string? FindOnPath(string command)
        {
            string[] names = OperatingSystem.IsWindows() ? new[] { command + ".exe", command + ".cmd" } : new[] { command };
            return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
                .FirstOrDefault(File.Exists);
        }

        /// <summary>Stages Solution/ with the assembly and web resources beside their .data.xml files, then runs pac solution pack.</summary>
        private static void PackWithPac(string pac, SortedDictionary<string, string> files, string solution, string zip, bool standin, TextWriter log)
        {
            string staging = Path.Combine(Path.GetTempPath(), "leadscoring-pack-" + Guid.NewGuid().ToString("N"));
            try
            {
                foreach (string file in Directory.EnumerateFiles(solution, "*", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(solution, file);
                    if (relative == "README.md")
                    {
                        continue;
                    }

                    string target = Path.Combine(staging, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }

                foreach (var (zipPath, file) in files)
                {
                    string target = Path.Combine(staging, zipPath.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target, overwrite: true);
                }

                if (standin)
                {
                    string manifest = Path.Combine(staging, "Other", "Solution.xml");
                    File.WriteAllText(manifest, Rendering.Xml.Serialize(SolutionManifest(staging, managed: false, standin: true)));
                }

                var start = new ProcessStartInfo(pac) { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (string argument in new[] { "solution", "pack", "--zipfile", zip, "--folder", staging, "--packagetype", "Unmanaged" })
                {
                    start.ArgumentList.Add(argument);
                }

                using var process = Process.Start(start) ?? throw new SolutionToolException("Could not start pac.");
                string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                process.WaitForExit();
                log.Write(output);
                if (process.ExitCode != 0)
                {
                    throw new SolutionToolException($"pac solution pack failed with exit code {process.ExitCode} (output above). Pass --no-pac to pack without it.");
                }
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }
    }
}
