using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadScoring.SolutionTool.Definition;

namespace LeadScoring.SolutionTool
{
    /// <summary>
    /// What the solution is generated from besides Definition/: pac-config.json (identity, assembly, steps,
    /// images, Custom APIs), WebResources/webresources.json, and the plug-in assembly's full name (from the
    /// project's Version and its .snk).
    /// </summary>
    public sealed class SolutionInputs
    {
        public SolutionInputs(string repositoryRoot)
        {
            Config = PacConfigFile.Read(Path.Combine(repositoryRoot, "pac-config.json"));
            WebResources = ReadWebResources(Path.Combine(repositoryRoot, "WebResources", "webresources.json"));
            AssemblyFullName = PluginAssemblyFullName(repositoryRoot, Config.PluginAssembly.Name);
        }

        public PacConfigFile Config { get; }

        public IReadOnlyList<WebResource> WebResources { get; }

        /// <summary>"LeadScoring.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=…".</summary>
        public string AssemblyFullName { get; }

        public static string PluginAssemblyFullName(string repositoryRoot, string assemblyName)
        {
            string project = File.ReadAllText(Path.Combine(repositoryRoot, "Plugins", "LeadScoring.Plugins.csproj"));
            var match = Regex.Match(project, "<Version>([0-9.]+)</Version>");
            if (!match.Success)
            {
                throw new SolutionToolException("Plugins/LeadScoring.Plugins.csproj has no <Version>.");
            }

            var version = Version.Parse(match.Groups[1].Value);
            string fourPart = new Version(version.Major, version.Minor, Math.Max(version.Build, 0), Math.Max(version.Revision, 0)).ToString();
            string token = StrongName.TokenOfKeyFile(Path.Combine(repositoryRoot, "Plugins", "LeadScoring.Plugins.snk"));
            return $"{assemblyName}, Version={fourPart}, Culture=neutral, PublicKeyToken={token}";
        }

        public static IReadOnlyList<WebResource> ReadWebResources(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.GetProperty("webResources").EnumerateArray()
                .Select(e => new WebResource(e.GetProperty("name").GetString()!, e.GetProperty("displayName").GetString()!, e.GetProperty("type").GetInt32()))
                .ToList();
        }

        /// <summary>The id of a plug-in type: the activity's id from pac-config, else derived from the type's name.</summary>
        public Guid PluginTypeId(string typeName) =>
            Config.WorkflowActivities.FirstOrDefault(a => a.Type == typeName)?.Id ?? StableId.For("plugintype", typeName);

        /// <summary>The web resource a form shows; a clear error when webresources.json does not list it.</summary>
        public WebResource WebResource(string name, string usedBy) =>
            WebResources.SingleOrDefault(w => w.Name == name)
                ?? throw new SolutionToolException($"{usedBy} shows web resource {name}, which webresources.json does not list.");
    }
}
