using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Workflows/&lt;name&gt;-&lt;ID&gt;.json: a cloud flow's definition with its connection references.</summary>
    public static class FlowJson
    {
        /// <summary>A flow's .json file: its connection references (by api name) and its definition.</summary>
        public static string Render(CloudFlow flow)
        {
            var references = new System.Text.Json.Nodes.JsonObject();
            foreach (var reference in Automation.ConnectionReferences.Where(c => flow.ConnectionReferences.Contains(c.LogicalName)))
            {
                references[reference.Connector] = new System.Text.Json.Nodes.JsonObject
                {
                    ["runtimeSource"] = "embedded",
                    ["connection"] = new System.Text.Json.Nodes.JsonObject { ["connectionReferenceLogicalName"] = reference.LogicalName },
                    ["api"] = new System.Text.Json.Nodes.JsonObject { ["name"] = reference.Connector },
                };
            }

            var document = new System.Text.Json.Nodes.JsonObject
            {
                ["properties"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["connectionReferences"] = references,
                    ["definition"] = flow.Definition.DeepClone(),
                },
                ["schemaVersion"] = "1.0.0.0",
            };
            return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }
    }
}
