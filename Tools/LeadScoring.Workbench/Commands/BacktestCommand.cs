using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.ModelFiles;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>backtest: scores past leads with a model through the real plug-ins and measures how well the score predicts conversion.</summary>
    internal static class BacktestCommand
    {
        private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

        /// <summary>A lead rule on a column the table lacks would silently never match: refuse it.</summary>
        public static void RequireColumns(ScoringModel model, LeadsTable leads, string modelFile)
        {
            foreach (var rule in model.Rules.Where(SnapshotLeadScorer.IsLeadSnapshotRule))
            {
                foreach (var condition in rule.Conditions.Where(c => !leads.Attributes.Contains(c.Attribute, StringComparer.OrdinalIgnoreCase)))
                {
                    throw new WorkbenchException(
                        $"{modelFile}: rule '{rule.Id}' needs the lead column '{condition.Attribute}', which {leads.Source} does not have (its columns: {string.Join(", ", leads.Attributes)})");
                }
            }
        }

        public static Command Create(IAnsiConsole console)
        {
            var data = new ScoringData();
            var model = new Option<string>("--model") { Description = "The model file (JSON) to score the leads with", HelpName = "model.json", Required = true };
            var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to this file", HelpName = "report.json" };

            var command = new Command("backtest", "Score past leads with a model through the real plug-ins: AUC, conversion by grade and score decile, precision and recall at the sales-ready threshold, calibration");
            command.Options.Add(model);
            data.AddTo(command);
            command.Options.Add(json);
            command.SetAction(parse =>
            {
                string modelPath = parse.GetValue(model)!;
                var scoringModel = ValidModel.Read(modelPath);
                var loaded = data.Load(parse);
                if (loaded.Table is LeadsTable table)
                {
                    RequireColumns(scoringModel, table, Path.GetFileName(modelPath));
                }

                var scored = loaded.Score(console, scoringModel, Path.GetFileName(modelPath));
                var report = Backtest.Measure(scoringModel, scored.Scores, scored.Converted, scored.Source, scored.SkippedRules);
                Report.Backtest(console, report, scored.Note);
                if (parse.GetValue(json) is string path)
                {
                    WorkbenchFiles.WriteAllText(path, GradeConversions.ReportJson(report, Json, DateTime.UtcNow) + "\n");
                }

                return 0;
            });
            return command;
        }
    }
}
