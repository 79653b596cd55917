using System;
using System.Collections.Generic;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>customapis/&lt;name&gt;/: a Custom API, its request parameters and response properties (Learn: "Create a custom API with solution files").</summary>
    public static class CustomApiXml
    {
        // Custom API parameter types (customapirequestparameter.type).
        public static readonly IReadOnlyDictionary<string, int> ParameterTypes = new Dictionary<string, int>
        {
            ["Boolean"] = 0,
            ["DateTime"] = 1,
            ["Decimal"] = 2,
            ["Entity"] = 3,
            ["EntityCollection"] = 4,
            ["EntityReference"] = 5,
            ["Float"] = 6,
            ["Integer"] = 7,
            ["Money"] = 8,
            ["Picklist"] = 9,
            ["String"] = 10,
            ["StringArray"] = 11,
            ["Guid"] = 12,
        };

        /// <summary>customapi.bindingtype: 0 Global, 1 Entity, 2 EntityCollection.</summary>
        public static int BindingType(string binding) => binding switch
        {
            "Global" => 0,
            "Entity" => 1,
            "EntityCollection" => 2,
            _ => throw new SolutionToolException($"Binding type '{binding}' is not Global, Entity or EntityCollection."),
        };

        /// <summary>customapi.allowedcustomprocessingsteptype: 0 None, 1 Async Only, 2 Sync and Async.</summary>
        public static int AllowedStepType(string allowed) => allowed switch
        {
            "None" => 0,
            "AsyncOnly" => 1,
            "SyncAndAsync" => 2,
            _ => throw new SolutionToolException($"Allowed processing step type '{allowed}' is not None, AsyncOnly or SyncAndAsync."),
        };

        public static XElement Render(CustomApiEntry api, SolutionInputs inputs) =>
            new("customapi", new XAttribute("uniquename", api.UniqueName),
                new XElement("allowedcustomprocessingsteptype", Text(AllowedStepType(api.AllowedProcessingStepType))),
                new XElement("bindingtype", Text(BindingType(api.BindingType))),
                new XElement("boundentitylogicalname", api.BindingType == "Global" ? null : api.BoundTable),
                new XElement("description", new XAttribute("default", api.Description), Label("label", api.Description)),
                new XElement("displayname", new XAttribute("default", api.DisplayName), Label("label", api.DisplayName)),
                new XElement("executeprivilegename", api.ExecutePrivilegeName),
                new XElement("iscustomizable", "0"),
                new XElement("isfunction", Bit(api.IsFunction)),
                new XElement("isprivate", "0"),
                new XElement("name", api.UniqueName),
                new XElement("plugintypeid", new XElement("plugintypeid", inputs.PluginTypeId(api.Plugin).ToString("D"))),
                new XElement("workflowsdkstepenabled", "0"));

        /// <summary>The table an EntityReference parameter refers to (pac-config does not say).</summary>
        public static string? LogicalEntityName(CustomApiEntry api, ApiParameterEntry parameter) =>
            parameter.Type is "EntityReference" or "Entity" && api.UniqueName == Dataverse.CustomApi.ExplainLeadScore && parameter.Name == Dataverse.CustomApi.ModelId
                ? Dataverse.ScoringModelColumns.Table
                : null;

        public static XElement Parameter(CustomApiEntry api, ApiParameterEntry parameter, bool request)
        {
            if (!ParameterTypes.TryGetValue(parameter.Type, out int type))
            {
                throw new SolutionToolException($"Custom API {api.UniqueName}: parameter {parameter.Name} has type '{parameter.Type}', which is not a Custom API parameter type.");
            }

            var element = new XElement(request ? "customapirequestparameter" : "customapiresponseproperty",
                new XAttribute("uniquename", parameter.Name),
                new XElement("description", new XAttribute("default", parameter.Description), Label("label", parameter.Description)),
                new XElement("displayname", new XAttribute("default", parameter.Name), Label("label", parameter.Name)),
                new XElement("iscustomizable", "0"));
            if (request)
            {
                // isoptional is not valid on a response property: the import fails (Learn, custom API with solution files).
                element.Add(new XElement("isoptional", Bit(parameter.Optional)));
            }

            element.Add(
                new XElement("logicalentityname", LogicalEntityName(api, parameter)),
                new XElement("name", api.UniqueName + "." + parameter.Name),
                new XElement("type", Text(type)));
            return element;
        }
    }
}
