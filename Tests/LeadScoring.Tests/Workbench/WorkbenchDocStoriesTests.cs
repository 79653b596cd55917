using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using static LeadScoring.Tests.Workbench.SimulateCommandTests;

namespace LeadScoring.Tests.Workbench;

/// <summary>What a reader of docs/workbench.md, and docs/integrations.md expects of the workbench commands, through the real command line.</summary>
public sealed class WorkbenchDocStoriesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-docstories-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // integrations.md: Type takes "Webinar registration", "Event registration", … (values 100000000 … 100000008); the
    // solution's choice shows these labels to admins. A model rule should be able to name what the Custom API records.
    [Theory]
    [InlineData("\"Webinar registration\"")]
    [InlineData("\"Event registration\"")]
    [InlineData("100000008")]
    public void A_model_can_score_every_interaction_type_ls_RecordInteraction_records(string value)
    {
        string model = Model.Replace("\"value\":100000001", "\"value\":" + value, StringComparison.Ordinal);

        var run = WorkbenchCommandTests.Run("model", "validate", Write("model.json", model));

        Assert.Equal((0, ""), (run.Exit, run.Error));
    }

    // integrations.md / automation.md: the event registrations flow records Type "Event registration"; a replayed history may hold it.
    [Fact]
    public void An_event_registration_recorded_by_the_Custom_API_replays_in_simulate()
    {
        var result = Simulate(Model,
            Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe","emailaddress1":"john@contoso.com"}}"""),
            Line("2026-05-02T09:00:00Z", """{"op":"record","type":"Event registration","source":"events","externalId":"reg-1","email":"john@contoso.com","name":"Summit"}"""));

        Assert.Equal(0, Lead(result, "john").GetProperty("score").GetInt32());
    }

    // integrations.md: "once per source and external id"; README: "no retry or replay counts twice".
    [Fact]
    public void A_webhook_delivered_twice_scores_once()
    {
        string model = Model.Replace("\"value\":100000001", "\"value\":\"Webinar attendance\"", StringComparison.Ordinal);
        var result = Simulate(model,
            Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe","emailaddress1":"john@contoso.com"}}"""),
            Line("2026-05-02T09:00:00Z", """{"op":"record","type":"Webinar attendance","source":"webinar-platform","externalId":"att-1","email":"john@contoso.com","name":"Scoring 101"}"""),
            Line("2026-05-02T09:05:00Z", """{"op":"record","type":"Webinar attendance","source":"webinar-platform","externalId":"att-1","email":"john@contoso.com","name":"Scoring 101"}"""));

        var john = Lead(result, "john");
        Assert.Equal(30, john.GetProperty("score").GetInt32());
        Assert.Single(john.GetProperty("events").EnumerateArray());
    }

    // workbench.md simulate: stage is one of "New, Engaged, Marketing Qualified, Sales Accepted, Recycled, Disqualified".
    [Fact]
    public void Simulate_names_the_stages_as_the_docs_do()
    {
        var result = Simulate(Model, SalesReadyMary().Concat(new[]
        {
            Line("2026-05-07T09:00:00Z", """{"op":"create","table":"lead","id":"sue","attributes":{"lastname":"Sue","jobtitle":"Director"}}"""),
            Line("2026-05-07T10:00:00Z", """{"op":"create","table":"ls_interaction","id":"s1","attributes":{"ls_type":"Asset Download","ls_leadid":"sue"}}"""),
            Line("2026-05-07T11:00:00Z", """{"op":"create","table":"ls_interaction","id":"s2","attributes":{"ls_type":"Asset Download","ls_leadid":"sue"}}"""),
            Line("2026-05-07T12:00:00Z", """{"op":"create","table":"ls_interaction","id":"s3","attributes":{"ls_type":"Asset Download","ls_leadid":"sue"}}"""),
            Line("2026-05-08T09:00:00Z", """{"op":"update","table":"lead","id":"sue","attributes":{"statecode":"Qualified","statuscode":"Qualified"}}"""),
        }).ToArray());

        Assert.Equal("Marketing Qualified", Lead(result, "mary").GetProperty("stage").GetString());
        Assert.Equal("Sales Accepted", Lead(result, "sue").GetProperty("stage").GetString());
    }

    // workbench.md funnel: "too generous when more than --hand-back-line (30 %) of the MQLs were handed back".
    [Fact]
    public void The_funnel_calls_a_model_too_generous_when_half_its_MQLs_are_handed_back()
    {
        var run = Funnel(handedBack: 2, qualified: 2);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Contains("Verdict: too generous", run.Output, StringComparison.Ordinal);
        Assert.Contains("50% of MQLs were handed back (line: 30%)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_funnel_calls_a_model_about_right_when_few_MQLs_come_back()
    {
        var run = Funnel(handedBack: 1, qualified: 3);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Contains("Verdict: about right", run.Output, StringComparison.Ordinal);
    }

    // workbench.md backtest: AUC = "the chance that a converted lead scores above one that did not, ties counting half";
    // precision and recall of "reached the sales-ready line".
    [Fact]
    public void Backtest_on_a_leads_table_counts_ties_half_and_measures_the_sales_ready_line()
    {
        string leads = Write("leads.csv", "jobtitle,Bought", "Sales Director,1", "Director of IT,1", "IT Director,0", "Analyst,0", "Intern,1");
        string model = Model.Replace("\"salesReadyThreshold\":100", "\"salesReadyThreshold\":20", StringComparison.Ordinal)
            .Replace("\"minimumEngagement\":30", "\"minimumEngagement\":0", StringComparison.Ordinal);
        string json = Path.Combine(_folder, "backtest.json");

        var run = WorkbenchCommandTests.Run("backtest", "--model", Write("model.json", model), "--leads", leads, "--outcome", "Bought", "--json", json, "--report", Path.Combine(_folder, "b.html"));

        Assert.Equal((0, ""), (run.Exit, run.Error));
        using var figures = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(0.583, figures.RootElement.GetProperty("auc").GetDouble(), 3); // (1 + 0.5 + 1 + 0.5 + 0 + 0.5) / 6
        var salesReady = figures.RootElement.GetProperty("salesReady");
        Assert.Equal(3, salesReady.GetProperty("leads").GetInt32());
        Assert.Equal(0.667, salesReady.GetProperty("precision").GetDouble(), 3);
        Assert.Equal(0.667, salesReady.GetProperty("recall").GetDouble(), 3);
    }

    // workbench.md simulate: events' `kind` is one of the words the doc lists.
    [Fact]
    public void Simulate_uses_only_the_documented_event_kinds_also_for_a_lead_below_the_floor()
    {
        var listed = System.Text.RegularExpressions.Regex.Match(Doc("workbench.md"), @"`kind` \(([^)]*)\)");
        Assert.True(listed.Success, "docs/workbench.md no longer lists the event kinds");
        var documented = System.Text.RegularExpressions.Regex.Matches(listed.Groups[1].Value, "`(\\w+)`").Select(m => m.Groups[1].Value).ToArray();
        string model = Model.Replace("\"points\":20}", "\"points\":-25}", StringComparison.Ordinal); // the director rule becomes a debit
        var result = Simulate(model, Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"ian","attributes":{"lastname":"Intern","jobtitle":"Director"}}"""));

        var kinds = Lead(result, "ian").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.All(kinds, k => Assert.Contains(k, documented)); // this branch's doc lacks floorAdjustment
    }

    // workbench.md: "A request the plug-ins refuse ... stops the replay with the line that caused it (events.jsonl, line 12: the hand-back was refused: …)".
    [Fact]
    public void A_hand_back_of_a_disqualified_lead_stops_the_replay_with_its_line()
    {
        var run = WorkbenchCommandTests.Run("simulate", "--model", Write("model.json", Model), "--events", Write("events.jsonl",
            Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe"}}"""),
            Line("2026-05-02T09:00:00Z", """{"op":"update","table":"lead","id":"john","attributes":{"statecode":"Disqualified","statuscode":"Lost"}}"""),
            Line("2026-05-03T09:00:00Z", """{"op":"handback","lead":"john","reason":"No budget"}""")));

        Assert.Equal(1, run.Exit);
        Assert.StartsWith("leadscoring: events.jsonl, line 3: the hand-back was refused: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    // workbench.md backtest: "A lead rule on a column the CSV does not have would never match, so backtest refuses it with one line naming the rule and the column".
    [Fact]
    public void Backtest_refuses_a_lead_rule_on_a_column_the_leads_table_lacks()
    {
        var run = WorkbenchCommandTests.Run("backtest", "--model", Write("model.json", Model), "--leads", Write("leads.csv", "title,Bought", "Director,1", "Analyst,0"), "--outcome", "Bought");

        Assert.Equal(1, run.Exit);
        Assert.Contains("director", run.Error, StringComparison.Ordinal);
        Assert.Contains("jobtitle", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    // docs/plugins.md "Steps" lists the registrations of pac-config.json, "the single source".
    [Fact]
    public void Every_registered_step_is_in_the_steps_table_of_the_plug_ins_doc()
    {
        var root = RepositoryRoot.Path;
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "pac-config.json")));
        var names = new List<string>();
        Collect(config.RootElement, names);
        string doc = File.ReadAllText(Path.Combine(root, "docs", "plugins.md"));

        Assert.Equal(Array.Empty<string>(), names.Where(n => !doc.Contains(n, StringComparison.Ordinal)).ToArray());
    }

    private static void Collect(JsonElement element, List<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("plugin", out _) && element.TryGetProperty("name", out var name))
            {
                names.Add(name.GetString()!);
            }

            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names);
            }
        }
    }

    // workbench.md demo: "The first section counts them now (N leads); model quality counts ... (in Marketing Qualified then, all of them open: M leads)".
    [Fact]
    public void The_demo_prints_the_sales_ready_counts_the_workbench_doc_states()
    {
        var stated = System.Text.RegularExpressions.Regex.Match(Doc("workbench.md"), @"counts them now \((\d+) leads\).*?all of them open: (\d+) leads\)");
        Assert.True(stated.Success, "docs/workbench.md no longer states the demo's counts");

        var run = WorkbenchCommandTests.Run("demo", "--report", Path.Combine(_folder, "demo.html"));

        Assert.Equal((0, ""), (run.Exit, run.Error));
        string output = string.Join(" ", run.Output.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains(stated.Groups[1].Value + " open leads are sales-ready (Marketing Qualified)", output, StringComparison.Ordinal); // this branch's doc: 20; the demo: 22
        Assert.Contains("(score >= 100, fit >= 25, engagement >= 30): " + stated.Groups[2].Value + " leads", output, StringComparison.Ordinal); // this branch's doc: 76; the demo: 86
    }

    private (int Exit, string Output, string Error) Funnel(int handedBack, int qualified)
    {
        var lines = new List<string>();
        var names = Enumerable.Range(0, handedBack + qualified).Select(i => "lead" + i).ToList();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            lines.Add(Line($"2026-05-0{1 + i}T09:00:00Z", "{\"op\":\"create\",\"table\":\"lead\",\"id\":\"" + name + "\",\"attributes\":{\"lastname\":\"" + name + "\",\"jobtitle\":\"Director\"}}"));
            for (var d = 0; d < 3; d++)
            {
                lines.Add(Line($"2026-05-0{1 + i}T1{d}:00:00Z", "{\"op\":\"create\",\"table\":\"ls_interaction\",\"id\":\"" + name + "d" + d + "\",\"attributes\":{\"ls_type\":\"Asset Download\",\"ls_leadid\":\"" + name + "\"}}"));
            }
        }

        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            lines.Add(i < handedBack
                ? Line($"2026-05-1{i}T09:00:00Z", "{\"op\":\"handback\",\"lead\":\"" + name + "\",\"reason\":\"Not ready\"}")
                : Line($"2026-05-1{i}T09:00:00Z", "{\"op\":\"update\",\"table\":\"lead\",\"id\":\"" + name + "\",\"attributes\":{\"statecode\":\"Qualified\",\"statuscode\":\"Qualified\"}}"));
        }

        return WorkbenchCommandTests.Run("funnel", "--model", Write("model.json", Model), "--events", Write("events.jsonl", lines.ToArray()),
            "--json", Path.Combine(_folder, "funnel.json"), "--report", Path.Combine(_folder, "funnel.html"));
    }

    private static string Doc(string name) =>
        string.Join(" ", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", name)).Split('\n', StringSplitOptions.TrimEntries));

    private JsonDocument Simulate(string model, params string[] lines)
    {
        var run = WorkbenchCommandTests.Run("simulate", "--model", Write("model.json", model), "--events", Write("events.jsonl", lines));
        Assert.Equal((0, ""), (run.Exit, run.Error));
        return JsonDocument.Parse(run.Output);
    }

    private static JsonElement Lead(JsonDocument result, string id) =>
        result.RootElement.GetProperty("leads").EnumerateArray().Single(l => l.GetProperty("id").GetString() == id);

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }
}
