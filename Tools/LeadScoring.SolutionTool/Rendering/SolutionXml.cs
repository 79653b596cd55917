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
                    new XElement("MissingDependencies", Dependencies.All(Flows.All).Select(MissingDependencyXml))));
        }

        /// <summary>A MissingDependency as exports write it: the required component with its solution, and the dependent.</summary>
        private static XElement MissingDependencyXml(MissingDependency dependency)
        {
            var required = dependency.Required;
            var dependent = dependency.Dependent;
            return new XElement("MissingDependency",
                new XElement("Required",
                    new XAttribute("type", required.Type),
                    new XAttribute("schemaName", required.SchemaName),
                    new XAttribute("displayName", required.DisplayName),
                    new XAttribute("solution", required.Solution)),
                new XElement("Dependent",
                    new XAttribute("type", dependent.Type),
                    dependent.SchemaName == null ? null : new XAttribute("schemaName", dependent.SchemaName),
                    new XAttribute("displayName", dependent.DisplayName),
                    dependent.ParentSchemaName == null ? null : new XAttribute("parentSchemaName", dependent.ParentSchemaName),
                    dependent.Id == null ? null : new XAttribute("id", Braced(dependent.Id.Value))));
        }

        private static List<XElement> RootComponents(SolutionInputs inputs)
        {
            var config = inputs.Config;
            var roots = new List<XElement>();
            XElement Root(int type, string? schemaName = null, Guid? id = null, int behavior = 0)
            {
                var element = new XElement("RootComponent", new XAttribute("type", type));
                if (id != null)
                {
                    element.Add(new XAttribute("id", Braced(id.Value)));
                }

                if (schemaName != null)
                {
                    element.Add(new XAttribute("schemaName", schemaName));
                }

                element.Add(new XAttribute("behavior", behavior));
                return element;
            }

            // Component types: SolutionComponentTypes. New tables come with all their subcomponents
            // (behavior 0); lead comes without (behavior 2): only the columns in its Entity.xml and the form and
            // views listed here. Connection references are no root component: real exports carry them only in
            // customizations.xml's connectionreferences, and their component type number differs between
            // environments (docs/deploy.md).
            foreach (var table in Tables.All)
            {
                roots.Add(Root(SolutionComponentTypes.Entity, table.Name, behavior: table.IsNew ? 0 : 2));
            }

            roots.AddRange(Choices.All.Select(c => Root(SolutionComponentTypes.OptionSet, c.Name)));
            roots.AddRange(Security.Roles.Select(r => Root(SolutionComponentTypes.Role, id: r.Id)));
            var standard = Tables.All.Where(t => !t.IsNew).Select(t => t.Name).ToHashSet();
            roots.AddRange(Views.All.Where(v => standard.Contains(v.Table)).Select(v => Root(SolutionComponentTypes.SavedQuery, id: v.Id)));
            roots.AddRange(Forms.All.Where(f => standard.Contains(f.Table)).Select(f => Root(SolutionComponentTypes.SystemForm, id: f.Id)));
            roots.AddRange(Reporting.Charts.Where(c => standard.Contains(c.Table)).Select(c => Root(SolutionComponentTypes.SavedQueryVisualization, id: c.Id)));
            roots.Add(Root(SolutionComponentTypes.SystemForm, id: Reporting.Health.Id));
            roots.AddRange(Flows.All.Select(f => Root(SolutionComponentTypes.Workflow, id: f.Id)));
            roots.AddRange(ClassicWorkflows.All(inputs.AssemblyFullName).Select(w => Root(SolutionComponentTypes.Workflow, id: w.Id)));
            roots.AddRange(inputs.WebResources.Select(w => Root(SolutionComponentTypes.WebResource, w.Name)));
            roots.Add(Root(SolutionComponentTypes.SiteMap, App.Admin.UniqueName));
            roots.Add(Root(SolutionComponentTypes.FieldSecurityProfile, id: Security.ScoreReaders.Id));
            roots.Add(Root(SolutionComponentTypes.AppModule, App.Admin.UniqueName));
            roots.Add(Root(SolutionComponentTypes.PluginAssembly, inputs.AssemblyFullName, config.PluginAssembly.Id));
            roots.AddRange(config.Steps.Select(s => Root(SolutionComponentTypes.SdkMessageProcessingStep, id: s.Id)));
            return roots;
        }
    }
}
