using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Workbench.Simulation;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>The console tables of a replay: leads, the grade matrix, one lead's story.</summary>
    internal static class ReplayReport
    {
        public const int MaxRows = 40;

        public static void Leads(IAnsiConsole console, IReadOnlyList<SimulatedLead> leads, string title = "Leads after the replay")
        {
            var table = new Table().Title(Printable.Markup(title)).Border(TableBorder.Simple)
                .AddColumn("Lead").AddColumn("Score").AddColumn("Fit").AddColumn("Engagement").AddColumn("Grade").AddColumn("Stage").AddColumn("Hand-backs").AddColumn("Score events");
            foreach (var lead in leads.Take(MaxRows))
            {
                table.AddRow(Printable.Markup(lead.Id), I(lead.Score), I(lead.Fit), I(lead.Engagement), Printable.Markup(lead.Grade), Printable.Markup(lead.Stage), I(lead.HandBackCount), I(lead.Events.Count));
            }

            console.Write(table);
            if (leads.Count > MaxRows)
            {
                console.WriteLine($"… and {I(leads.Count - MaxRows)} more leads (all of them are in the results file).");
            }
        }

        /// <summary>Counts per grade cell: fit letters down, engagement numbers across.</summary>
        public static void GradeMatrix(IAnsiConsole console, IReadOnlyList<SimulatedLead> leads)
        {
            var letters = leads.Select(l => Letter(l.Grade)).Distinct().Order().ToList();
            var numbers = leads.Select(l => Number(l.Grade)).Distinct().Order().ToList();
            var table = new Table().Title("Leads per grade (fit A best, engagement 1 best)").Border(TableBorder.Simple).AddColumn("Fit \\ Engagement");
            foreach (var number in numbers)
            {
                table.AddColumn(new TableColumn(Printable.Markup(number)).RightAligned());
            }

            foreach (var letter in letters)
            {
                table.AddRow(new[] { Printable.Markup(letter) }.Concat(numbers.Select(n => I(leads.Count(l => Letter(l.Grade) == letter && Number(l.Grade) == n)))).ToArray());
            }

            console.Write(table);
        }

        /// <summary>Every score event of one lead with the running score.</summary>
        public static void Story(IAnsiConsole console, SimulatedLead lead)
        {
            var table = new Table().Title(Printable.Markup($"The story of lead '{lead.Id}' (now {lead.Score} points, grade {lead.Grade}, {lead.Stage})")).Border(TableBorder.Simple)
                .AddColumn("When").AddColumn("Kind").AddColumn(new TableColumn("Points").RightAligned()).AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Why");
            int score = 0;
            foreach (var e in lead.Events)
            {
                score += e.Points;
                table.AddRow(e.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Kind, e.Points.ToString("+0;-0", CultureInfo.InvariantCulture), I(score), Printable.Markup(e.Reason));
            }

            console.Write(table);
        }

        private static string Letter(string grade) => grade.Length > 0 ? grade[..1] : "?";

        private static string Number(string grade) => grade.Length > 1 ? grade[1..] : "?";

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
