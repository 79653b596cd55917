using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using static LeadScoring.Tests.Workbench.SimulateCommandTests;

namespace LeadScoring.Tests.Workbench;

/// <summary>backtest and compare on a replayed history and on a leads table, through the real command line.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-compare-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Mary (director, three downloads) bought; John (one download, four unanswered emails) did not; Ann (director, one download) did not.</summary>
    private string[] History() => SalesReadyMary().Concat(new[]
    {
        Line("2026-05-07T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe"}}"""),
        Line("2026-05-07T10:00:00Z", """{"op":"create","table":"ls_interaction","id":"d4","attributes":{"ls_type":"Asset Download","ls_leadid":"john"}}"""),
        Email("2026-05-08T10:00:00Z", "e1", "john"),
        Email("2026-05-09T10:00:00Z", "e2", "john"),
        Email("2026-05-10T10:00:00Z", "e3", "john"),
        Email("2026-05-11T10:00:00Z", "e4", "john"),
        Line("2026-05-12T09:00:00Z", """{"op":"create","table":"lead","id":"ann","attributes":{"lastname":"Lee","jobtitle":"Sales Director"}}"""),
        Line("2026-05-12T10:00:00Z", """{"op":"create","table":"ls_interaction","id":"d5","attributes":{"ls_type":"Asset Download","ls_leadid":"ann"}}"""),
    }).ToArray();

    [Fact]
    public void Backtest_replays_the_events_and_measures_them_against_the_outcomes()
    {
        string report = Path.Combine(_folder, "backtest.json");

        var run = WorkbenchCommandTests.Run("backtest", "--model", Write("model.json", Model), "--events", Write("events.jsonl", History()),
            "--outcomes", Write("outcomes.csv", "id,bought", "mary,1", "john,0", "ann,0"), "--outcome", "bought", "--json", report);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Contains("on 3 leads (1 converted, 33.3%), scored by the plug-ins: AUC 1.000", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(1.0, json.RootElement.GetProperty("auc").GetDouble());
        Assert.Equal(1, json.RootElement.GetProperty("salesReady").GetProperty("leads").GetInt32());
    }

    [Fact]
    public void On_a_history_backtest_scores_each_lead_just_before_its_outcome_was_known_unless_as_of_end()
    {
        // Bob reached the sales-ready line, then sales handed him back (40 points off) and he did not buy.
        string[] history = History().Concat(new[]
        {
            Line("2026-05-13T09:00:00Z", """{"op":"create","table":"lead","id":"bob","attributes":{"lastname":"Ray","jobtitle":"Director of Sales"}}"""),
            Line("2026-05-13T10:00:00Z", """{"op":"create","table":"ls_interaction","id":"d6","attributes":{"ls_type":"Asset Download","ls_leadid":"bob"}}"""),
            Line("2026-05-13T11:00:00Z", """{"op":"create","table":"ls_interaction","id":"d7","attributes":{"ls_type":"Asset Download","ls_leadid":"bob"}}"""),
            Line("2026-05-13T12:00:00Z", """{"op":"create","table":"ls_interaction","id":"d8","attributes":{"ls_type":"Asset Download","ls_leadid":"bob"}}"""),
            Line("2026-05-20T09:00:00Z", """{"op":"handback","lead":"bob","reason":"Not buying this year"}"""),
        }).ToArray();
        string[] data = { "--model", Write("model.json", Model), "--events", Write("events.jsonl", history),
            "--outcomes", Write("outcomes.csv", "id,bought", "mary,1", "john,0", "ann,0", "bob,0"), "--outcome", "bought" };
        string before = Path.Combine(_folder, "outcome.json"), after = Path.Combine(_folder, "end.json");

        var atOutcome = WorkbenchCommandTests.Run(new[] { "backtest", "--json", before, "--report", Path.Combine(_folder, "outcome.html") }.Concat(data).ToArray());
        var atEnd = WorkbenchCommandTests.Run(new[] { "backtest", "--as-of", "end", "--json", after, "--report", Path.Combine(_folder, "end.html") }.Concat(data).ToArray());

        Assert.Equal((0, ""), (atOutcome.Exit, atOutcome.Error));
        Assert.Equal((0, ""), (atEnd.Exit, atEnd.Error));
        Assert.Contains("Each lead is scored just before its outcome was known", atOutcome.Output, StringComparison.Ordinal);
        using var outcome = JsonDocument.Parse(File.ReadAllText(before));
        using var end = JsonDocument.Parse(File.ReadAllText(after));
        Assert.Equal(2, outcome.RootElement.GetProperty("salesReady").GetProperty("leads").GetInt32()); // Mary and Bob, before his hand-back
        Assert.Equal(1, end.RootElement.GetProperty("salesReady").GetProperty("leads").GetInt32()); // Mary; Bob is Recycled
        Assert.True(outcome.RootElement.GetProperty("auc").GetDouble() < end.RootElement.GetProperty("auc").GetDouble());
    }

    [Fact]
    public void The_funnel_counts_stage_entries_per_month_and_model_version()
    {
        // Version 2 lowers the sales-ready line to 40: on activation Ann (director, one download: 50) becomes MQL.
        Write("model-v2.json", Model.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal).Replace("\"salesReadyThreshold\":100", "\"salesReadyThreshold\":40", StringComparison.Ordinal));
        string[] history = History().Append(Line("2026-06-01T09:00:00Z", """{"op":"activate","model":"model-v2.json"}""")).ToArray();
        string json = Path.Combine(_folder, "funnel.json");

        var run = WorkbenchCommandTests.Run("funnel", "--model", Write("model.json", Model), "--events", Write("events.jsonl", history),
            "--outcomes", Write("outcomes.csv", "id,bought", "mary,1", "john,0", "ann,0"), "--outcome", "bought", "--json", json, "--report", Path.Combine(_folder, "funnel.html"));

        Assert.Equal((0, ""), (run.Exit, run.Error));
        using var figures = JsonDocument.Parse(File.ReadAllText(json));
        var months = figures.RootElement.GetProperty("months").EnumerateArray()
            .Select(m => (Month: m.GetProperty("month").GetString(), Version: m.GetProperty("modelVersion").GetInt32(), Mql: m.GetProperty("entered").GetProperty("Marketing Qualified").GetInt32()))
            .ToList();
        Assert.Contains(("2026-05", 1, 1), months); // Mary
        Assert.Contains(("2026-06", 2, 1), months); // Ann, under version 2
        Assert.Equal(2, figures.RootElement.GetProperty("total").GetProperty("mqls").GetInt32());
        Assert.Equal(0, figures.RootElement.GetProperty("convertedNeverMql").GetInt32());
    }

    [Fact]
    public void Compare_shows_both_AUCs_the_difference_and_the_leads_that_change_stage_and_grade()
    {
        string stricter = Write("stricter.json", Model.Replace("\"salesReadyThreshold\":100", "\"salesReadyThreshold\":120", StringComparison.Ordinal)
            .Replace("\"points\":20}", "\"points\":50}", StringComparison.Ordinal));
        string comparison = Path.Combine(_folder, "comparison.json");

        var run = WorkbenchCommandTests.Run("compare", "--model", Write("model.json", Model), "--model", stricter, "--events", Write("events.jsonl", History()),
            "--outcomes", Write("outcomes.csv", "id,bought", "mary,1", "john,0", "ann,0"), "--outcome", "bought", "--json", comparison);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Contains("AUC difference (B − A, of the AUCs as shown): 0.000", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 of 3 leads change stage; 2 change grade.", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(comparison));
        Assert.Equal(2, json.RootElement.GetProperty("gradeChanges").GetInt32());
        Assert.Equal("C1", json.RootElement.GetProperty("gradeTransitions")[0].GetProperty("from").GetString());
    }

    [Fact]
    public void Compare_works_on_a_leads_table_too()
    {
        string leads = Write("leads.csv", "jobtitle,Bought", "Sales Director,1", "Analyst,0", "Director of IT,1", "Intern,0");
        string titles = Write("titles.json", Model.Replace("\"value\":\"director\"", "\"value\":\"analyst\"", StringComparison.Ordinal));

        var run = WorkbenchCommandTests.Run("compare", "--model", Write("model.json", Model), "--model", titles, "--leads", leads, "--outcome", "Bought");

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Contains("AUC difference (B − A, of the AUCs as shown): -0.750", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--outcome", "converted", "outcomes.csv: the outcome column 'converted' is not in the file")]
    [InlineData("--outcomes", "none", "none.csv: file not found")]
    [InlineData("--model", "only-one", "compare needs --model twice (--model A.json --model B.json); got 1")]
    public void Bad_data_options_are_one_line(string option, string value, string expected)
    {
        var args = new[] { "compare", "--model", Write("model.json", Model), "--model", Write("b.json", Model), "--events", Write("events.jsonl", History()),
            "--outcomes", Write("outcomes.csv", "id,bought", "mary,1", "john,0"), "--outcome", "bought" }.ToList();
        if (option == "--model")
        {
            args.RemoveRange(3, 2);
        }
        else
        {
            args[args.IndexOf(option) + 1] = option == "--outcomes" ? Path.Combine(_folder, value + ".csv") : value;
        }

        var run = WorkbenchCommandTests.Run(args.ToArray());

        Assert.Equal(1, run.Exit);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void An_outcome_for_a_lead_the_history_lacks_names_its_line()
    {
        var run = WorkbenchCommandTests.Run("backtest", "--model", Write("model.json", Model), "--events", Write("events.jsonl", History()),
            "--outcomes", Write("outcomes.csv", "id,bought", "mary,1", "zoe,0"), "--outcome", "bought");

        Assert.Equal((1, "leadscoring: outcomes.csv, line 3: lead 'zoe' does not appear in events.jsonl"), (run.Exit, run.Error.TrimEnd()));
    }

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }
}
