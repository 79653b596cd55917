using LeadScoring.SolutionTool.Definition;
using LeadScoring.SolutionTool.Rendering;

namespace LeadScoring.SolutionTool
{
    /// <summary>
    /// Where each component's file goes in the unpacked solution (paths relative to Solution/, forward
    /// slashes), as `pac solution unpack` lays it out (Learn: "Solution component file reference
    /// (SolutionPackager)"). The generator writes there, the packer reads from there.
    /// </summary>
    public static class SolutionLayout
    {
        public const string SolutionManifest = "Other/Solution.xml";
        public const string Customizations = "Other/Customizations.xml";
        public const string RelationshipIndex = "Other/Relationships.xml";

        public static string Relationships(string referencedSchemaName) => $"Other/Relationships/{referencedSchemaName}.xml";

        public static string EntityFolder(Table table) => "Entities/" + table.SchemaName;

        public static string Entity(Table table) => EntityFolder(table) + "/Entity.xml";

        public static string Form(Table table, Form form) => $"{EntityFolder(table)}/FormXml/main/{Xml.Braced(form.Id)}.xml";

        public static string View(Table table, View view) => $"{EntityFolder(table)}/SavedQueries/{Xml.Braced(view.Id)}.xml";

        public static string Chart(Table table, Chart chart) => $"{EntityFolder(table)}/Visualizations/{Xml.Braced(chart.Id)}.xml";

        public static string Ribbon(Table table) => EntityFolder(table) + "/RibbonDiff.xml";

        public static string Dashboard(Dashboard dashboard) => $"Dashboards/{Xml.Braced(dashboard.Id)}.xml";

        public static string FlowDefinition(CloudFlow flow) => $"Workflows/{flow.FileName}.json";

        public static string ClassicWorkflowDefinition(ClassicWorkflow workflow) => $"Workflows/{workflow.FileName}.xaml";

        /// <summary>A workflow's .data.xml sits beside its definition file.</summary>
        public static string WorkflowData(string definition) => definition + ".data.xml";

        public static string EnvironmentVariable(EnvironmentVariable variable) =>
            $"environmentvariabledefinitions/{variable.SchemaName}/environmentvariabledefinition.xml";

        public static string OptionSet(Choice choice) => $"OptionSets/{choice.Name}.xml";

        public static string Role(Role role) => $"Roles/{role.Name}.xml";

        /// <summary>The folder of the assembly under PluginAssemblies/: its name and its id, upper case.</summary>
        public static string AssemblyFolder(PluginAssemblyEntry assembly) =>
            "PluginAssemblies/" + assembly.Name + "-" + assembly.Id.ToString("D").ToUpperInvariant();

        public static string Assembly(PluginAssemblyEntry assembly) => $"{AssemblyFolder(assembly)}/{assembly.Name}.dll";

        public static string AssemblyData(PluginAssemblyEntry assembly) => Assembly(assembly) + ".data.xml";

        public static string Step(StepEntry step) => $"SdkMessageProcessingSteps/{Xml.Braced(step.Id)}.xml";

        public static string CustomApiFolder(CustomApiEntry api) => "customapis/" + api.UniqueName;

        public static string CustomApi(CustomApiEntry api) => CustomApiFolder(api) + "/customapi.xml";

        public static string RequestParameter(CustomApiEntry api, ApiParameterEntry parameter) =>
            $"{CustomApiFolder(api)}/customapirequestparameters/{parameter.Name}/customapirequestparameter.xml";

        public static string ResponseProperty(CustomApiEntry api, ApiParameterEntry property) =>
            $"{CustomApiFolder(api)}/customapiresponseproperties/{property.Name}/customapiresponseproperty.xml";

        /// <summary>A web resource's content file; its .data.xml sits beside it.</summary>
        public static string WebResource(WebResource resource) => "WebResources/" + resource.Name;

        public static string WebResourceData(WebResource resource) => WebResource(resource) + ".data.xml";

        public static string AppModule(AppModule app) => $"AppModules/{app.UniqueName}/AppModule.xml";

        public static string SiteMap(AppModule app) => $"AppModuleSiteMaps/{app.UniqueName}/AppModuleSiteMap.xml";

        /// <summary>How a component's .data.xml names its content file inside the zip: "/" + the path.</summary>
        public static string ZipPath(string path) => "/" + path;
    }
}
