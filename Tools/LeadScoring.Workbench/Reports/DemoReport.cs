using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Workbench.Demo;
using static LeadScoring.Workbench.Reports.SvgChart;

namespace LeadScoring.Workbench.Reports
{
    /// <summary>
    /// The demo's report: the model's quality (as backtest draws it), the score distribution by
    /// outcome, the sales-ready leads, the grade matrix and one lead's score over time.
    /// </summary>
    internal static class DemoReport
    {
        public static string Write(DemoResult demo)
        {
            var page = new HtmlPage($"Lead Scoring demo: {demo.Model.Name} (version {demo.Model.Version})");
            page.Paragraph(F($"{demo.Leads.Count} leads and {demo.History.Events.Count} events from {Day(demo.History.Events[0].At)} to {Day(demo.History.Events[^1].At)}, replayed through the real plug-ins on the embedded Dataverse emulator in {demo.Elapsed.TotalSeconds:0.0} s. What you see is what the plug-ins would write in Dataverse."));
            SalesReady(page, demo);
            page.Heading("Grade matrix").Paragraph("Leads per cell now (fit A best, engagement 1 best) and how many of them bought.");
            GradeMatrix(page, demo);
            Story(page, demo.Story, demo.Model.SalesReadyThreshold);
            page.Heading("Model quality");
            page.Charts(ScoreDistribution(demo));
            AnalysisReports.Quality(page, demo.Quality, demo.QualityScores, demo.Leads.Select(l => l.Converted).ToList(),
                DemoRun.QualityNote);
            return page.Close("demo");
        }

        private static string ScoreDistribution(DemoResult demo)
        {
            const int Width = 20;
            var scores = demo.QualityScores;
            int top = Math.Max(Width, (scores.Max(s => s.Score) / Width * Width) + Width);
            var bands = Enumerable.Range(0, top / Width).Select(b => b * Width).ToList();
            double[] Count(bool converted) => bands.Select(b => (double)scores.Where((s, i) => demo.Leads[i].Converted == converted && s.Score >= b && s.Score < b + Width).Count()).ToArray();
            return Bars("Score distribution by outcome (leads per 20 points)", bands.Select(b => b.ToString(CultureInfo.InvariantCulture)).ToList(),
                new[] { new ChartSeries("bought", Charts.Converted, Count(true)), new ChartSeries("did not buy", Charts.NotConverted, Count(false)) },
                v => v.ToString("0", CultureInfo.InvariantCulture));
        }

        private static void SalesReady(HtmlPage page, DemoResult demo)
        {
            var leads = demo.SalesReady;
            page.Heading("Sales-ready leads").Paragraph($"{leads.Count} open leads are in the Marketing Qualified stage, best first.");
            page.Table(new[] { "Lead", "Name", "Company", "Job title", "#Score", "#Fit", "#Engagement", "Grade", "Sales-ready since" },
                leads.Select(lead => (IReadOnlyList<string>)new[] { lead.Result.Id, lead.Name, lead.Company, lead.JobTitle, N(lead.Result.Score), N(lead.Result.Fit), N(lead.Result.Engagement), lead.Result.Grade, lead.SalesReadyOn is DateTime on ? Day(on) : "" }));
        }

        private static void GradeMatrix(HtmlPage page, DemoResult demo)
        {
            var letters = demo.Leads.Select(l => l.Result.Grade[..1]).Distinct().Order(StringComparer.Ordinal).ToList();
            var numbers = demo.Leads.Select(l => l.Result.Grade[1..]).Distinct().Order(StringComparer.Ordinal).ToList();
            page.Table(new[] { "Fit \\ Engagement" }.Concat(numbers.Select(n => "#" + n)).ToList(), letters.Select(letter =>
                (IReadOnlyList<string>)new[] { letter }.Concat(numbers.Select(number =>
                {
                    var cell = demo.Leads.Where(l => l.Result.Grade == letter + number).ToList();
                    return cell.Count == 0 ? "0" : $"{cell.Count} ({cell.Count(l => l.Converted)} bought)";
                })).ToList()));
        }

        private static void Story(HtmlPage page, DemoLead lead, int threshold)
        {
            var r = lead.Result;
            page.Heading($"One lead's story: {lead.Name}, {lead.JobTitle} at {lead.Company} ({r.Id})")
                .Paragraph($"Now {r.Score} points (fit {r.Fit}, engagement {r.Engagement}), grade {r.Grade}, stage {r.Stage}, handed back {r.HandBackCount} time(s); {(lead.Converted ? "bought" : "did not buy")}.");
            var points = new List<(double X, double Y)>();
            var rows = new List<IReadOnlyList<string>>();
            int score = 0;
            foreach (var e in r.Events)
            {
                score += e.Points;
                points.Add((e.At.ToOADate(), score));
                rows.Add(new[] { Day(e.At), e.Kind, e.Rule ?? "", e.Points.ToString("+0;-0", CultureInfo.InvariantCulture), N(score), e.Reason });
            }

            if (points.Count > 0)
            {
                double first = points[0].X, last = Math.Max(points[^1].X, first + 1);
                double top = NiceMax(Math.Max(threshold, points.Max(p => p.Y)) * 1.1);
                page.Charts(Lines($"Score of {r.Id} over time", new[] { new ChartLine("score", Charts.Accent, points, Step: true) }, (first, last), (0, top),
                    v => DateTime.FromOADate(v).ToString("MMM d", CultureInfo.InvariantCulture), v => v.ToString("0", CultureInfo.InvariantCulture),
                    new[] { ((double)threshold, $"sales-ready line ({threshold})") }));
            }

            page.Table(new[] { "When", "Kind", "Rule", "#Points", "#Score", "Why" }, rows);
        }

        private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
