using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Other/Solution.xml: the solution's identity, its publisher and its root components.</summary>
    public static class SolutionXml
    {
        public static XElement Render(SolutionInputs inputs)
        {
            var identity = inputs.Config.Solution;
            var publisher = identity.Publisher;
            return new XElement("ImportExportXml",
                new XAttribute("version", "9.2.0.0"),
                new XAttribute("SolutionPackageVersion", "9.2"),
                new XAttribute("languagecode", Language),
                new XAttribute("generatedBy", "CrmLive"),
                XsiAttribute(),
                new XElement("SolutionManifest",
                    new XElement("UniqueName", identity.UniqueName),
                    Labels("LocalizedNames", "LocalizedName", identity.DisplayName),
                    Labels("Descriptions", "Description", identity.Description),
                    new XElement("Version", identity.Version),
                    new XElement("Managed", "0"),
                    new XElement("Publisher",
                        new XElement("UniqueName", publisher.UniqueName),
                        Labels("LocalizedNames", "LocalizedName", publisher.DisplayName),
                        new XElement("Descriptions"),
                        new XElement("EMailAddress", new XAttribute(Xsi + "nil", "true")),
                        new XElement("SupportingWebsiteUrl", new XAttribute(Xsi + "nil", "true")),
                        new XElement("CustomizationPrefix", publisher.Prefix),
                        new XElement("CustomizationOptionValuePrefix", Text(publisher.OptionValuePrefix)),
                        new XElement("Addresses")),
                    new XElement("RootComponents", RootComponents(inputs)),
                    new XElement("MissingDependencies")));
        }

        private static List<XElement> RootComponents(SolutionInputs inputs)
        {
            var config = inputs.Config;
            var roots = new List<XElement>();
            XElement Root(int type, string? schemaName = null, Guid? id = null, int behavior = 0)
            {
                var element = new XElement("RootComponent", new XAttribute("type", type));
                if (schemaName != null)
                {
                    element.Add(new XAttribute("schemaName", schemaName));
                }

                if (id != null)
                {
                    element.Add(new XAttribute("id", Braced(id.Value)));
                }

                element.Add(new XAttribute("behavior", behavior));
                return element;
            }

            // Component types (solutioncomponent.componenttype): 1 Entity, 9 OptionSet, 20 Role, 26 SavedQuery,
            // 60 SystemForm, 61 WebResource, 62 SiteMap, 70 FieldSecurityProfile, 80 AppModule, 91 PluginAssembly,
            // 92 SdkMessageProcessingStep, 29 Workflow (flows and classic workflows), 59 SavedQueryVisualization,
            // 371 Connection reference, 380 Environment variable definition. New tables come with all their subcomponents (behavior 0); lead comes
            // without (behavior 2): only the columns in its Entity.xml and the form and views listed here.
            foreach (var table in Tables.All)
            {
                roots.Add(Root(1, table.Name, behavior: table.IsNew ? 0 : 2));
            }

            roots.AddRange(Choices.All.Select(c => Root(9, c.Name)));
            roots.AddRange(Security.Roles.Select(r => Root(20, id: r.Id)));
            var standard = Tables.All.Where(t => !t.IsNew).Select(t => t.Name).ToHashSet();
            roots.AddRange(Views.All.Where(v => standard.Contains(v.Table)).Select(v => Root(26, id: v.Id)));
            roots.AddRange(Forms.All.Where(f => standard.Contains(f.Table)).Select(f => Root(60, id: f.Id)));
            roots.AddRange(Reporting.Charts.Where(c => standard.Contains(c.Table)).Select(c => Root(59, id: c.Id)));
            roots.Add(Root(60, id: Reporting.Health.Id));
            roots.AddRange(Flows.All.Select(f => Root(29, id: f.Id)));
            roots.AddRange(ClassicWorkflows.All(inputs.AssemblyFullName).Select(w => Root(29, id: w.Id)));
            roots.AddRange(inputs.WebResources.Select(w => Root(61, w.Name)));
            roots.Add(Root(62, App.Admin.UniqueName));
            roots.Add(Root(70, id: Security.ScoreReaders.Id));
            roots.Add(Root(80, App.Admin.UniqueName));
            roots.Add(Root(91, id: config.PluginAssembly.Id));
            roots.AddRange(config.Steps.Select(s => Root(92, id: s.Id)));
            roots.AddRange(Automation.ConnectionReferences.Select(c => Root(371, c.LogicalName)));
            roots.AddRange(Automation.EnvironmentVariables.Select(v => Root(380, v.SchemaName)));
            return roots;
        }
    }
}
