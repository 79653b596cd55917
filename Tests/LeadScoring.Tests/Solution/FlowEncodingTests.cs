using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.SolutionTool.Definition;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// A flow recipient as the target: the sales-ready flow builds an HTML email / Teams message from the
/// lead's name and the reasons of its score events, which include what a rep typed for an
/// adjustment. Evaluated from the generated flow definition, the message shows hostile text as text.
/// </summary>
public class FlowEncodingTests
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    [Fact]
    public void The_sales_ready_message_encodes_the_lead_name_and_the_reasons()
    {
        var actions = FlowActions();
        var lead = new Dictionary<string, object?>
        {
            ["body/" + LeadColumns.FullName] = "Ann " + Hostile,
            ["body/" + LeadColumns.Score] = 120,
            ["body/" + LeadColumns.Grade] = "A1",
        };
        var events = new[]
        {
            new Dictionary<string, object?> { [ScoreEventColumns.Reason] = "Manual adjustment: </p><script>steal()</script> & more", [ScoreEventColumns.Points] = 50 },
            new Dictionary<string, object?> { [ScoreEventColumns.Reason] = null, [ScoreEventColumns.Points] = 30 },
        };

        string select = (string)actions["Reasons"]["inputs"]!["select"]!;
        var reasons = events.Select(e => (object?)FlowExpression.Interpolate(select, (name, _) => name == "item" ? e : throw new InvalidOperationException(name))).ToList();
        string message = FlowExpression.Interpolate((string)actions["Message"]["inputs"]!, (name, args) => name switch
        {
            "triggerOutputs" => lead,
            "body" when (string?)args[0] == "Reasons" => reasons,
            _ => throw new InvalidOperationException(name),
        });

        Assert.Equal(
            "<p><b>Ann &lt;img src=x onerror=alert(1)&gt;</b> is sales-ready: score 120, grade A1.</p>" +
            "<p>Top reasons: Manual adjustment: &lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt; &amp; more (+50);  (+30)</p><p>Follow up with this lead now.</p>",
            message);
    }

    private static Dictionary<string, System.Text.Json.Nodes.JsonObject> FlowActions()
    {
        var definition = AutomationTests.Flow(Flows.NotifySalesReady.Name)["properties"]!["definition"]!;
        var inner = definition["actions"]!["Owner_is_a_user"]!["actions"]!.AsObject();
        return inner.ToDictionary(p => p.Key, p => p.Value!.AsObject());
    }
}
