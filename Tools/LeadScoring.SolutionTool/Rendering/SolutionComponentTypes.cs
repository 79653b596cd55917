using System.Collections.Generic;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>
    /// The root-component types the solution uses (solutioncomponent.componenttype, Learn: "SolutionComponent
    /// table/entity reference", https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/solutioncomponent#componenttype-choicesoptions).
    /// Solution-aware tables such as connection references, environment variable definitions and Custom
    /// APIs get a component type number per environment, so they are never root components here: real
    /// exports carry them in their own folders and in customizations.xml (docs/deploy.md).
    /// </summary>
    public static class SolutionComponentTypes
    {
        public const int Entity = 1;
        public const int OptionSet = 9;
        public const int Role = 20;
        public const int SavedQuery = 26;
        public const int Workflow = 29;
        public const int SavedQueryVisualization = 59;
        public const int SystemForm = 60;
        public const int WebResource = 61;
        public const int SiteMap = 62;
        public const int FieldSecurityProfile = 70;
        public const int AppModule = 80;
        public const int PluginAssembly = 91;
        public const int SdkMessageProcessingStep = 92;

        /// <summary>Type → its label on the Learn page, for the semantic check and its messages.</summary>
        public static IReadOnlyDictionary<int, string> Labels { get; } = new Dictionary<int, string>
        {
            [Entity] = "Entity",
            [OptionSet] = "Option Set",
            [Role] = "Role",
            [SavedQuery] = "Saved Query",
            [Workflow] = "Workflow",
            [SavedQueryVisualization] = "Saved Query Visualization",
            [SystemForm] = "System Form",
            [WebResource] = "Web Resource",
            [SiteMap] = "Site Map",
            [FieldSecurityProfile] = "Field Security Profile",
            [AppModule] = "Model-driven App",
            [PluginAssembly] = "Plugin Assembly",
            [SdkMessageProcessingStep] = "SDK Message Processing Step",
        };
    }
}
