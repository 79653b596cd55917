using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.ModelFiles;
using LeadScoring.Workbench.Reports;
using LeadScoring.Workbench.Simulation;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>funnel: replays a history and reports how often leads enter each lifecycle stage, and whether the model is too generous or too strict.</summary>
    internal static class FunnelCommand
    {
        private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

        public static Command Create(IAnsiConsole console)
        {
            var model = new Option<string>("--model") { Description = "The model file (JSON) to replay the history with", HelpName = "model.json", Required = true };
            var events = new Option<string>("--events") { Description = "The history to replay through the plug-ins (JSON Lines, see simulate)", HelpName = "events.jsonl", Required = true };
            var leads = new LeadsOptions(SplitPart.Holdout, leadsRequired: false);
            var outcomes = new Option<string?>("--outcomes")
            {
                Description = "A CSV file with an \"id\" column and the --outcome column (and optionally <outcome>_on) [default: a lead converted when the history qualifies it]",
                HelpName = "outcomes.csv",
            };
            var precision = new Option<double>("--precision") { Description = "The precision the suggested sales-ready line must reach on the history", HelpName = "share", DefaultValueFactory = _ => 0.8 };
            var handBack = new Option<double>("--hand-back-line") { Description = "Too generous when more than this share of MQLs are handed back", HelpName = "share", DefaultValueFactory = _ => 0.3 };
            var noProgress = new Option<double>("--no-progress-line") { Description = "Too generous when more than this share of MQLs go nowhere within --stall-days", HelpName = "share", DefaultValueFactory = _ => 0.3 };
            var missed = new Option<double>("--missed-line") { Description = "Too strict when more than this share of converted leads were never MQL", HelpName = "share", DefaultValueFactory = _ => 0.3 };
            var stall = new Option<int>("--stall-days") { Description = "An MQL went nowhere when sales neither accepted, closed nor handed it back within this many days", HelpName = "days", DefaultValueFactory = _ => 30 };
            var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to this file", HelpName = "funnel.json" };
            var report = HtmlReportOption.Create("funnel-report.html");

            var command = new Command("funnel", "Replay a history and report the lifecycle funnel per month and model version: stage entries, MQL → Sales Accepted → Qualified, hand-backs, MQLs that went nowhere, a verdict and a suggested sales-ready line");
            foreach (Option option in new Option[] { model, events, outcomes, leads.Outcome, precision, handBack, noProgress, missed, stall, json, report })
            {
                command.Options.Add(option);
            }

            leads.Outcome.Required = false;
            leads.Outcome.DefaultValueFactory = _ => "converted";
            command.SetAction(parse =>
            {
                var scoringModel = ValidModel.Read(parse.GetValue(model)!);
                var history = EventsFile.Read(parse.GetValue(events)!);
                var options = new FunnelOptions(
                    Share(parse.GetValue(handBack), "--hand-back-line"),
                    Share(parse.GetValue(noProgress), "--no-progress-line"),
                    Share(parse.GetValue(missed), "--missed-line"),
                    StallDays(parse.GetValue(stall)),
                    Share(parse.GetValue(precision), "--precision"));
                var replay = ConsoleProgress.Run(console, $"Replaying {history.Source}", history.Events.Count, step => Replay.Run(scoringModel, history, null, step));
                var results = replay.Leads();
                var converted = new Dictionary<string, bool>(StringComparer.Ordinal);
                var dates = new Dictionary<string, DateTime>(StringComparer.Ordinal);
                if (parse.GetValue(outcomes) is string path)
                {
                    var (table, flags) = leads.LoadOutcomes(parse, path);
                    int id = table.Column(ScoringData.IdColumn);
                    for (int r = 0; r < table.Rows.Count; r++)
                    {
                        converted[table.Rows[r][id]] = flags[r];
                    }

                    dates = ScoringData.Dates(table, id, ScoringData.DateColumn(table, parse.GetValue(leads.Outcome)!));
                }
                else
                {
                    var won = OutcomeMoments.Qualified(history);
                    foreach (var lead in history.Leads)
                    {
                        converted[lead] = won.Contains(lead);
                    }
                }

                var figures = Funnel.Measure(scoringModel, history, replay.StageChanges, results, converted, OutcomeMoments.Find(history, dates), options);
                Show(console, figures);
                if (parse.GetValue(json) is string jsonPath)
                {
                    WorkbenchFiles.WriteAllText(jsonPath, JsonSerializer.Serialize(figures, Json) + "\n");
                }

                HtmlReportOption.Write(console, parse, report, AnalysisReports.Funnel(figures, history.Source));
                return 0;
            });
            return command;
        }

        private static void Show(IAnsiConsole console, FunnelReport f)
        {
            console.MarkupLine(F($"[bold]{Markup.Escape(f.Model)}[/] (version {f.ModelVersion}): the lifecycle funnel of the replayed history."));
            var table = new Table().Title("Leads entering each stage, by month").Border(TableBorder.Simple).AddColumn("Month").AddColumn("Version");
            foreach (string stage in f.Stages)
            {
                table.AddColumn(new TableColumn(stage).RightAligned());
            }

            foreach (var m in f.Months.Append(f.Total))
            {
                table.AddRow(new[] { m.Month, m.ModelVersion == 0 ? "all" : I(m.ModelVersion) }.Concat(f.Stages.Select(s => I(m.Entered[s]))).ToArray());
            }

            console.Write(table);
            var mqls = new Table().Title("What became of each month's new MQLs").Border(TableBorder.Simple)
                .AddColumn("Month").AddColumn("Version").AddColumn("MQLs").AddColumn("Sales Accepted").AddColumn("Qualified").AddColumn("Handed back").AddColumn("Median days to hand-back").AddColumn("Went nowhere");
            foreach (var m in f.Months.Append(f.Total).Where(m => m.Mqls > 0))
            {
                mqls.AddRow(m.Month, m.ModelVersion == 0 ? "all" : I(m.ModelVersion), I(m.Mqls), F($"{m.SalesAccepted} ({m.AcceptedRate:0%})"), F($"{m.Qualified} ({m.QualifiedRate:0%})"), F($"{m.HandedBack} ({m.HandBackRate:0%})"),
                    m.MedianDaysToHandBack is double d ? F($"{d:0.0}") : "", m.Judged == 0 ? "not yet" : F($"{m.NoProgress} of {m.Judged} ({m.NoProgressRate:0%})"));
            }

            console.Write(mqls);
            console.WriteLine(F($"{f.ConvertedNeverMql} of {f.Converted} converted leads were never MQL ({f.MissedRate:0%})."));
            console.MarkupLine(F($"Verdict: [bold]{Markup.Escape(f.Verdict)}[/]{(f.Reasons.Count > 0 ? ": " + Markup.Escape(string.Join("; ", f.Reasons)) : F($" (hand-backs {f.Total.HandBackRate:0%}, went nowhere {f.Total.NoProgressRate:0%}, converted never MQL {f.MissedRate:0%}; lines {f.Lines.HandBackLine:0%}, {f.Lines.NoProgressLine:0%}, {f.Lines.MissedLine:0%})"))}."));
            console.WriteLine(f.Suggestion is SuggestedLine s
                ? F($"For precision {s.TargetPrecision:0%}: sales-ready at score >= {s.Threshold}, fit >= {s.MinimumFit}, engagement >= {s.MinimumEngagement} would have selected {s.Leads} leads just before their outcome, precision {s.Precision:0.0%}, recall {s.Recall:0.0%}.")
                : F($"No sales-ready line reaches precision {f.Lines.Precision:0%} on this history."));
        }

        private static int StallDays(int days) =>
            days > 0 ? days : throw new WorkbenchException($"--stall-days must be above 0, not {days}");

        private static double Share(double value, string option) =>
            value is > 0 and <= 1 ? value : throw new WorkbenchException($"{option} must be a share above 0 and at most 1, not {value}");

        private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
