using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// Builds a scorecard from past outcomes: screens the columns (identifiers, columns without
    /// information, columns that give the outcome away), bins them with the binning that
    /// cross-validates best, fits a logistic regression on one 0/1 feature per bin, adds the few
    /// two-condition rules that earn their place under cross-validation, and scales the
    /// coefficients to integer points (points to double the odds). The result is an ordinary model:
    /// lead-table rules with thresholds, caps and grades read off the data.
    /// </summary>
    internal static class Calibrator
    {
        /// <summary>Folds of the cross-validations (row i is in fold i mod 5).</summary>
        private const int Folds = 5;

        /// <summary>A two-condition rule must raise the cross-validated log-likelihood by more than this: the cost of its complexity.</summary>
        private const double InteractionCost = 2.0;

        /// <summary>
        /// A bin needs this many leads to earn points of its own. The L2 penalty already pulls a small
        /// bin's points towards its column's reference, so a small category that converts unlike the
        /// rest (X Education's "another value" of Lead Profile: 16 of 17 converted) keeps what it tells;
        /// on the X Education training part five-fold cross-validation ranks better with 10 than with 1 % of the leads.
        /// </summary>
        private const int MinimumProven = 10;

        /// <summary>A two-condition rule must hold at least this share of the leads.</summary>
        private const double InteractionShare = 0.02;

        private static readonly string[] BehaviouralWords = { "visit", "time_spent", "page_view", "activity", "click", "download", "webinar" };

        /// <summary>Words of a column that records a judgement about the lead, usually made after talking to it.</summary>
        private static readonly string[] JudgementWords = { "tag", "quality", "score", "index", "rating", "grade", "status", "stage" };

        /// <summary>The numeric binnings cross-validation chooses from: quantile bins to start with, the smallest bin's share.</summary>
        private static readonly (int Bins, double MinBinShare)[] BinningGrid = { (5, 0.05), (10, 0.05), (20, 0.02), (20, 0.05) };

        /// <summary>The L2 penalties cross-validation chooses from.</summary>
        private static readonly double[] Penalties = { 1, 4, 16 };

        /// <summary>The default split into fit and engagement: a column is behavioural when its logical
        /// name mentions visits, time spent, page views, activity, clicks, downloads or webinars.</summary>
        public static bool LooksBehavioural(string attribute) => BehaviouralWords.Any(w => attribute.Contains(w, StringComparison.Ordinal));

        /// <summary>A column whose logical name has a word of <see cref="JudgementWords"/> (as a whole word: "lead_quality", not "headquarters").</summary>
        public static bool LooksLikeJudgement(string attribute) => attribute.Split('_').Any(part => JudgementWords.Contains(part) || (part.EndsWith('s') && JudgementWords.Contains(part[..^1])));

        public static Scorecard Calibrate(LeadsTable leads, int outcomeColumn, CalibrationOptions options)
        {
            bool[] converted = leads.Outcomes(outcomeColumn);
            if (converted.All(c => c) || !converted.Any(c => c))
            {
                throw new WorkbenchException($"{leads.Source}: calibration needs both converted and not converted leads in '{leads.Headers[outcomeColumn]}'");
            }

            var dropped = new List<DroppedColumn>();
            var evidence = new List<ColumnEvidence>();
            var candidates = Screen(leads, outcomeColumn, converted, options, dropped, evidence);
            if (candidates.Count == 0)
            {
                throw new WorkbenchException($"{leads.Source}: no column carries information about '{leads.Headers[outcomeColumn]}' (see the columns left out above)");
            }

            var choice = ChooseBinning(candidates, converted, options);
            var binning = options.Binning with { Bins = choice.Bins, MinBinShare = choice.MinBinShare };
            var all = Enumerable.Range(0, converted.Length).ToArray();
            var bins = candidates.Select(c => BinColumn(c, all, converted, binning)).ToList();
            var design = Design(candidates, bins);
            var pairs = FindInteractions(design, candidates, bins, converted, choice.Penalty, options.MaxInteractions);
            var fit = design.Fit(all, converted, choice.Penalty);

            double factor = options.PointsToDoubleOdds / Math.Log(2);
            int total = converted.Length, totalConverted = converted.Count(c => c);

            // Over the rule budget: points move in coarser steps, so more bins share a rule.
            List<ScorecardColumn> columns;
            int step = 1;
            do
            {
                int s = step++;
                columns = candidates.Select((c, j) => new ScorecardColumn(c.Header, c.Attribute, c.Category, bins[j], Points(design, fit, j, bins[j], factor, s))).ToList();
            }
            while (columns.Sum(c => RuleBins(c, total, totalConverted).Count()) + pairs.Count > options.MaxRules && step <= 10);

            var interactions = pairs.Select((p, k) =>
            {
                var rows = all.Where(r => InPair(design, p, r)).ToArray();
                double expected = rows.Average(r => LogisticRegression.Sigmoid(design.LogOdds(fit, r) - design.InteractionCoefficient(fit, k)));
                return new ScorecardInteraction(
                    candidates[p.A].Header, bins[p.A][p.BinA], candidates[p.B].Header, bins[p.B][p.BinB],
                    candidates[p.A].Category == Category.Engagement || candidates[p.B].Category == Category.Engagement ? Category.Engagement : Category.Fit,
                    rows.Length, rows.Count(r => converted[r]), expected,
                    (int)Math.Round(factor * design.InteractionCoefficient(fit, k), MidpointRounding.AwayFromZero));
            }).Where(i => i.Points != 0).ToList();
            return Assemble(leads, columns, interactions, evidence, dropped, choice, converted, options);
        }

        private sealed record Candidate(string Header, string Attribute, Category Category, string[] Cells, bool Numeric);

        private sealed record Pair(int A, int BinA, int B, int BinB);

        /// <summary>
        /// Keeps the columns that can be scored: not identifiers or free text, with information, and
        /// not giving the outcome away. A column gives it away when alone, one bin per value, it ranks
        /// the leads with an AUC at or above the leakage line, or when its name says it records a
        /// judgement about the lead (a tag, a quality, a score or index, a rating, a grade, a status
        /// or stage): both are what sales write down after they have talked to the lead.
        /// </summary>
        private static List<Candidate> Screen(LeadsTable leads, int outcomeColumn, bool[] converted, CalibrationOptions options, List<DroppedColumn> dropped, List<ColumnEvidence> evidence)
        {
            var excluded = new HashSet<int>(options.Exclude.Select(leads.Column)) { outcomeColumn };
            var kept = new HashSet<int>(options.Keep.Select(leads.Column));
            var engagement = options.EngagementColumns is null ? null : new HashSet<int>(options.EngagementColumns.Select(leads.Column));
            var candidates = new List<Candidate>();
            var all = Enumerable.Range(0, converted.Length).ToArray();
            for (int c = 0; c < leads.Headers.Count; c++)
            {
                if (excluded.Contains(c))
                {
                    continue;
                }

                string header = leads.Headers[c];
                string[] cells = leads.Rows.Select(r => r[c]).ToArray();
                if (Unusable(cells, out bool numeric) is string unusable)
                {
                    dropped.Add(new DroppedColumn(header, unusable));
                    continue;
                }

                var category = (engagement?.Contains(c) ?? LooksBehavioural(leads.Attributes[c])) ? Category.Engagement : Category.Fit;
                var candidate = new Candidate(header, leads.Attributes[c], category, cells, numeric);
                double iv = WeightOfEvidence.InformationValue(BinColumn(candidate, all, converted, options.Binning));
                var fine = BinColumn(candidate, all, converted, options.Binning with { RareShare = 0 });
                double auc = Metrics.Auc(cells.Select(cell => fine[IndexOf(fine, cell)].Woe).ToArray(), converted);
                evidence.Add(new ColumnEvidence(header, iv, auc));
                string keep = $"--keep-column \"{header}\" to use it anyway";
                if (iv < options.MinInformationValue)
                {
                    dropped.Add(new DroppedColumn(header, string.Create(CultureInfo.InvariantCulture, $"no information (IV {iv:0.000} < {options.MinInformationValue})")));
                }
                else if (auc >= options.LeakageAuc && !kept.Contains(c))
                {
                    dropped.Add(new DroppedColumn(header, string.Create(CultureInfo.InvariantCulture,
                        $"gives the outcome away: alone it ranks the leads with AUC {auc:0.000} >= {options.LeakageAuc}, so it was probably filled in once the outcome was known; {keep}")));
                }
                else if (LooksLikeJudgement(candidate.Attribute) && !kept.Contains(c))
                {
                    dropped.Add(new DroppedColumn(header, $"its name says it records a judgement about the lead, usually written after talking to it; {keep}"));
                }
                else
                {
                    candidates.Add(candidate);
                }
            }

            return candidates;
        }

        private static string? Unusable(string[] cells, out bool numeric)
        {
            var present = cells.Where(v => v.Length > 0).ToArray();
            int distinct = present.Distinct(StringComparer.OrdinalIgnoreCase).Count();
            bool isNumeric = numeric = present.Length > 0 && present.All(v => Conditions.TryNumber(v, out _));
            return present.Length == 0 ? "always empty"
                : distinct == 1 && present.Length == cells.Length ? "one value only"
                : present.Length >= 20 && (isNumeric ? distinct == present.Length && present.All(IsWholeNumber) : distinct > present.Length / 2)
                    ? $"an identifier or free text ({distinct} different values)"
                : null;
        }

        private static IReadOnlyList<Bin> BinColumn(Candidate column, int[] rows, bool[] converted, BinningOptions options)
        {
            var cells = rows.Select(r => column.Cells[r]).ToArray();
            var outcomes = rows.Select(r => converted[r]).ToArray();
            return column.Numeric ? Binning.Numeric(column.Attribute, cells, outcomes, options) : Binning.Categorical(column.Attribute, cells, outcomes, options);
        }

        private static BinnedDesign Design(List<Candidate> candidates, IReadOnlyList<IReadOnlyList<Bin>> bins)
        {
            var binOf = candidates.Select((c, j) => c.Cells.Select(cell => IndexOf(bins[j], cell)).ToArray()).ToArray();
            return new BinnedDesign(binOf, bins.Select(b => (IReadOnlyList<int>)b.Select(x => x.Leads).ToArray()).ToArray(), MinimumProven);
        }

        private static int IndexOf(IReadOnlyList<Bin> bins, string cell)
        {
            for (int b = 0; b < bins.Count; b++)
            {
                if (bins[b].Matches(cell))
                {
                    return b;
                }
            }

            throw new InvalidOperationException("the bins of a column cover every cell");
        }

        /// <summary>
        /// Cross-validates every binning of the grid with every penalty: in each fold the bins are
        /// built from the other folds only, so the choice is judged on leads the bins never saw.
        /// The best out-of-fold AUC wins; on a tie the simpler (earlier) choice stays.
        /// </summary>
        private static BinningChoice ChooseBinning(List<Candidate> candidates, bool[] converted, CalibrationOptions options)
        {
            BinningChoice? best = null;
            foreach (var (count, share) in BinningGrid)
            {
                var binning = options.Binning with { Bins = count, MinBinShare = share };
                var logOdds = Penalties.Select(_ => new double[converted.Length]).ToArray();
                for (int fold = 0; fold < Folds; fold++)
                {
                    int f = fold;
                    var training = Enumerable.Range(0, converted.Length).Where(r => r % Folds != f).ToArray();
                    var design = Design(candidates, candidates.Select(c => BinColumn(c, training, converted, binning)).ToList());
                    for (int p = 0; p < Penalties.Length; p++)
                    {
                        var fit = design.Fit(training, converted, Penalties[p]);
                        for (int r = f; r < converted.Length; r += Folds)
                        {
                            logOdds[p][r] = design.LogOdds(fit, r);
                        }
                    }
                }

                for (int p = 0; p < Penalties.Length; p++)
                {
                    double auc = Metrics.Auc(logOdds[p], converted);
                    if (best is null || auc > best.CrossValidatedAuc + 1e-9)
                    {
                        best = new BinningChoice(count, share, Penalties[p], auc);
                    }
                }
            }

            return best!;
        }

        /// <summary>
        /// Looks for the AND of two bins (of two columns) whose leads the additive points judge worst:
        /// the largest score statistic (Σ residual)² / Σ p(1 − p) over the leads in both bins, the leaf
        /// a depth-2 tree on the residuals would split off. It is kept when it raises the
        /// cross-validated log-likelihood by more than its cost; the search stops at the first that does not.
        /// </summary>
        private static List<Pair> FindInteractions(BinnedDesign design, List<Candidate> candidates, IReadOnlyList<IReadOnlyList<Bin>> bins, bool[] converted, double penalty, int maximum)
        {
            var pairs = new List<Pair>();
            var all = Enumerable.Range(0, converted.Length).ToArray();
            double before = BinnedDesign.LogLikelihood(design.CrossValidate(converted, penalty, Folds), converted);
            int minimum = (int)Math.Ceiling(InteractionShare * converted.Length);
            while (pairs.Count < maximum)
            {
                var fit = design.Fit(all, converted, penalty);
                var p = all.Select(r => LogisticRegression.Sigmoid(design.LogOdds(fit, r))).ToArray();
                Pair? best = null;
                double bestStatistic = 0;
                for (int a = 0; a < candidates.Count; a++)
                {
                    for (int b = a + 1; b < candidates.Count; b++)
                    {
                        int nb = bins[b].Count;
                        var residual = new double[bins[a].Count * nb];
                        var variance = new double[residual.Length];
                        var leads = new int[residual.Length];
                        foreach (int r in all)
                        {
                            int cell = (design.BinOf(a, r) * nb) + design.BinOf(b, r);
                            residual[cell] += (converted[r] ? 1 : 0) - p[r];
                            variance[cell] += p[r] * (1 - p[r]);
                            leads[cell]++;
                        }

                        for (int cell = 0; cell < residual.Length; cell++)
                        {
                            var pair = new Pair(a, cell / nb, b, cell % nb);
                            double statistic = residual[cell] * residual[cell] / Math.Max(variance[cell], 1e-9);
                            if (leads[cell] >= minimum && statistic > bestStatistic && !pairs.Contains(pair))
                            {
                                (best, bestStatistic) = (pair, statistic);
                            }
                        }
                    }
                }

                if (best is null)
                {
                    break;
                }

                design.AddInteraction(all.Select(r => InPair(design, best, r)).ToArray());
                double after = BinnedDesign.LogLikelihood(design.CrossValidate(converted, penalty, Folds), converted);
                if (after - before <= InteractionCost)
                {
                    design.RemoveLastInteraction();
                    break;
                }

                pairs.Add(best);
                before = after;
            }

            return pairs;
        }

        private static bool InPair(BinnedDesign design, Pair pair, int row) =>
            design.BinOf(pair.A, row) == pair.BinA && design.BinOf(pair.B, row) == pair.BinB;

        /// <summary>
        /// points = (pdo / ln 2) × the bin's coefficient, anchored so the column's worst bin scores 0:
        /// the product needs scores, minimums and thresholds of 0 or more, and a shift every lead gets
        /// alike changes no ranking. A bin with too few leads to prove anything (an empty "is empty",
        /// a value never seen) scores as the worst bin, never more than a bin with real evidence.
        /// Points are multiples of the step (1 unless the rules are over budget).
        /// </summary>
        private static int[] Points(BinnedDesign design, LogisticRegression fit, int column, IReadOnlyList<Bin> bins, double factor, int step)
        {
            int largest = bins.Max(x => x.Leads);
            var proven = Enumerable.Range(0, bins.Count).Where(b => design.Proven(column, b) || bins[b].Leads == largest).ToArray();
            var raw = Enumerable.Range(0, bins.Count).Select(b => step * (int)Math.Round(factor * design.Coefficient(fit, column, b) / step, MidpointRounding.AwayFromZero)).ToArray();
            int worst = proven.Min(b => raw[b]);
            return Enumerable.Range(0, bins.Count).Select(b => proven.Contains(b) ? raw[b] - worst : 0).ToArray();
        }

        private static Scorecard Assemble(LeadsTable leads, List<ScorecardColumn> columns, List<ScorecardInteraction> interactions, List<ColumnEvidence> evidence,
            List<DroppedColumn> dropped, BinningChoice choice, bool[] converted, CalibrationOptions options)
        {
            int total = converted.Length, totalConverted = converted.Count(c => c);
            var rules = new List<ScoringRule>();
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var col in columns)
            {
                foreach (var (bin, points) in RuleBins(col, total, totalConverted))
                {
                    rules.Add(Rule(col.Category, $"{col.Attribute}.{bin.Slug}", $"{bin.Describe(col.Header)}: {Why(bin.Leads, bin.Converted, total, totalConverted)}", bin.Conditions, points, ids));
                }
            }

            var columnRules = rules.ToList();
            foreach (var pair in interactions)
            {
                string name = string.Create(CultureInfo.InvariantCulture,
                    $"{pair.Describe()}: together {pair.ConversionRate:0%} of {pair.Leads} leads converted where the two columns' own points expect {pair.ExpectedRate:0%}");
                rules.Add(Rule(pair.Category, $"both.{pair.First.Attribute}_{pair.First.Slug}.{pair.Second.Attribute}_{pair.Second.Slug}", name,
                    pair.First.Conditions.Concat(pair.Second.Conditions).ToArray(), pair.Points, ids));
            }

            int maxFit = Reachable(columns, interactions, Category.Fit, Enumerable.Max), maxEngagement = Reachable(columns, interactions, Category.Engagement, Enumerable.Max);
            int lowest = Reachable(columns, interactions, Category.Fit, Enumerable.Min) + Reachable(columns, interactions, Category.Engagement, Enumerable.Min);
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
            int minimumFit = Math.Max(0, LowTail(scores.Where((s, i) => converted[i]).Select(s => s.Fit)));
            int minimumEngagement = Math.Max(0, LowTail(scores.Where((s, i) => converted[i]).Select(s => s.Engagement)));
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
            return new Scorecard(model, columns, interactions, evidence, dropped, choice, auc, quality) { WithoutInteractions = model with { Rules = columnRules } };
        }

        /// <summary>
        /// The rules of a column: bins with the same points share one rule (categories as one "in",
        /// neighbouring number ranges as one range); bins scoring 0 need none.
        /// </summary>
        private static IEnumerable<(Bin Bin, int Points)> RuleBins(ScorecardColumn col, int total, int totalConverted)
        {
            var merged = new List<(Bin Bin, int Points)>();
            var values = col.Bins.Select((bin, b) => (Bin: bin, Points: col.Points[b])).Where(x => x.Bin.Kind == BinKind.Value && x.Points != 0);
            foreach (var group in values.GroupBy(x => x.Points))
            {
                var bins = group.Select(x => x.Bin).ToArray();
                merged.Add((bins.Length == 1 ? bins[0] : Counted(new Bin(col.Attribute, BinKind.Values, bins.Select(x => x.Values[0]).ToArray()), bins, total, totalConverted), group.Key));
            }

            for (int b = 0; b < col.Bins.Count; b++)
            {
                var bin = col.Bins[b];
                if (col.Points[b] == 0 || bin.Kind == BinKind.Value)
                {
                    continue;
                }

                int end = b;
                while (bin.Kind == BinKind.Range && end + 1 < col.Bins.Count && col.Bins[end + 1].Kind == BinKind.Range && col.Points[end + 1] == col.Points[b])
                {
                    end++;
                }

                var run = col.Bins.Skip(b).Take(end - b + 1).ToArray();
                merged.Add((run.Length == 1 ? bin : Counted(new Bin(col.Attribute, BinKind.Range, from: bin.From, to: run[^1].To), run, total, totalConverted), col.Points[b]));
                b = end;
            }

            return merged;
        }

        private static Bin Counted(Bin bin, Bin[] parts, int total, int totalConverted)
        {
            int leads = parts.Sum(p => p.Leads), buyers = parts.Sum(p => p.Converted);
            return bin with { Leads = leads, Converted = buyers, Woe = WeightOfEvidence.Woe(leads, buyers, total, totalConverted) };
        }

        private static string Why(int leads, int converted, int total, int totalConverted) =>
            string.Create(CultureInfo.InvariantCulture, $"{(leads == 0 ? 0 : (double)converted / leads):0%} of {leads} leads converted (all leads: {(double)totalConverted / total:0%})");

        private static ScoringRule Rule(Category category, string id, string name, IReadOnlyList<Condition> conditions, int points, HashSet<string> ids)
        {
            id = id.Length > 90 ? id[..90] : id; // the rule key column holds 100 characters
            string unique = id;
            for (int n = 2; !ids.Add(unique); n++)
            {
                unique = $"{id}_{n}";
            }

            return new ScoringRule
            {
                Id = unique,
                Name = name.Length > 200 ? name[..199] + "…" : name, // the rule name column holds 200 characters
                Category = category,
                Table = "lead",
                Conditions = conditions,
                Points = points,

                // Fit follows the lead's current columns; behaviour is awarded once per lead.
                Limit = category == Category.Fit ? RuleLimit.None : new RuleLimit(LimitType.PerLead),
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

        private static int Reachable(IEnumerable<ScorecardColumn> columns, IEnumerable<ScorecardInteraction> interactions, Category category, Func<IEnumerable<int>, int> pick) =>
            columns.Where(c => c.Category == category).Sum(c => pick(c.Points.Append(0)))
            + interactions.Where(i => i.Category == category).Sum(i => pick(new[] { 0, i.Points }));

        private static int RoundUp(int value) => (int)Math.Ceiling(value / 10.0) * 10;

        private static bool IsWholeNumber(string cell) => Conditions.TryNumber(cell, out decimal n) && n == decimal.Truncate(n);

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
