using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LeadScoring.Tests.Workbench;

/// <summary>
/// The rule stories through `simulate`: a model file in the admin's words (choice labels, a persona
/// condition on the lead's job title, a custom no-show column, phone calls) replayed by the plug-ins.
/// </summary>
public sealed class SimulatedRuleStoriesTests : IDisposable
{
    private const string Model = """
        {"name":"Rules in words","version":1,"salesReadyThreshold":100,"fitCap":100,"engagementCap":200,
         "rules":[
          {"id":"video","name":"Watched a product video","category":"engagement","table":"ls_interaction",
           "conditions":[{"attribute":"ls_type","operator":"equals","value":"Video View"}],"points":10,"limit":{"per":"record"}},
          {"id":"video.engineer","name":"Engineer watched a product video","category":"engagement","table":"ls_interaction",
           "conditions":[{"attribute":"ls_type","operator":"equals","value":"Video View"},
                         {"table":"lead","attribute":"jobtitle","operator":"contains","value":"engineer"}],"points":15,"limit":{"per":"record"}},
          {"id":"call","name":"Had a call with sales","category":"engagement","table":"phonecall",
           "conditions":[{"attribute":"statecode","operator":"equals","value":"Completed"}],"points":25,"limit":{"per":"record"}}]}
        """;

    private const string NoShow = """
        ,{"id":"noshow","name":"Did not show up for a meeting","category":"engagement","table":"appointment",
          "conditions":[{"attribute":"new_noshow","operator":"equals","value":true}],"points":-20,"limit":{"per":"record"}}]}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-rulestories-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Engineers_video_views_score_more_than_others()
    {
        var result = Simulate(Model,
            Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"ada","attributes":{"lastname":"Ng","jobtitle":"Senior Software Engineer"}}"""),
            Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"bob","attributes":{"lastname":"Roe","jobtitle":"Office Manager"}}"""),
            Line("2026-05-02T10:00:00Z", """{"op":"create","table":"ls_interaction","id":"v1","attributes":{"ls_name":"Product tour","ls_type":"Video View","ls_leadid":"ada"}}"""),
            Line("2026-05-02T11:00:00Z", """{"op":"create","table":"ls_interaction","id":"v2","attributes":{"ls_name":"Product tour","ls_type":"Video View","ls_leadid":"bob"}}"""));

        Assert.Equal(25, Engagement(result, "ada"));
        Assert.Equal(10, Engagement(result, "bob"));
    }

    [Fact]
    public void A_completed_sales_call_scores_and_a_no_show_debits()
    {
        var result = Simulate(Model.TrimEnd()[..^2] + NoShow,
            Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"cy","attributes":{"lastname":"Cy"}}"""),
            Line("2026-05-02T10:00:00Z", """{"op":"create","table":"phonecall","id":"p1","attributes":{"subject":"Intro call","directioncode":"Outgoing","regardingobjectid":"cy"}}"""),
            Line("2026-05-02T10:30:00Z", """{"op":"update","table":"phonecall","id":"p1","attributes":{"statecode":"Completed","statuscode":"Made","actualdurationminutes":25}}"""),
            Line("2026-05-05T10:00:00Z", """{"op":"create","table":"appointment","id":"m1","attributes":{"subject":"Demo","regardingobjectid":"cy"}}"""),
            Line("2026-05-05T11:00:00Z", """{"op":"update","table":"appointment","id":"m1","attributes":{"new_noshow":true}}"""));

        Assert.Equal(5, Engagement(result, "cy"));
        Assert.Equal(new[] { "call", "noshow" }, Lead(result, "cy").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("rule").GetString()));
    }

    [Fact]
    public void A_rule_on_a_custom_column_no_event_writes_is_refused_in_one_line()
    {
        File.WriteAllText(Path.Combine(_folder, "model.json"), Model.TrimEnd()[..^2] + NoShow);
        File.WriteAllText(Path.Combine(_folder, "events.jsonl"), Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"cy","attributes":{"lastname":"Cy"}}""") + "\n");

        var run = WorkbenchCommandTests.Run("simulate", "--model", Path.Combine(_folder, "model.json"), "--events", Path.Combine(_folder, "events.jsonl"));

        Assert.Equal(1, run.Exit);
        Assert.StartsWith("leadscoring: model.json: the product would refuse this model: Rule 'noshow', condition 1: appointment has no column 'new_noshow'; appointment columns: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    private JsonDocument Simulate(string modelJson, params string[] lines)
    {
        string model = Path.Combine(_folder, "model.json");
        string events = Path.Combine(_folder, "events.jsonl");
        File.WriteAllText(model, modelJson);
        File.WriteAllText(events, string.Join("\n", lines) + "\n");
        var run = WorkbenchCommandTests.Run("simulate", "--model", model, "--events", events);
        Assert.Equal((0, ""), (run.Exit, run.Error));
        return JsonDocument.Parse(run.Output);
    }

    private static string Line(string at, string json) => SimulateCommandTests.Line(at, json);

    private static JsonElement Lead(JsonDocument result, string id) =>
        result.RootElement.GetProperty("leads").EnumerateArray().Single(l => l.GetProperty("id").GetString() == id);

    private static int Engagement(JsonDocument result, string id) => Lead(result, id).GetProperty("engagement").GetInt32();
}
