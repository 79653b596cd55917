using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LeadScoring.Tests.Workbench;

/// <summary>
/// Writes the HTML reports of calibrate, backtest, compare and funnel once, through the real
/// command line: calibrate, backtest and compare on the first 800 leads of the X Education sample,
/// funnel on the demo's six-month history.
/// </summary>
public sealed class AnalysisReportsFixture : IDisposable
{
    public AnalysisReportsFixture()
    {
        string leads = Path.Combine(Folder, "leads.csv");
        File.WriteAllLines(leads, File.ReadLines(CalibratedSample.Sample).Take(801));
        string model = Path.Combine(Folder, "model.json");
        string[] split = { "--leads", leads, "--outcome", "Converted", "--split-by", "Prospect ID" };
        Calibrate = Run(new[] { "calibrate", "--out", model, "--report", Report("calibrate") }.Concat(split).ToArray());
        string stricter = Path.Combine(Folder, "stricter.json");
        File.WriteAllText(stricter, Regex.Replace(File.ReadAllText(model), "\"salesReadyThreshold\": *(\\d+)", m => $"\"salesReadyThreshold\": {int.Parse(m.Groups[1].Value) + 40}"));
        Backtest = Run(new[] { "backtest", "--model", model, "--report", Report("backtest") }.Concat(split).ToArray());
        Compare = Run(new[] { "compare", "--model", model, "--model", stricter, "--report", Report("compare") }.Concat(split).ToArray());
        string demo = Path.Combine(RepositoryRoot.Path, "samples", "demo");
        Funnel = Run("funnel", "--model", Path.Combine(demo, "model.json"), "--events", Path.Combine(demo, "events.jsonl"), "--outcomes", Path.Combine(demo, "outcomes.csv"),
            "--report", Report("funnel"), "--json", Path.Combine(Folder, "funnel.json"));
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("leadscoring-reports-").FullName;

    public (int Exit, string Output, string Error) Calibrate { get; }

    public (int Exit, string Output, string Error) Backtest { get; }

    public (int Exit, string Output, string Error) Compare { get; }

    public (int Exit, string Output, string Error) Funnel { get; }

    public string Report(string command) => Path.Combine(Folder, command + ".html");

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args) => WorkbenchCommandTests.Run(args);
}

public sealed class AnalysisReportsTests : IClassFixture<AnalysisReportsFixture>
{
    private readonly AnalysisReportsFixture _reports;

    public AnalysisReportsTests(AnalysisReportsFixture reports) => _reports = reports;

    [Theory]
    [InlineData("calibrate")]
    [InlineData("backtest")]
    [InlineData("compare")]
    [InlineData("funnel")]
    public void Every_analysis_report_renders_in_headless_Chromium_without_script_errors(string command)
    {
        var run = Result(command);
        Assert.Equal((0, ""), (run.Exit, run.Error));
        string html = File.ReadAllText(_reports.Report(command));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var (exit, dom, log) = Chromium.DumpDom(_reports.Report(command));

        Assert.Equal(0, exit);
        Assert.DoesNotContain(log.Split('\n'), line => line.Contains(":CONSOLE", StringComparison.Ordinal));
        int charts = Regex.Matches(html, "<svg ").Count;
        Assert.True(charts > 0, "the report has charts");
        Assert.Equal(charts, Regex.Matches(dom, "<svg ").Count);
        Assert.Contains("</table>", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void The_funnel_of_the_demo_history_has_a_verdict_and_a_suggested_line_for_the_precision_asked()
    {
        var run = _reports.Funnel;

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Matches("Verdict: (too generous|too strict|too generous and too strict|about right)", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_reports.Folder, "funnel.json")));
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("months").GetArrayLength());
        var total = root.GetProperty("total");
        Assert.True(total.GetProperty("mqls").GetInt32() > 0);
        Assert.Equal(total.GetProperty("entered").GetProperty("Marketing Qualified").GetInt32(), root.GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("entered").GetProperty("Marketing Qualified").GetInt32()));
        var suggestion = root.GetProperty("suggestion");
        Assert.True(suggestion.GetProperty("precision").GetDouble() >= 0.8);
        Assert.Contains(FormattableString.Invariant($"sales-ready at score >= {suggestion.GetProperty("threshold").GetInt32()}"), run.Output, StringComparison.Ordinal);
        string html = File.ReadAllText(_reports.Report("funnel"));
        Assert.Contains("MQLs and what became of them", html, StringComparison.Ordinal);
        Assert.Contains("Hand-back rate of each month", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_compare_report_links_every_changed_lead_and_draws_the_stage_matrix()
    {
        Assert.Equal(0, _reports.Compare.Exit);
        string html = File.ReadAllText(_reports.Report("compare"));
        var changed = Regex.Match(_reports.Compare.Output, @"(\d+) of \d+ leads change stage");
        Assert.True(changed.Success);

        Assert.Contains("Stage under A (rows) against stage under B (columns)", html, StringComparison.Ordinal);
        var links = Regex.Matches(html, "href=\"#(lead-[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(links.Count >= int.Parse(changed.Groups[1].Value));
        Assert.All(links, id => Assert.Contains($"<tr id=\"{id}\">", html, StringComparison.Ordinal));
    }

    private (int Exit, string Output, string Error) Result(string command) => command switch
    {
        "calibrate" => _reports.Calibrate,
        "backtest" => _reports.Backtest,
        "compare" => _reports.Compare,
        _ => _reports.Funnel,
    };
}
