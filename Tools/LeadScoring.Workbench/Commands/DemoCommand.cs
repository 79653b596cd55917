using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using LeadScoring.Workbench.Demo;
using LeadScoring.Workbench.Reports;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>demo: the bundled model and six months of history through the real plug-ins; what a team would look at, and an HTML report.</summary>
    internal static class DemoCommand
    {
        private const int SalesReadyRows = 15;

        public static Command Create(IAnsiConsole console)
        {
            var report = HtmlReportOption.Create("demo-report.html");

            var command = new Command("demo", "Replay a bundled six-month history of a few hundred leads through the real plug-ins with a sample B2B model: sales-ready leads, the grade matrix, one lead's story, model quality and an HTML report");
            command.Options.Add(report);
            command.SetAction(parse =>
            {
                var demo = DemoRun.Run(console);
                Show(console, demo);
                console.WriteLine();
                HtmlReportOption.Write(console, parse, report, DemoReport.Write(demo));
                return 0;
            });
            return command;
        }

        private static void Show(IAnsiConsole console, DemoResult demo)
        {
            var history = demo.History;
            console.MarkupLine(F($"[bold]Lead Scoring demo[/]: the model '{Printable.Markup(demo.Model.Name)}' ({demo.Model.Rules.Count} rules) on {demo.Leads.Count} leads, {history.Events.Count} events from {history.Events[0].At:yyyy-MM-dd} to {history.Events[^1].At:yyyy-MM-dd}."));
            console.WriteLine(F($"Every event ran through the real plug-ins on the embedded Dataverse emulator ({demo.Elapsed.TotalSeconds:0.0} s): what you see is what Dataverse would do."));
            console.WriteLine();

            console.Write(new Rule("Sales-ready leads").LeftJustified());
            var ready = demo.SalesReady;
            var table = new Table().Border(TableBorder.Simple).AddColumn("Lead").AddColumn("Name").AddColumn("Company").AddColumn("Job title")
                .AddColumn(new TableColumn("Score").RightAligned()).AddColumn(new TableColumn("Fit").RightAligned()).AddColumn(new TableColumn("Engagement").RightAligned()).AddColumn("Grade").AddColumn("Since");
            foreach (var lead in ready.Take(SalesReadyRows))
            {
                var r = lead.Result;
                table.AddRow(Printable.Markup(r.Id), Printable.Markup(lead.Name), Printable.Markup(lead.Company), Printable.Markup(lead.JobTitle), I(r.Score), I(r.Fit), I(r.Engagement), Printable.Markup(r.Grade), lead.SalesReadyOn is DateTime on ? F($"{on:yyyy-MM-dd}") : "");
            }

            console.Write(table);
            console.WriteLine(F($"{ready.Count} open leads are sales-ready (Marketing Qualified){(ready.Count > SalesReadyRows ? F($"; the top {SalesReadyRows} are shown, all are in the report") : "")}."));
            var closed = demo.Leads.Count(l => !l.Open && l.Result.ToLeadScore().SalesReady);
            // Only a count of the queue's history: model quality below scores each lead just before its outcome, a different moment.
            console.WriteLine(F($"{closed} closed leads had reached the sales-ready line before they were qualified or disqualified; they are not in this queue."));
            console.WriteLine();

            console.Write(new Rule("Grade matrix").LeftJustified());
            ReplayReport.GradeMatrix(console, demo.Leads.Select(l => l.Result).ToList());
            console.WriteLine();

            console.Write(new Rule("One lead's story").LeftJustified());
            var story = demo.Story;
            console.WriteLine(F($"{story.Name}, {story.JobTitle} at {story.Company}: points up, a decay and a hand-back."));
            ReplayReport.Story(console, story.Result);
            console.WriteLine();

            console.Write(new Rule("Model quality").LeftJustified());
            Report.Backtest(console, demo.Quality, DemoRun.QualityNote);
        }

        private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
