using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    internal sealed record SalesReadyQuality(int Threshold, int MinimumFit, int MinimumEngagement, int Leads, int Converted, double Precision, double Recall, double F1);

    internal sealed record GradeRow(string Grade, int Leads, int Converted, double ConversionRate, double Lift);

    /// <summary>Decile 1 holds the tenth of the leads with the highest scores (leads with equal scores stay together, so a decile can hold a few more or fewer).</summary>
    internal sealed record DecileRow(int Decile, int MinScore, int MaxScore, int Leads, int Converted, double ConversionRate, double Lift, double CumulativeRecall);

    internal sealed record CalibrationBand(int MinScore, int MaxScore, int Leads, double Predicted, double Observed);

    /// <summary>
    /// Predicted conversion from a logistic fit of the outcome on the score (log-odds = Intercept +
    /// Slope × score); PointsToDoubleOdds is ln 2 / Slope. Bands split the score range in ten equal widths.
    /// </summary>
    internal sealed record CalibrationTable(double Intercept, double Slope, double? PointsToDoubleOdds, IReadOnlyList<CalibrationBand> Bands);

    internal sealed record BacktestReport(
        string Model,
        int Leads,
        int Converted,
        double ConversionRate,
        double Auc,
        SalesReadyQuality SalesReady,
        IReadOnlyList<GradeRow> Grades,
        IReadOnlyList<DecileRow> Deciles,
        CalibrationTable Calibration,
        int SkippedRules);

    /// <summary>Scores every lead with a model and measures how well the scores predict the outcome.</summary>
    internal static class Backtest
    {
        public static BacktestReport Run(ScoringModel model, ILeadScorer scorer, LeadsTable leads, bool[] converted, int skippedRules = 0) =>
            Measure(model, leads.Rows.Select(r => scorer.Score(Calibrator.Row(leads, r))).ToArray(), converted, leads.Source, skippedRules);

        /// <summary>The figures of leads already scored (one score per outcome, in the same order).</summary>
        public static BacktestReport Measure(ScoringModel model, IReadOnlyList<LeadScore> scored, bool[] converted, string source, int skippedRules = 0)
        {
            if (converted.All(c => c) || !converted.Any(c => c))
            {
                throw new WorkbenchException($"{source}: a backtest needs both converted and not converted leads");
            }

            var scores = scored.ToArray();
            int buyers = converted.Count(c => c);
            double rate = (double)buyers / scores.Length;
            var sales = Metrics.Selection(scores.Select(s => s.SalesReady).ToArray(), converted);
            return new BacktestReport(
                model.Name,
                scores.Length,
                buyers,
                rate,
                Metrics.Auc(scores.Select(s => (double)s.Score).ToArray(), converted),
                new SalesReadyQuality(model.SalesReadyThreshold, model.MinimumFit, model.MinimumEngagement, sales.Selected, sales.Converted, sales.Precision, sales.Recall, sales.F1),
                Grades(scores, converted, rate),
                Deciles(scores, converted, rate),
                Calibration(scores, converted),
                skippedRules);
        }

        private static List<GradeRow> Grades(LeadScore[] scores, bool[] converted, double rate) =>
            scores.Select((s, i) => (s.Grade, Converted: converted[i]))
                .GroupBy(g => g.Grade)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    int buyers = g.Count(x => x.Converted);
                    return new GradeRow(g.Key, g.Count(), buyers, (double)buyers / g.Count(), (double)buyers / g.Count() / rate);
                })
                .ToList();

        private static List<DecileRow> Deciles(LeadScore[] scores, bool[] converted, double rate)
        {
            int[] order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i].Score).ThenBy(i => i).ToArray();
            int total = converted.Count(c => c), captured = 0;
            var rows = new List<DecileRow>();
            int start = 0;
            for (int d = 0; d < 10; d++)
            {
                // Leads with the same score stay in one decile, so the deciles' score ranges never overlap.
                int end = Math.Max(start, (d + 1) * order.Length / 10);
                while (end > 0 && end < order.Length && scores[order[end]].Score == scores[order[end - 1]].Score)
                {
                    end++;
                }

                var part = order[start..end];
                start = end;
                if (part.Length == 0)
                {
                    continue;
                }

                int buyers = part.Count(i => converted[i]);
                captured += buyers;
                double partRate = (double)buyers / part.Length;
                rows.Add(new DecileRow(d + 1, part.Min(i => scores[i].Score), part.Max(i => scores[i].Score), part.Length, buyers, partRate, partRate / rate, (double)captured / total));
            }

            return rows;
        }

        private static CalibrationTable Calibration(LeadScore[] scores, bool[] converted)
        {
            double mean = scores.Average(s => s.Score);
            double spread = Math.Sqrt(scores.Average(s => (s.Score - mean) * (s.Score - mean)));
            spread = spread == 0 ? 1 : spread;
            var fit = LogisticRegression.Fit(scores.Select(s => new[] { (s.Score - mean) / spread }).ToArray(), converted, penalty: 0);
            double slope = fit.Weights[0] / spread;
            double intercept = fit.Intercept - (slope * mean);

            int low = scores.Min(s => s.Score), high = scores.Max(s => s.Score);
            double width = Math.Max(1, (high - low + 1) / 10.0);
            var bands = scores.Select((s, i) => (s.Score, Converted: converted[i], Band: (int)Math.Min(9, Math.Floor((s.Score - low) / width))))
                .GroupBy(x => x.Band)
                .OrderBy(g => g.Key)
                .Select(g => new CalibrationBand(
                    g.Min(x => x.Score),
                    g.Max(x => x.Score),
                    g.Count(),
                    g.Average(x => LogisticRegression.Sigmoid(intercept + (slope * x.Score))),
                    (double)g.Count(x => x.Converted) / g.Count()))
                .ToList();
            return new CalibrationTable(intercept, slope, slope > 0 ? Math.Log(2) / slope : null, bands);
        }
    }
}
