using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.ModelFiles;
using LeadScoring.Workbench.Reports;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>compare: two models on the same leads, both through the real plug-ins: AUC of each, and the leads that change stage or grade.</summary>
    internal static class CompareCommand
    {
        private const int TransitionRows = 12;
        private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

        public static Command Create(IAnsiConsole console)
        {
            var data = new ScoringData();
            var models = new Option<string[]>("--model") { Description = "A model file (JSON); give it twice: --model A.json --model B.json", HelpName = "model.json", Required = true };
            var json = new Option<string?>("--json") { Description = "Also write the comparison as JSON to this file", HelpName = "comparison.json" };
            var html = HtmlReportOption.Create("compare-report.html");

            var command = new Command("compare", "Score the same leads with two models through the real plug-ins: AUC of each and the difference, and how many leads change stage and grade");
            command.Options.Add(models);
            data.AddTo(command);
            command.Options.Add(json);
            command.Options.Add(html);
            command.SetAction(parse =>
            {
                string[] files = parse.GetValue(models) ?? [];
                if (files.Length != 2)
                {
                    throw new WorkbenchException($"compare needs --model twice (--model A.json --model B.json); got {files.Length}");
                }

                var a = ValidModel.ReadForLeadsTable(files[0]);
                var b = ValidModel.ReadForLeadsTable(files[1]);
                var loaded = data.Load(parse);
                if (loaded.Table is LeadsTable table)
                {
                    BacktestCommand.RequireColumns(a, table, Path.GetFileName(files[0]));
                    BacktestCommand.RequireColumns(b, table, Path.GetFileName(files[1]));
                }

                var first = loaded.Score(console, a, "A");
                var second = loaded.Score(console, b, "B");
                var comparison = ModelComparison.Of((Path.GetFileName(files[0]), a.Name, first.Scores), (Path.GetFileName(files[1]), b.Name, second.Scores), first.Converted, first.Ids);
                Show(console, comparison, first.Source);
                if (parse.GetValue(json) is string path)
                {
                    WorkbenchFiles.WriteAllText(path, JsonSerializer.Serialize(comparison, Json) + "\n");
                }

                HtmlReportOption.Write(console, parse, html, AnalysisReports.Compare(comparison, first.Source));

                return 0;
            });
            return command;
        }

        private static void Show(IAnsiConsole console, ModelComparison c, string source)
        {
            console.WriteLine(F($"Comparing two models on {c.Leads} leads of {source} ({c.Converted} converted), both scored by the plug-ins."));
            var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn("A").AddColumn("B");
            table.AddRow("File", Printable.Markup(c.Models[0].File), Printable.Markup(c.Models[1].File));
            table.AddRow("Model", Printable.Markup(c.Models[0].Name), Printable.Markup(c.Models[1].Name));
            table.AddRow("AUC", F($"{c.Models[0].Auc:0.000}"), F($"{c.Models[1].Auc:0.000}"));
            table.AddRow("Sales-ready leads (open, MQL)", F($"{c.Models[0].SalesReady}"), F($"{c.Models[1].SalesReady}"));
            table.AddRow("Precision", F($"{c.Models[0].Precision:0.0%}"), F($"{c.Models[1].Precision:0.0%}"));
            table.AddRow("Recall", F($"{c.Models[0].Recall:0.0%}"), F($"{c.Models[1].Recall:0.0%}"));
            console.Write(table);
            console.MarkupLine(F($"AUC difference (B − A, of the AUCs as shown): [bold]{c.AucDifference:+0.000;-0.000;0.000}[/]"));
            console.WriteLine(F($"{c.StageChanges} of {c.Leads} leads change stage; {c.GradeChanges} change grade."));
            Transitions(console, "Stage changes (A → B)", c.StageTransitions);
            Transitions(console, "Grade changes (A → B)", c.GradeTransitions);
        }

        private static void Transitions(IAnsiConsole console, string title, System.Collections.Generic.IReadOnlyList<Transition> transitions)
        {
            if (transitions.Count == 0)
            {
                return;
            }

            var table = new Table().Title(title).Border(TableBorder.Simple).AddColumn("A").AddColumn("B").AddColumn(new TableColumn("Leads").RightAligned());
            foreach (var t in transitions.Take(TransitionRows))
            {
                table.AddRow(Printable.Markup(t.From), Printable.Markup(t.To), F($"{t.Leads}"));
            }

            console.Write(table);
            if (transitions.Count > TransitionRows)
            {
                console.WriteLine(F($"… and {transitions.Count - TransitionRows} more pairs."));
            }
        }

        private static string F(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
