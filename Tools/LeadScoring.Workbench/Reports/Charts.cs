using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Workbench.Analysis;
using static LeadScoring.Workbench.Reports.SvgChart;

namespace LeadScoring.Workbench.Reports
{
    /// <summary>The charts every report draws the same way: grade heatmap, deciles, calibration, ROC, funnel, stage-to-stage matrix.</summary>
    internal static class Charts
    {
        public const string Converted = "#15803d", NotConverted = "#9ca3af", Accent = "#1d4ed8", Warning = "#b45309";

        /// <summary>Fit letters down, engagement numbers across; each cell shaded by its conversion rate.</summary>
        public static string GradeHeatmap(IReadOnlyList<GradeRow> grades)
        {
            var letters = grades.Select(g => g.Grade[..1]).Distinct().Order(StringComparer.Ordinal).ToList();
            var numbers = grades.Select(g => g.Grade[1..]).Distinct().Order(StringComparer.Ordinal).ToList();
            return Heatmap("Conversion by grade (leads in the cell)", letters, numbers, (r, c) =>
                grades.FirstOrDefault(g => g.Grade == letters[r] + numbers[c]) is GradeRow g
                    ? (g.ConversionRate, F($"{g.ConversionRate:0%} ({g.Leads})"))
                    : (null, "none"), "fit (A best)", "engagement (1 best)");
        }

        public static string Deciles(IReadOnlyList<DecileRow> deciles) =>
            Bars("Conversion by score decile (1 = top tenth)", deciles.Select(d => F($"{d.Decile}")).ToList(),
                new[] { new ChartSeries("conversion rate", Accent, deciles.Select(d => d.ConversionRate).ToList()) },
                v => F($"{v:0%}"), 1);

        /// <summary>Predicted against observed conversion per score band, with the diagonal of perfect calibration.</summary>
        public static string Calibration(CalibrationTable calibration)
        {
            var bands = calibration.Bands;
            return Lines("Calibration: predicted against observed conversion",
                new[]
                {
                    new ChartLine("score bands", Accent, bands.Select(b => (b.Predicted, b.Observed)).ToList()),
                    new ChartLine("perfect calibration", NotConverted, new[] { (0.0, 0.0), (1.0, 1.0) }),
                },
                (0, 1), (0, 1), v => F($"{v:0%}"), v => F($"{v:0%}"));
        }

        public static string Roc(IReadOnlyList<double> scores, IReadOnlyList<bool> converted, double auc) =>
            Lines(F($"ROC curve (AUC {auc:0.000})"),
                new[] { new ChartLine("the model", Accent, RocPoints(scores, converted)), new ChartLine("chance", NotConverted, new[] { (0.0, 0.0), (1.0, 1.0) }) },
                (0, 1), (0, 1), v => F($"{v:0.0}"), v => F($"{v:0.0}"));

        /// <summary>(false positive rate, true positive rate) for every score threshold, highest first.</summary>
        public static IReadOnlyList<(double X, double Y)> RocPoints(IReadOnlyList<double> scores, IReadOnlyList<bool> converted)
        {
            int positives = converted.Count(c => c), negatives = converted.Count - positives;
            var points = new List<(double, double)> { (0, 0) };
            int tp = 0, fp = 0;
            foreach (var group in scores.Select((s, i) => (Score: s, Converted: converted[i])).GroupBy(x => x.Score).OrderByDescending(g => g.Key))
            {
                tp += group.Count(x => x.Converted);
                fp += group.Count(x => !x.Converted);
                points.Add(((double)fp / Math.Max(1, negatives), (double)tp / Math.Max(1, positives)));
            }

            return points;
        }

        /// <summary>MQLs, then how many sales accepted, qualified and handed back, over all months.</summary>
        public static string Funnel(FunnelReport funnel)
        {
            var t = funnel.Total;
            return SvgChart.Funnel("MQLs and what became of them", new[]
            {
                ("Marketing Qualified", (double)t.Mqls),
                ("Sales Accepted", (double)t.SalesAccepted),
                ("Qualified", (double)t.Qualified),
                ("Handed back", (double)t.HandedBack),
                ("Went nowhere", (double)t.NoProgress),
            }, v => F($"{v:0}"), Accent);
        }

        public static string HandBackRate(FunnelReport funnel)
        {
            var months = funnel.Months.Where(m => m.Mqls > 0).ToList();
            return Bars(F($"Hand-back rate of each month's MQLs (line {funnel.Lines.HandBackLine:0%})"), months.Select(m => m.Month).ToList(),
                new[] { new ChartSeries("handed back", Warning, months.Select(m => m.HandBackRate).ToList()), new ChartSeries("went nowhere", NotConverted, months.Select(m => m.NoProgressRate).ToList()) },
                v => F($"{v:0%}"), 1);
        }

        public static string StageEntries(FunnelReport funnel) =>
            Bars("Leads entering each stage, by month", funnel.Months.Select(m => m.Month).ToList(),
                funnel.Stages.Select((s, i) => new ChartSeries(s, Palette[i % Palette.Length], funnel.Months.Select(m => (double)m.Entered[s]).ToList())).ToList(),
                v => F($"{v:0}"));

        /// <summary>Leads per (stage under A, stage under B), shaded by the share of the A stage's leads.</summary>
        public static string StageMatrix(IReadOnlyList<Transition> matrix)
        {
            var order = Analysis.Funnel.Stages.ToList();
            var from = matrix.Select(t => t.From).Distinct().OrderBy(s => Rank(order, s)).ToList();
            var to = matrix.Select(t => t.To).Distinct().OrderBy(s => Rank(order, s)).ToList();
            return Heatmap("Stage under A (rows) against stage under B (columns)", from, to, (r, c) =>
            {
                int leads = matrix.Where(t => t.From == from[r] && t.To == to[c]).Sum(t => t.Leads);
                int row = matrix.Where(t => t.From == from[r]).Sum(t => t.Leads);
                return (row == 0 ? null : (double)leads / row, F($"{leads}"));
            }, "A", "B");
        }

        private static readonly string[] Palette = { "#9ca3af", "#60a5fa", Accent, Converted, Warning, "#b91c1c" };

        private static int Rank(List<string> order, string stage) => order.IndexOf(stage) is int i and >= 0 ? i : order.Count;

        private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
