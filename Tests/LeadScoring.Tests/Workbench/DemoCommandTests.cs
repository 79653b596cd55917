using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.Demo;
using LeadScoring.Workbench.Simulation;
using LeadScoring.Workbench.Emulation;
using LeadScoring.Workbench.Reports;

namespace LeadScoring.Tests.Workbench;

/// <summary>demo, through the real command line: the bundled history through the plug-ins, the sections and the report.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-demo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Demo_prints_the_sections_and_writes_a_self_contained_report()
    {
        string report = Path.Combine(_folder, "out", "report.html");

        var run = WorkbenchCommandTests.Run("demo", "--report", report);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        foreach (string section in new[] { "Sales-ready leads", "Grade matrix", "One lead's story", "Model quality", "Contoso B2B lead scoring on 240 leads" })
        {
            Assert.Contains(section, run.Output, StringComparison.Ordinal);
        }

        Assert.Matches(new Regex(@"AUC 0\.[89]\d\d"), run.Output);
        Assert.Contains("handBack", run.Output, StringComparison.Ordinal);
        Assert.Contains("decay", run.Output, StringComparison.Ordinal);
        Assert.Contains("Wrote the report to " + report, run.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);

        string html = File.ReadAllText(report);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Matches(html, "<svg ").Count);
        foreach (string chart in new[] { "Score distribution by outcome", "Conversion by grade", "ROC curve (AUC 0.", "over time" })
        {
            Assert.Contains(chart, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex("(src|href)=\"https?:"), html);
        var (exit, dom, log) = Chromium.DumpDom(report);
        Assert.Equal(0, exit);
        Assert.DoesNotContain(log.Split('\n'), line => line.Contains(":CONSOLE", StringComparison.Ordinal));
        Assert.Equal(6, Regex.Matches(dom, "<svg ").Count);
    }

    [Fact]
    public void The_report_escapes_every_text_it_shows()
    {
        const string Evil = "<img src=x onerror=alert(1)>";
        var at = new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);
        var events = new[] { new SimulatedEvent(at, "rule", Evil, 130, Evil) };
        var leads = new[]
        {
            new DemoLead(new SimulatedLead("L1", 130, 40, 90, "A1", "Marketing Qualified", 0, events), Evil, Evil, Evil, true, at, true),
            new DemoLead(new SimulatedLead("L2", 10, 0, 10, "C3", "Engaged", 0, Array.Empty<SimulatedEvent>()), "Bo", "Co", "Analyst", true, null, false),
        };
        var model = new ScoringModel { Name = Evil, SalesReadyThreshold = 100, FitCap = 100, EngagementCap = 100 };
        var history = new History("events.jsonl", new[] { new HistoryEvent(1, at, HistoryOp.Decay) }, new[] { "L1", "L2" });
        var quality = Backtest.Measure(model, leads.Select(l => l.Result.ToLeadScore()).ToList(), new[] { true, false }, "events.jsonl");

        string html = DemoReport.Write(new DemoResult(model, history, leads, leads[0], quality, leads.Select(l => l.Result.ToLeadScore()).ToList(), TimeSpan.FromSeconds(1)));

        Assert.DoesNotContain(Evil, html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_history_is_what_the_seeded_generator_writes()
    {
        var (events, outcomes) = DemoHistoryGenerator.Generate();

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "demo", "events.jsonl")), events);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "demo", "outcomes.csv")), outcomes);
    }

    [Fact]
    public void The_workbench_carries_the_repository_pac_config_and_demo_files()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "pac-config.json")), ScoringOrganization.PacConfigJson());
        var workbench = typeof(ScoringOrganization).Assembly;
        foreach (string name in new[] { "model.json", "events.jsonl", "outcomes.csv" })
        {
            using var stream = workbench.GetManifestResourceStream("LeadScoring.Workbench.Demo." + name);
            Assert.NotNull(stream);
            Assert.Equal(new FileInfo(Path.Combine(RepositoryRoot.Path, "samples", "demo", name)).Length, stream.Length);
        }
    }
}
