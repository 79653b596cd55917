using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Rendering;

namespace LeadScoring.SolutionTool.Validation
{
    /// <summary>
    /// What no schema checks: every root component has a component type from Learn's list
    /// (SolutionComponentTypes) and is in the package; every id a component refers to (plug-in types,
    /// views, charts, dashboards, roles, web resources, Custom APIs, connection references, files)
    /// is in the package too.
    /// </summary>
    public static class SemanticCheck
    {
        private const string Part = "semantics";

        public static void Run(PackedSolution package, ValidationReport report)
        {
            var components = new Components(package);
            void Error(string where, string message) => report.Error(Part, where, message);
            RootComponents(package, components, Error);
            Files(package, components, Error);
            PluginTypes(package, components, Error);
            Forms(package, components, Error);
            App(package, components, Error);
            Flows(package, components, Error);
            FieldSecurity(package, components, Error);
        }

        /// <summary>Root components: a type from Learn's list, and the component in the package.</summary>
        private static void RootComponents(PackedSolution package, Components c, Action<string, string> error)
        {
            foreach (var component in package.Manifest.Elements("RootComponents").Elements("RootComponent"))
            {
                int type = (int)component.Attribute("type")!;
                string? name = (string?)component.Attribute("schemaName");
                string? id = Normalize((string?)component.Attribute("id"));
                string where = $"solution.xml RootComponent type {type} {name ?? id}";
                if (!SolutionComponentTypes.Labels.TryGetValue(type, out var label))
                {
                    error(where, $"type {type} is not a solution component type this package can carry with a fixed number (Learn, SolutionComponent componenttype): {string.Join(", ", SolutionComponentTypes.Labels.Select(l => $"{l.Key} {l.Value}"))}.");
                    continue;
                }

                bool present = type switch
                {
                    SolutionComponentTypes.Entity => name != null && c.Entities.Contains(name.ToLowerInvariant()),
                    SolutionComponentTypes.OptionSet => name != null && c.OptionSets.Contains(name),
                    SolutionComponentTypes.Role => c.Roles.Contains(id!),
                    SolutionComponentTypes.SavedQuery => c.Views.Contains(id!),
                    SolutionComponentTypes.Workflow => c.Workflows.Contains(id!),
                    SolutionComponentTypes.SavedQueryVisualization => c.Charts.Contains(id!),
                    SolutionComponentTypes.SystemForm => c.Forms.Contains(id!) || c.Dashboards.Contains(id!),
                    SolutionComponentTypes.WebResource => name != null && c.WebResourceNames.Contains(name),
                    SolutionComponentTypes.SiteMap => name != null && c.SiteMaps.Contains(name),
                    SolutionComponentTypes.FieldSecurityProfile => c.Profiles.Contains(id!),
                    SolutionComponentTypes.AppModule => name != null && c.Apps.Any(a => a.Element("UniqueName")?.Value == name),
                    SolutionComponentTypes.PluginAssembly => c.Assemblies.Any(a => Normalize((string?)a.Attribute("PluginAssemblyId")) == id && (string?)a.Attribute("FullName") == name),
                    SolutionComponentTypes.SdkMessageProcessingStep => c.Steps.Contains(id!),
                    _ => false,
                };
                if (!present)
                {
                    error(where, $"no {label} with this {(id != null ? "id" : "name")}{(type == SolutionComponentTypes.PluginAssembly ? " and full name" : "")} is in customizations.xml.");
                }
            }

            foreach (var dependent in package.Manifest.Elements("MissingDependencies").Elements("MissingDependency").Elements("Dependent"))
            {
                string? id = Normalize((string?)dependent.Attribute("id"));
                if (id != null && !c.Forms.Contains(id) && !c.Views.Contains(id) && !c.Charts.Contains(id) && !c.Workflows.Contains(id))
                {
                    error($"solution.xml MissingDependency {(string?)dependent.Attribute("displayName")}", $"the dependent {id} is not in the package.");
                }
            }
        }

        /// <summary>Files the components name are in the zip.</summary>
        private static void Files(PackedSolution package, Components c, Action<string, string> error)
        {
            foreach (var (element, file) in c.Root.Descendants().Where(e => e.Name.LocalName is "FileName" or "JsonFileName" or "XamlFileName").Select(e => (e, e.Value)))
            {
                if (!package.Entries.Contains(file.TrimStart('/')))
                {
                    error($"{element.Parent!.Name.LocalName} {(string?)element.Parent.Attribute("Name") ?? element.Parent.Element("Name")?.Value}", $"{element.Name.LocalName} {file} is not in the zip.");
                }
            }
        }

        /// <summary>Steps, Custom APIs and classic workflows name plug-in types of the packed assembly.</summary>
        private static void PluginTypes(PackedSolution package, Components c, Action<string, string> error)
        {
            foreach (var step in c.Root.Elements("SdkMessageProcessingSteps").Elements("SdkMessageProcessingStep"))
            {
                string? typeId = Normalize(step.Element("PluginTypeId")?.Value);
                if (typeId == null || !c.PluginTypeIds.Contains(typeId) || !c.PluginTypeNames.Contains(step.Element("PluginTypeName")?.Value ?? ""))
                {
                    error($"step {(string?)step.Attribute("Name")}", $"plug-in type {step.Element("PluginTypeName")?.Value} ({typeId}) is not a PluginType of the packed assembly.");
                }
            }

            foreach (var api in package.CustomApis)
            {
                string? typeId = Normalize(api.Element("plugintypeid")?.Element("plugintypeid")?.Value);
                if (typeId == null || !c.PluginTypeIds.Contains(typeId))
                {
                    error($"Custom API {(string?)api.Attribute("uniquename")}", $"plug-in type {typeId} is not a PluginType of the packed assembly.");
                }
            }

            foreach (var (path, text) in package.Texts.Where(t => t.Key.EndsWith(".xaml", StringComparison.Ordinal)))
            {
                foreach (var reference in XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "ActivityReference"))
                {
                    string type = (string)reference.Attribute("AssemblyQualifiedName")!;
                    if (!type.Contains(", Microsoft.Crm.Workflow,", StringComparison.Ordinal) && !c.PluginTypeNames.Contains(type))
                    {
                        error(path, $"custom workflow activity {type} is not a PluginType of the packed assembly.");
                    }
                }
            }
        }

        /// <summary>Forms and dashboards name web resources, views and charts of the package.</summary>
        private static void Forms(PackedSolution package, Components c, Action<string, string> error)
        {
            foreach (var form in c.Root.Descendants("systemform").Concat(c.Root.Elements("Dashboards").Elements("Dashboard")))
            {
                string where = $"form {form.Element("formid")?.Value ?? form.Element("FormId")?.Value}";
                foreach (var parameters in form.Descendants("control").Elements("parameters"))
                {
                    if (parameters.Element("WebResourceId") is { } resourceId && !c.WebResourceIds.Contains(Normalize(resourceId.Value)!))
                    {
                        error(where, $"web resource control names WebResourceId {resourceId.Value}, which the package does not have.");
                    }

                    if (parameters.Element("WebResourceId") != null && parameters.Element("Url")?.Value is { } url && !c.WebResourceNames.Contains(url))
                    {
                        error(where, $"web resource control shows {url}, which the package does not have.");
                    }

                    if (parameters.Element("ViewId")?.Value is { Length: > 0 } viewId && !c.Views.Contains(Normalize(viewId)!))
                    {
                        error(where, $"a grid shows view {viewId}, which the package does not have.");
                    }

                    if (parameters.Element("VisualizationId")?.Value is { Length: > 0 } chartId && !c.Charts.Contains(Normalize(chartId)!))
                    {
                        error(where, $"a tile shows chart {chartId}, which the package does not have.");
                    }
                }

                foreach (var library in form.Descendants("Library").Select(l => (string)l.Attribute("name")!).Concat(form.Descendants("Handler").Select(h => (string)h.Attribute("libraryName")!)))
                {
                    if (!c.WebResourceNames.Contains(library))
                    {
                        error(where, $"form library {library} is not a web resource of the package.");
                    }
                }
            }
        }

        /// <summary>The app and its site map name components of the package.</summary>
        private static void App(PackedSolution package, Components c, Action<string, string> error)
        {
            foreach (var app in c.Apps)
            {
                string where = $"app {app.Element("UniqueName")?.Value}";
                foreach (var component in app.Descendants("AppModuleComponent"))
                {
                    int type = (int)component.Attribute("type")!;
                    string? name = (string?)component.Attribute("schemaName");
                    string? id = Normalize((string?)component.Attribute("id"));
                    bool present = type switch
                    {
                        SolutionComponentTypes.Entity => name != null && c.Entities.Contains(name.ToLowerInvariant()),
                        SolutionComponentTypes.SiteMap => name != null && c.SiteMaps.Contains(name),
                        SolutionComponentTypes.SavedQuery => c.Views.Contains(id!),
                        SolutionComponentTypes.SavedQueryVisualization => c.Charts.Contains(id!),
                        SolutionComponentTypes.SystemForm => c.Forms.Contains(id!) || c.Dashboards.Contains(id!),
                        _ => false,
                    };
                    if (!present)
                    {
                        error(where, $"app component type {type} {name ?? id} is not in the package.");
                    }
                }

                foreach (var role in app.Descendants("AppModuleRoleMaps").Elements("Role").Select(r => Normalize((string?)r.Attribute("id"))))
                {
                    if (!c.Roles.Contains(role!))
                    {
                        error(where, $"the app is for role {role}, which the package does not have.");
                    }
                }
            }

            foreach (var subArea in c.Root.Elements("AppModuleSiteMaps").Descendants("SubArea"))
            {
                string where = $"site map sub-area {(string?)subArea.Attribute("Id")}";
                if ((string?)subArea.Attribute("Entity") is { } table && !c.Entities.Contains(table))
                {
                    error(where, $"table {table} is not in the package.");
                }

                if ((string?)subArea.Attribute("Url") is { } url && url.StartsWith("$webresource:", StringComparison.Ordinal) && !c.WebResourceNames.Contains(url["$webresource:".Length..]))
                {
                    error(where, $"{url} is not a web resource of the package.");
                }

                if ((string?)subArea.Attribute("DefaultDashboard") is { } dashboard && !c.Dashboards.Contains(Normalize(dashboard)!))
                {
                    error(where, $"dashboard {dashboard} is not in the package.");
                }
            }
        }

        /// <summary>Cloud flows name connection references and Custom APIs of the package.</summary>
        private static void Flows(PackedSolution package, Components c, Action<string, string> error)
        {
            string prefix = package.Manifest.Element("Publisher")?.Element("CustomizationPrefix")?.Value + "_";
            foreach (var (path, text) in package.Texts.Where(t => t.Key.EndsWith(".json", StringComparison.Ordinal)))
            {
                var flow = JsonNode.Parse(text)!;
                foreach (var reference in flow["properties"]?["connectionReferences"]?.AsObject() ?? new JsonObject())
                {
                    string? logicalName = (string?)reference.Value?["connection"]?["connectionReferenceLogicalName"];
                    if (logicalName == null || !c.ConnectionReferences.Contains(logicalName))
                    {
                        error(path, $"connection reference {logicalName ?? reference.Key} is not in customizations.xml's connectionreferences.");
                    }
                }

                foreach (string action in Values(flow, "actionName").Where(a => a.StartsWith(prefix, StringComparison.Ordinal) && !c.CustomApis.Contains(a)))
                {
                    error(path, $"the flow calls {action}, which is not a Custom API of the package.");
                }
            }
        }

        /// <summary>The field security profile secures columns that exist and are secured.</summary>
        private static void FieldSecurity(PackedSolution package, Components c, Action<string, string> error)
        {
            foreach (var permission in c.Root.Descendants("FieldPermission"))
            {
                string table = permission.Element("EntityName")?.Value ?? "";
                string column = permission.Element("AttributeName")?.Value ?? "";
                var attribute = c.Root.Elements("Entities").Elements("Entity").Where(e => e.Element("Name")!.Value.Equals(table, StringComparison.OrdinalIgnoreCase))
                    .Descendants("attribute").FirstOrDefault(a => a.Element("LogicalName")?.Value == column);
                if (attribute == null || attribute.Element("IsSecured")?.Value != "1")
                {
                    error($"field security profile permission {table}.{column}", attribute == null ? "the column is not in the package." : "the column is not secured (IsSecured 0).");
                }
            }
        }

        /// <summary>What customizations.xml holds, by name or id (ids without braces, lower case).</summary>
        private sealed class Components
        {
            public Components(PackedSolution package)
            {
                Root = package.Root;
                Entities = Root.Elements("Entities").Elements("Entity").Select(e => e.Element("Name")!.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
                Forms = Ids(Root.Descendants("systemform").Select(f => f.Element("formid")?.Value));
                Dashboards = Ids(Root.Elements("Dashboards").Elements("Dashboard").Select(d => d.Element("FormId")?.Value));
                Views = Ids(Root.Descendants("savedquery").Select(v => v.Element("savedqueryid")?.Value));
                Charts = Ids(Root.Descendants("visualization").Select(v => v.Element("savedqueryvisualizationid")?.Value));
                Roles = Ids(Root.Elements("Roles").Elements("Role").Select(r => (string?)r.Attribute("id")));
                Workflows = Ids(Root.Elements("Workflows").Elements("Workflow").Select(w => (string?)w.Attribute("WorkflowId")));
                Profiles = Ids(Root.Elements("FieldSecurityProfiles").Elements("FieldSecurityProfile").Select(p => (string?)p.Attribute("fieldsecurityprofileid")));
                Steps = Ids(Root.Elements("SdkMessageProcessingSteps").Elements("SdkMessageProcessingStep").Select(s => (string?)s.Attribute("SdkMessageProcessingStepId")));
                Assemblies = Root.Elements("SolutionPluginAssemblies").Elements("PluginAssembly").ToList();
                PluginTypes = Assemblies.Descendants("PluginType").ToList();
                PluginTypeIds = Ids(PluginTypes.Select(t => (string?)t.Attribute("PluginTypeId")));
                PluginTypeNames = PluginTypes.Select(t => (string)t.Attribute("AssemblyQualifiedName")!).ToHashSet(StringComparer.Ordinal);
                WebResources = Root.Elements("WebResources").Elements("WebResource").ToList();
                WebResourceNames = WebResources.Select(w => w.Element("Name")!.Value).ToHashSet(StringComparer.Ordinal);
                WebResourceIds = Ids(WebResources.Select(w => w.Element("WebResourceId")?.Value));
                SiteMaps = Root.Elements("AppModuleSiteMaps").Elements("AppModuleSiteMap").Select(s => s.Element("SiteMapUniqueName")!.Value).ToHashSet(StringComparer.Ordinal);
                Apps = Root.Elements("AppModules").Elements("AppModule").ToList();
                OptionSets = Root.Elements("optionsets").Elements("optionset").Select(o => (string)o.Attribute("Name")!).ToHashSet(StringComparer.Ordinal);
                ConnectionReferences = Root.Elements("connectionreferences").Elements("connectionreference")
                    .Select(c => (string)c.Attribute("connectionreferencelogicalname")!).ToHashSet(StringComparer.Ordinal);
                CustomApis = package.CustomApis.Select(a => (string)a.Attribute("uniquename")!).ToHashSet(StringComparer.Ordinal);
            }

            public XElement Root { get; }

            public HashSet<string> Entities { get; }

            public HashSet<string> Forms { get; }

            public HashSet<string> Dashboards { get; }

            public HashSet<string> Views { get; }

            public HashSet<string> Charts { get; }

            public HashSet<string> Roles { get; }

            public HashSet<string> Workflows { get; }

            public HashSet<string> Profiles { get; }

            public HashSet<string> Steps { get; }

            public List<XElement> Assemblies { get; }

            public List<XElement> PluginTypes { get; }

            public HashSet<string> PluginTypeIds { get; }

            public HashSet<string> PluginTypeNames { get; }

            public List<XElement> WebResources { get; }

            public HashSet<string> WebResourceNames { get; }

            public HashSet<string> WebResourceIds { get; }

            public HashSet<string> SiteMaps { get; }

            public List<XElement> Apps { get; }

            public HashSet<string> OptionSets { get; }

            public HashSet<string> ConnectionReferences { get; }

            public HashSet<string> CustomApis { get; }
        }

        private static HashSet<string> Ids(IEnumerable<string?> ids) => ids.Select(Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);

        /// <summary>Ids are compared without braces and case: exports write both forms.</summary>
        private static string? Normalize(string? id) => id == null ? null : Guid.TryParse(id, out var guid) ? guid.ToString("D") : id;

        private static IEnumerable<string> Values(JsonNode? node, string property) => node switch
        {
            JsonObject obj => obj.SelectMany(p => p.Key == property && p.Value is JsonValue v && v.TryGetValue(out string? s) ? new[] { s } : Values(p.Value, property)),
            JsonArray array => array.SelectMany(item => Values(item, property)),
            _ => Enumerable.Empty<string>(),
        };
    }
}
