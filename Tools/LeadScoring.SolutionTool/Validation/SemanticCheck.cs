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
            var root = package.Root;
            var entities = root.Elements("Entities").Elements("Entity").Select(e => e.Element("Name")!.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var forms = Ids(root.Descendants("systemform").Select(f => f.Element("formid")?.Value));
            var dashboards = Ids(root.Elements("Dashboards").Elements("Dashboard").Select(d => d.Element("FormId")?.Value));
            var views = Ids(root.Descendants("savedquery").Select(v => v.Element("savedqueryid")?.Value));
            var charts = Ids(root.Descendants("visualization").Select(v => v.Element("savedqueryvisualizationid")?.Value));
            var roles = Ids(root.Elements("Roles").Elements("Role").Select(r => (string?)r.Attribute("id")));
            var workflows = Ids(root.Elements("Workflows").Elements("Workflow").Select(w => (string?)w.Attribute("WorkflowId")));
            var profiles = Ids(root.Elements("FieldSecurityProfiles").Elements("FieldSecurityProfile").Select(p => (string?)p.Attribute("fieldsecurityprofileid")));
            var steps = Ids(root.Elements("SdkMessageProcessingSteps").Elements("SdkMessageProcessingStep").Select(s => (string?)s.Attribute("SdkMessageProcessingStepId")));
            var assemblies = root.Elements("SolutionPluginAssemblies").Elements("PluginAssembly").ToList();
            var pluginTypes = assemblies.Descendants("PluginType").ToList();
            var pluginTypeIds = Ids(pluginTypes.Select(t => (string?)t.Attribute("PluginTypeId")));
            var pluginTypeNames = pluginTypes.Select(t => (string)t.Attribute("AssemblyQualifiedName")!).ToHashSet(StringComparer.Ordinal);
            var webResources = root.Elements("WebResources").Elements("WebResource").ToList();
            var webResourceNames = webResources.Select(w => w.Element("Name")!.Value).ToHashSet(StringComparer.Ordinal);
            var webResourceIds = Ids(webResources.Select(w => w.Element("WebResourceId")?.Value));
            var siteMaps = root.Elements("AppModuleSiteMaps").Elements("AppModuleSiteMap").Select(s => s.Element("SiteMapUniqueName")!.Value).ToHashSet(StringComparer.Ordinal);
            var apps = root.Elements("AppModules").Elements("AppModule").ToList();
            var optionSets = root.Elements("optionsets").Elements("optionset").Select(o => (string)o.Attribute("Name")!).ToHashSet(StringComparer.Ordinal);
            var connectionReferences = root.Elements("connectionreferences").Elements("connectionreference")
                .Select(c => (string)c.Attribute("connectionreferencelogicalname")!).ToHashSet(StringComparer.Ordinal);
            var customApis = package.CustomApis.Select(a => (string)a.Attribute("uniquename")!).ToHashSet(StringComparer.Ordinal);
            void Error(string where, string message) => report.Error(Part, where, message);

            // Root components: a type from Learn's list, and the component in the package.
            foreach (var component in package.Manifest.Elements("RootComponents").Elements("RootComponent"))
            {
                int type = (int)component.Attribute("type")!;
                string? name = (string?)component.Attribute("schemaName");
                string? id = Normalize((string?)component.Attribute("id"));
                string where = $"solution.xml RootComponent type {type} {name ?? id}";
                if (!SolutionComponentTypes.Labels.TryGetValue(type, out var label))
                {
                    Error(where, $"type {type} is not a solution component type this package can carry with a fixed number (Learn, SolutionComponent componenttype): {string.Join(", ", SolutionComponentTypes.Labels.Select(l => $"{l.Key} {l.Value}"))}.");
                    continue;
                }

                bool present = type switch
                {
                    SolutionComponentTypes.Entity => name != null && entities.Contains(name.ToLowerInvariant()),
                    SolutionComponentTypes.OptionSet => name != null && optionSets.Contains(name),
                    SolutionComponentTypes.Role => roles.Contains(id!),
                    SolutionComponentTypes.SavedQuery => views.Contains(id!),
                    SolutionComponentTypes.Workflow => workflows.Contains(id!),
                    SolutionComponentTypes.SavedQueryVisualization => charts.Contains(id!),
                    SolutionComponentTypes.SystemForm => forms.Contains(id!) || dashboards.Contains(id!),
                    SolutionComponentTypes.WebResource => name != null && webResourceNames.Contains(name),
                    SolutionComponentTypes.SiteMap => name != null && siteMaps.Contains(name),
                    SolutionComponentTypes.FieldSecurityProfile => profiles.Contains(id!),
                    SolutionComponentTypes.AppModule => name != null && apps.Any(a => a.Element("UniqueName")?.Value == name),
                    SolutionComponentTypes.PluginAssembly => assemblies.Any(a => Normalize((string?)a.Attribute("PluginAssemblyId")) == id && (string?)a.Attribute("FullName") == name),
                    SolutionComponentTypes.SdkMessageProcessingStep => steps.Contains(id!),
                    _ => false,
                };
                if (!present)
                {
                    Error(where, $"no {label} with this {(id != null ? "id" : "name")}{(type == SolutionComponentTypes.PluginAssembly ? " and full name" : "")} is in customizations.xml.");
                }
            }

            foreach (var dependent in package.Manifest.Elements("MissingDependencies").Elements("MissingDependency").Elements("Dependent"))
            {
                string? id = Normalize((string?)dependent.Attribute("id"));
                if (id != null && !forms.Contains(id) && !views.Contains(id) && !charts.Contains(id) && !workflows.Contains(id))
                {
                    Error($"solution.xml MissingDependency {(string?)dependent.Attribute("displayName")}", $"the dependent {id} is not in the package.");
                }
            }

            // Files the components name.
            foreach (var (element, file) in root.Descendants().Where(e => e.Name.LocalName is "FileName" or "JsonFileName" or "XamlFileName").Select(e => (e, e.Value)))
            {
                if (!package.Entries.Contains(file.TrimStart('/')))
                {
                    Error($"{element.Parent!.Name.LocalName} {(string?)element.Parent.Attribute("Name") ?? element.Parent.Element("Name")?.Value}", $"{element.Name.LocalName} {file} is not in the zip.");
                }
            }

            // Steps, Custom APIs and classic workflows name plug-in types.
            foreach (var step in root.Elements("SdkMessageProcessingSteps").Elements("SdkMessageProcessingStep"))
            {
                string? typeId = Normalize(step.Element("PluginTypeId")?.Value);
                if (typeId == null || !pluginTypeIds.Contains(typeId) || !pluginTypeNames.Contains(step.Element("PluginTypeName")?.Value ?? ""))
                {
                    Error($"step {(string?)step.Attribute("Name")}", $"plug-in type {step.Element("PluginTypeName")?.Value} ({typeId}) is not a PluginType of the packed assembly.");
                }
            }

            foreach (var api in package.CustomApis)
            {
                string? typeId = Normalize(api.Element("plugintypeid")?.Element("plugintypeid")?.Value);
                if (typeId == null || !pluginTypeIds.Contains(typeId))
                {
                    Error($"Custom API {(string?)api.Attribute("uniquename")}", $"plug-in type {typeId} is not a PluginType of the packed assembly.");
                }
            }

            foreach (var (path, text) in package.Texts.Where(t => t.Key.EndsWith(".xaml", StringComparison.Ordinal)))
            {
                foreach (var reference in XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "ActivityReference"))
                {
                    string type = (string)reference.Attribute("AssemblyQualifiedName")!;
                    if (!type.Contains(", Microsoft.Crm.Workflow,", StringComparison.Ordinal) && !pluginTypeNames.Contains(type))
                    {
                        Error(path, $"custom workflow activity {type} is not a PluginType of the packed assembly.");
                    }
                }
            }

            // Forms and dashboards name web resources, views and charts.
            foreach (var form in root.Descendants("systemform").Concat(root.Elements("Dashboards").Elements("Dashboard")))
            {
                string where = $"form {form.Element("formid")?.Value ?? form.Element("FormId")?.Value}";
                foreach (var parameters in form.Descendants("control").Elements("parameters"))
                {
                    if (parameters.Element("WebResourceId") is { } resourceId && !webResourceIds.Contains(Normalize(resourceId.Value)!))
                    {
                        Error(where, $"web resource control names WebResourceId {resourceId.Value}, which the package does not have.");
                    }

                    if (parameters.Element("WebResourceId") != null && parameters.Element("Url")?.Value is { } url && !webResourceNames.Contains(url))
                    {
                        Error(where, $"web resource control shows {url}, which the package does not have.");
                    }

                    if (parameters.Element("ViewId")?.Value is { Length: > 0 } viewId && !views.Contains(Normalize(viewId)!))
                    {
                        Error(where, $"a grid shows view {viewId}, which the package does not have.");
                    }

                    if (parameters.Element("VisualizationId")?.Value is { Length: > 0 } chartId && !charts.Contains(Normalize(chartId)!))
                    {
                        Error(where, $"a tile shows chart {chartId}, which the package does not have.");
                    }
                }

                foreach (var library in form.Descendants("Library").Select(l => (string)l.Attribute("name")!).Concat(form.Descendants("Handler").Select(h => (string)h.Attribute("libraryName")!)))
                {
                    if (!webResourceNames.Contains(library))
                    {
                        Error(where, $"form library {library} is not a web resource of the package.");
                    }
                }
            }

            // The app and its site map.
            foreach (var app in apps)
            {
                string where = $"app {app.Element("UniqueName")?.Value}";
                foreach (var component in app.Descendants("AppModuleComponent"))
                {
                    int type = (int)component.Attribute("type")!;
                    string? name = (string?)component.Attribute("schemaName");
                    string? id = Normalize((string?)component.Attribute("id"));
                    bool present = type switch
                    {
                        SolutionComponentTypes.Entity => name != null && entities.Contains(name.ToLowerInvariant()),
                        SolutionComponentTypes.SiteMap => name != null && siteMaps.Contains(name),
                        SolutionComponentTypes.SavedQuery => views.Contains(id!),
                        SolutionComponentTypes.SavedQueryVisualization => charts.Contains(id!),
                        SolutionComponentTypes.SystemForm => forms.Contains(id!) || dashboards.Contains(id!),
                        _ => false,
                    };
                    if (!present)
                    {
                        Error(where, $"app component type {type} {name ?? id} is not in the package.");
                    }
                }

                foreach (var role in app.Descendants("AppModuleRoleMaps").Elements("Role").Select(r => Normalize((string?)r.Attribute("id"))))
                {
                    if (!roles.Contains(role!))
                    {
                        Error(where, $"the app is for role {role}, which the package does not have.");
                    }
                }
            }

            foreach (var subArea in root.Elements("AppModuleSiteMaps").Descendants("SubArea"))
            {
                string where = $"site map sub-area {(string?)subArea.Attribute("Id")}";
                if ((string?)subArea.Attribute("Entity") is { } table && !entities.Contains(table))
                {
                    Error(where, $"table {table} is not in the package.");
                }

                if ((string?)subArea.Attribute("Url") is { } url && url.StartsWith("$webresource:", StringComparison.Ordinal) && !webResourceNames.Contains(url["$webresource:".Length..]))
                {
                    Error(where, $"{url} is not a web resource of the package.");
                }

                if ((string?)subArea.Attribute("DefaultDashboard") is { } dashboard && !dashboards.Contains(Normalize(dashboard)!))
                {
                    Error(where, $"dashboard {dashboard} is not in the package.");
                }
            }

            // Cloud flows name connection references and Custom APIs.
            string prefix = package.Manifest.Element("Publisher")?.Element("CustomizationPrefix")?.Value + "_";
            foreach (var (path, text) in package.Texts.Where(t => t.Key.EndsWith(".json", StringComparison.Ordinal)))
            {
                var flow = JsonNode.Parse(text)!;
                foreach (var reference in flow["properties"]?["connectionReferences"]?.AsObject() ?? new JsonObject())
                {
                    string? logicalName = (string?)reference.Value?["connection"]?["connectionReferenceLogicalName"];
                    if (logicalName == null || !connectionReferences.Contains(logicalName))
                    {
                        Error(path, $"connection reference {logicalName ?? reference.Key} is not in customizations.xml's connectionreferences.");
                    }
                }

                foreach (string action in Values(flow, "actionName").Where(a => a.StartsWith(prefix, StringComparison.Ordinal) && !customApis.Contains(a)))
                {
                    Error(path, $"the flow calls {action}, which is not a Custom API of the package.");
                }
            }

            // The field security profile secures columns that exist and are secured.
            foreach (var permission in root.Descendants("FieldPermission"))
            {
                string table = permission.Element("EntityName")?.Value ?? "";
                string column = permission.Element("AttributeName")?.Value ?? "";
                var attribute = root.Elements("Entities").Elements("Entity").Where(e => e.Element("Name")!.Value.Equals(table, StringComparison.OrdinalIgnoreCase))
                    .Descendants("attribute").FirstOrDefault(a => a.Element("LogicalName")?.Value == column);
                if (attribute == null || attribute.Element("IsSecured")?.Value != "1")
                {
                    Error($"field security profile permission {table}.{column}", attribute == null ? "the column is not in the package." : "the column is not secured (IsSecured 0).");
                }
            }
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
