using System;
using System.Text.Json.Nodes;
using LeadScoring.Dataverse;
using LeadScoring.SolutionTool;
using LeadScoring.SolutionTool.Definition;

namespace LeadScoring.Tests.Solution;

/// <summary>A cloud flow's .json template is filled from the definition: names, numbers and parameters.</summary>
public class FlowTemplateTests
{
    [Fact]
    public void Tokens_become_the_products_names_numbers_stay_numbers_and_parameters_get_their_flow_names()
    {
        var filled = FlowTemplate.Fill("test.json", """
            { "item/{{LeadColumns.LifecycleStage}}": "{{LifecycleStageValues.Recycled}}",
              "filter": "{{LeadColumns.LifecycleStage}} eq {{LifecycleStageValues.Recycled}}",
              "size": "@parameters('{{Parameter.ls_DecayPageSize}}')" }
            """, new[] { Automation.DecayPageSize });

        Assert.Equal(LifecycleStageValues.Recycled, filled["item/" + LeadColumns.LifecycleStage]!.GetValue<int>());
        Assert.Equal($"{LeadColumns.LifecycleStage} eq {LifecycleStageValues.Recycled}", (string)filled["filter"]!);
        Assert.Equal("@parameters('Decay page size (ls_DecayPageSize)')", (string)filled["size"]!);
    }

    [Fact]
    public void An_unknown_token_or_an_undeclared_parameter_names_the_template_and_the_token()
    {
        var unknown = Assert.Throws<SolutionToolException>(() => FlowTemplate.Fill("test.json", """{ "a": "{{LeadColumns.Nothing}}" }""", Array.Empty<EnvironmentVariable>()));
        Assert.Contains("test.json: {{LeadColumns.Nothing}} is not a constant of", unknown.Message, StringComparison.Ordinal);

        var undeclared = Assert.Throws<SolutionToolException>(() => FlowTemplate.Fill("test.json", """{ "a": "{{Parameter.ls_DecayPageSize}}" }""", new[] { Automation.ReengagementList }));
        Assert.Contains("names an environment variable the flow does not declare (it declares ls_ReengagementListName)", undeclared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_flows_template_is_filled_with_no_token_left()
    {
        Assert.All(Flows.All, flow => Assert.DoesNotContain("{{", flow.Definition.ToJsonString(), StringComparison.Ordinal));
        Assert.IsType<JsonObject>(Flows.DecayNightly.Definition["actions"]);
    }
}
