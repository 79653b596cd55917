using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// Builds a scorecard from past outcomes: bins every column, weighs each bin by its weight of
    /// evidence, drops columns without information, fits a logistic regression on the WOE-encoded
    /// columns and scales weight × WOE to integer points (points to double the odds). The result is
    /// an ordinary model: one lead-table rule per bin, with thresholds, caps and grades read off the data.
    /// </summary>
    internal static class Calibrator
    {
        private static readonly string[] BehaviouralWords = { "visit", "time_spent", "page_view", "activity", "click", "download", "webinar" };

        /// <summary>The default split into fit and engagement: a column is behavioural when its logical
        /// name mentions visits, time spent, page views, activity, clicks, downloads or webinars.</summary>
        public static bool LooksBehavioural(string attribute) => BehaviouralWords.Any(w => attribute.Contains(w, StringComparison.Ordinal));

        public static Scorecard Calibrate(LeadsTable leads, int outcomeColumn, CalibrationOptions options)
        {
            bool[] converted = leads.Outcomes(outcomeColumn);
            if (converted.All(c => c) || !converted.Any(c => c))
            {
                throw new WorkbenchException($"{leads.Source}: calibration needs both converted and not converted leads in '{leads.Headers[outcomeColumn]}'");
            }

            var excluded = new HashSet<int>(options.Exclude.Select(leads.Column)) { outcomeColumn };
            var engagement = options.EngagementColumns is null ? null : new HashSet<int>(options.EngagementColumns.Select(leads.Column));
            var dropped = new List<DroppedColumn>();
            var candidates = new List<ScorecardColumn>();
            for (int c = 0; c < leads.Headers.Count; c++)
            {
                if (excluded.Contains(c))
                {
                    continue;
                }

                var category = (engagement?.Contains(c) ?? LooksBehavioural(leads.Attributes[c])) ? Category.Engagement : Category.Fit;
                var column = Analyse(leads, c, converted, category, options, out string? reason);
                if (column is null)
                {
                    dropped.Add(new DroppedColumn(leads.Headers[c], reason!));
                }
                else
                {
                    candidates.Add(column);
                }
            }

            if (candidates.Count == 0)
            {
                throw new WorkbenchException($"{leads.Source}: no column carries information about '{leads.Headers[outcomeColumn]}' (see the columns left out above)");
            }

            var columns = Regress(leads, candidates, converted, dropped);
            columns = AssignPoints(columns, options);
            return Assemble(leads, columns, dropped, converted, options);
        }

        private static ScorecardColumn? Analyse(LeadsTable leads, int c, bool[] converted, Category category, CalibrationOptions options, out string? reason)
        {
            string[] cells = leads.Rows.Select(r => r[c]).ToArray();
            var present = cells.Where(v => v.Length > 0).ToArray();
            int distinct = present.Distinct(StringComparer.OrdinalIgnoreCase).Count();
            bool numeric = present.Length > 0 && present.All(v => Conditions.TryNumber(v, out _));
            reason = present.Length == 0 ? "always empty"
                : distinct == 1 && present.Length == cells.Length ? "one value only"
                : present.Length >= 20 && (numeric ? distinct == present.Length && present.All(IsWholeNumber) : distinct > present.Length / 2)
                    ? $"an identifier or free text ({distinct} different values)"
                : null;
            if (reason is not null)
            {
                return null;
            }

            string attribute = leads.Attributes[c];
            var bins = numeric ? Binning.Numeric(attribute, cells, converted, options.Binning) : Binning.Categorical(attribute, cells, converted, options.Binning);
            double iv = WeightOfEvidence.InformationValue(bins);
            if (iv < options.MinInformationValue)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"no information (IV {iv:0.000} < {options.MinInformationValue})");
                return null;
            }

            return new ScorecardColumn(leads.Headers[c], attribute, category, bins, iv, 0, new int[bins.Count]);
        }

        /// <summary>Fits the regression on WOE; a column with a negative weight contradicts its own WOE
        /// (it overlaps with others), so the most negative one is dropped and the rest refitted.</summary>
        private static List<ScorecardColumn> Regress(LeadsTable leads, List<ScorecardColumn> columns, bool[] converted, List<DroppedColumn> dropped)
        {
            var indexes = columns.Select(col => leads.Column(col.Attribute)).ToList();
            var woe = columns.Select((col, j) => leads.Rows.Select(r => WoeOf(col.Bins, r[indexes[j]])).ToArray()).ToList();
            while (true)
            {
                var rows = Enumerable.Range(0, leads.Rows.Count).Select(r => woe.Select(w => w[r]).ToArray()).ToArray();
                var fit = LogisticRegression.Fit(rows, converted);
                int worst = Enumerable.Range(0, columns.Count).OrderBy(j => fit.Weights[j]).First();
                if (fit.Weights[worst] >= 0 || columns.Count == 1)
                {
                    return columns.Select((col, j) => col with { Weight = fit.Weights[j] }).ToList();
                }

                dropped.Add(new DroppedColumn(columns[worst].Header, "overlaps with other columns (negative weight in the regression)"));
                columns.RemoveAt(worst);
                woe.RemoveAt(worst);
            }
        }

        /// <summary>
        /// points = (pdo / ln 2) × weight × WOE, anchored so each column's worst bin scores 0: the
        /// product needs scores, minimums and thresholds of 0 or more, and a shift every lead gets
        /// alike changes no ranking.
        /// </summary>
        private static List<ScorecardColumn> AssignPoints(List<ScorecardColumn> columns, CalibrationOptions options)
        {
            double factor = options.PointsToDoubleOdds / Math.Log(2);
            return columns.Select(col =>
            {
                int[] raw = col.Bins.Select(b => (int)Math.Round(factor * col.Weight * b.Woe, MidpointRounding.AwayFromZero)).ToArray();
                int worst = raw.Min();
                return col with { Points = raw.Select(p => p - worst).ToArray() };
            }).ToList();
        }

        private static Scorecard Assemble(LeadsTable leads, List<ScorecardColumn> columns, List<DroppedColumn> dropped, bool[] converted, CalibrationOptions options)
        {
            var rules = new List<ScoringRule>();
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var col in columns)
            {
                for (int b = 0; b < col.Bins.Count; b++)
                {
                    if (col.Points[b] != 0)
                    {
                        rules.Add(Rule(col, col.Bins[b], col.Points[b], ids));
                    }
                }
            }

            int maxFit = Reachable(columns, Category.Fit, Enumerable.Max), maxEngagement = Reachable(columns, Category.Engagement, Enumerable.Max);
            int lowest = Reachable(columns, Category.Fit, Enumerable.Min) + Reachable(columns, Category.Engagement, Enumerable.Min);
            var draft = new ScoringModel
            {
                Name = options.ModelName,
                FitCap = RoundUp(maxFit + 1),
                EngagementCap = RoundUp(maxEngagement + 1),
                Floor = Math.Min(0, -RoundUp(-lowest)),
                Rules = rules,
            };

            var scorer = new SnapshotLeadScorer(draft);
            var scores = leads.Rows.Select(r => scorer.Score(Row(leads, r))).ToArray();
            int minimumFit = LowTail(scores.Where((s, i) => converted[i]).Select(s => s.Fit));
            int minimumEngagement = LowTail(scores.Where((s, i) => converted[i]).Select(s => s.Engagement));
            var (threshold, quality) = BestThreshold(scores, converted, minimumFit, minimumEngagement);
            threshold = Math.Max(1, threshold); // the product's sales-ready line is at least 1
            var model = draft with
            {
                SalesReadyThreshold = threshold,
                MinimumFit = minimumFit,
                MinimumEngagement = minimumEngagement,
                FitCap = Math.Max(draft.FitCap, RoundUp(minimumFit)),
                EngagementCap = Math.Max(draft.EngagementCap, RoundUp(minimumEngagement)),
                Grades = new GradeBands(Bands(scores.Select(s => s.Fit)), Bands(scores.Select(s => s.Engagement))),
            };

            double auc = Metrics.Auc(scores.Select(s => (double)s.Score).ToArray(), converted);
            return new Scorecard(model, columns, dropped, auc, quality);
        }

        private static ScoringRule Rule(ScorecardColumn col, Bin bin, int points, HashSet<string> ids)
        {
            string id = $"{col.Attribute}.{bin.Slug}";
            for (int n = 2; !ids.Add(id); n++)
            {
                id = $"{col.Attribute}.{bin.Slug}_{n}";
            }

            string name = string.Create(CultureInfo.InvariantCulture, $"{bin.Describe(col.Header)} (WOE {bin.Woe:+0.0;-0.0;0.0}, {bin.Leads} leads, {bin.ConversionRate:0%} converted)");
            return new ScoringRule
            {
                Id = id,
                Name = name,
                Category = col.Category,
                Table = "lead",
                Conditions = bin.Conditions,
                Points = points,

                // Fit follows the lead's current columns; behaviour is awarded once per lead.
                Limit = col.Category == Category.Fit ? RuleLimit.None : new RuleLimit(LimitType.PerLead),
            };
        }

        /// <summary>The sales-ready threshold with the best F1 (harmonic mean of precision and recall) on the training leads.</summary>
        private static (int Threshold, SelectionQuality Quality) BestThreshold(LeadScore[] scores, bool[] converted, int minimumFit, int minimumEngagement)
        {
            (int Threshold, SelectionQuality Quality) best = (0, new SelectionQuality(0, 0, 0, 0, -1));
            foreach (int threshold in scores.Select(s => s.Score).Distinct().OrderBy(s => s))
            {
                var selected = scores.Select(s => s.Score >= threshold && s.Fit >= minimumFit && s.Engagement >= minimumEngagement).ToArray();
                var quality = Metrics.Selection(selected, converted);
                if (quality.F1 > best.Quality.F1)
                {
                    best = (threshold, quality);
                }
            }

            return best;
        }

        /// <summary>The value 95 % of the converted leads reach: a minimum that keeps almost every buyer.</summary>
        private static int LowTail(IEnumerable<int> values) =>
            (int)Metrics.Quantile(values.Select(v => (double)v).OrderBy(v => v).ToArray(), 0.05);

        /// <summary>Two descending bands at the upper and lower thirds: grade A/1 is the top third.</summary>
        private static IReadOnlyList<int> Bands(IEnumerable<int> values)
        {
            var sorted = values.Select(v => (double)v).OrderBy(v => v).ToArray();
            return new[] { (int)Metrics.Quantile(sorted, 2.0 / 3), (int)Metrics.Quantile(sorted, 1.0 / 3) }.Distinct().ToArray();
        }

        private static int Reachable(IEnumerable<ScorecardColumn> columns, Category category, Func<IEnumerable<int>, int> pick) =>
            columns.Where(c => c.Category == category).Sum(c => pick(c.Points.Append(0)));

        private static int RoundUp(int value) => (int)Math.Ceiling(value / 10.0) * 10;

        private static bool IsWholeNumber(string cell) => Conditions.TryNumber(cell, out decimal n) && n == decimal.Truncate(n);

        private static double WoeOf(IReadOnlyList<Bin> bins, string cell) => bins.FirstOrDefault(b => b.Matches(cell))?.Woe ?? 0;

        internal static Dictionary<string, string> Row(LeadsTable leads, string[] row)
        {
            var lead = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int c = 0; c < row.Length; c++)
            {
                lead[leads.Attributes[c]] = row[c];
            }

            return lead;
        }
    }
}
