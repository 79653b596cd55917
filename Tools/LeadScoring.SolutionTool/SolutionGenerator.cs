using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using LeadScoring.SolutionTool.Rendering;

namespace LeadScoring.SolutionTool
{
    /// <summary>
    /// Writes the unpacked solution (the layout `pac solution unpack` produces) from the definition
    /// (Definition/), pac-config.json and WebResources/webresources.json: each component kind has its
    /// renderer (Rendering/), SolutionLayout says where its file goes. Output is deterministic: same
    /// input, same bytes.
    ///
    /// Shapes follow Microsoft Learn and public unpacked solutions (cited in docs/deploy.md):
    /// "Solution component file reference (SolutionPackager)", "Create a custom API with solution
    /// files", the Form XML, SavedQuery and FetchXML references, the CustomAPI tables reference.
    /// </summary>
    public sealed class SolutionGenerator
    {
        public SolutionGenerator(string repositoryRoot)
        {
            Inputs = new SolutionInputs(repositoryRoot);
        }

        public SolutionInputs Inputs { get; }

        /// <summary>Every file of the unpacked solution: path relative to Solution/ (forward slashes) → content.</summary>
        public SortedDictionary<string, string> Generate()
        {
            var config = Inputs.Config;
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            void Add(string path, XElement element) => files.Add(path, Xml.Serialize(element));

            Add(SolutionLayout.SolutionManifest, SolutionXml.Render(Inputs));
            Add(SolutionLayout.Customizations, CustomizationsXml.Render());

            var relationships = Relationships.All().ToList();
            Add(SolutionLayout.RelationshipIndex, new XElement("EntityRelationships", Xml.XsiAttribute(),
                relationships.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new XElement("EntityRelationship", new XAttribute("Name", r.Name)))));
            foreach (var group in relationships.GroupBy(r => r.Referenced).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Add(SolutionLayout.Relationships(group.Key), new XElement("EntityRelationships", Xml.XsiAttribute(),
                    group.OrderBy(r => r.Name, StringComparer.Ordinal).Select(RelationshipXml.Render)));
            }

            foreach (var table in Tables.All)
            {
                Add(SolutionLayout.Entity(table), EntityXml.Render(table));
                foreach (var form in Forms.All.Where(f => f.Table == table.Name))
                {
                    Add(SolutionLayout.Form(table, form), new XElement("forms", Xml.XsiAttribute(), FormXml.Render(form, Inputs)));
                }

                foreach (var view in Views.All.Where(v => v.Table == table.Name))
                {
                    Add(SolutionLayout.View(table, view), new XElement("savedqueries", Xml.XsiAttribute(), ViewXml.Render(view)));
                }

                foreach (var chart in Reporting.Charts.Where(c => c.Table == table.Name))
                {
                    Add(SolutionLayout.Chart(table, chart), ChartXml.Render(chart));
                }

                if (Ribbon.Lead.Table == table.Name)
                {
                    Add(SolutionLayout.Ribbon(table), XElement.Parse(Ribbon.Lead.Xml));
                }
            }

            Add(SolutionLayout.Dashboard(Reporting.Health), DashboardXml.Render(Reporting.Health));

            foreach (var flow in Flows.All)
            {
                files.Add(SolutionLayout.FlowDefinition(flow), FlowJson.Render(flow));
                Add(SolutionLayout.WorkflowData(SolutionLayout.FlowDefinition(flow)), WorkflowXml.Render(flow));
            }

            foreach (var workflow in ClassicWorkflows.All(Inputs.AssemblyFullName))
            {
                Add(SolutionLayout.ClassicWorkflowDefinition(workflow), XDocument.Parse(workflow.Xaml).Root!);
                Add(SolutionLayout.WorkflowData(SolutionLayout.ClassicWorkflowDefinition(workflow)), WorkflowXml.Render(workflow));
            }

            foreach (var variable in Automation.EnvironmentVariables)
            {
                Add(SolutionLayout.EnvironmentVariable(variable), EnvironmentVariableXml.Render(variable));
            }

            foreach (var choice in Choices.All)
            {
                Add(SolutionLayout.OptionSet(choice), OptionSetXml.Render(choice));
            }

            foreach (var role in Security.Roles)
            {
                Add(SolutionLayout.Role(role), RoleXml.Render(role));
            }

            Add(SolutionLayout.AssemblyData(config.PluginAssembly), PluginAssemblyXml.Render(Inputs));
            foreach (var step in config.Steps)
            {
                Add(SolutionLayout.Step(step), StepXml.Render(step, Inputs));
            }

            foreach (var api in config.CustomApis)
            {
                Add(SolutionLayout.CustomApi(api), CustomApiXml.Render(api, Inputs));
                foreach (var parameter in api.RequestParameters)
                {
                    Add(SolutionLayout.RequestParameter(api, parameter), CustomApiXml.Parameter(api, parameter, request: true));
                }

                foreach (var property in api.ResponseProperties)
                {
                    Add(SolutionLayout.ResponseProperty(api, property), CustomApiXml.Parameter(api, property, request: false));
                }
            }

            foreach (var resource in Inputs.WebResources)
            {
                Add(SolutionLayout.WebResourceData(resource), WebResourceXml.Render(resource));
            }

            Add(SolutionLayout.AppModule(App.Admin), AppXml.Render(App.Admin));
            Add(SolutionLayout.SiteMap(App.Admin), AppXml.SiteMap(App.Admin));
            return files;
        }

        public void WriteTo(string solutionFolder)
        {
            var files = Generate();
            if (Directory.Exists(solutionFolder))
            {
                foreach (string existing in Directory.EnumerateFiles(solutionFolder, "*", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(solutionFolder, existing).Replace('\\', '/');
                    if (relative != "README.md" && !files.ContainsKey(relative))
                    {
                        File.Delete(existing);
                    }
                }
            }

            foreach (var (relative, content) in files)
            {
                string path = Path.Combine(solutionFolder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (!File.Exists(path) || File.ReadAllText(path) != content)
                {
                    File.WriteAllText(path, content);
                }
            }

            foreach (string directory in Directory.EnumerateDirectories(solutionFolder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            {
                if (!Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }
        }
    }
}
