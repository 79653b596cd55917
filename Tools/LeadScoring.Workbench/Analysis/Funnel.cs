using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;
using LeadScoring.Workbench.Simulation;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>The lines of the verdict and the precision the suggested threshold aims at.</summary>
    /// <param name="HandBackLine">Too generous when more than this share of MQLs are handed back.</param>
    /// <param name="NoProgressLine">Too generous when more than this share of MQLs go nowhere within StallDays.</param>
    /// <param name="MissedLine">Too strict when more than this share of converted leads were never MQL.</param>
    internal sealed record FunnelOptions(double HandBackLine = 0.3, double NoProgressLine = 0.3, double MissedLine = 0.3, int StallDays = 30, double Precision = 0.8);

    /// <summary>
    /// One month of one model version (or all of them: Month "all", ModelVersion 0): leads entering each stage that month, and
    /// what became of the month's new MQLs: accepted by sales (entered Sales Accepted), qualified
    /// (the lead closed as Qualified, whether or not it passed Sales Accepted), handed back (and how many
    /// days after becoming MQL, the median), or nothing within the stall days (counted only for
    /// MQLs with that many days of history after them).
    /// </summary>
    internal sealed record FunnelPeriod(
        string Month,
        int ModelVersion,
        IReadOnlyDictionary<string, int> Entered,
        int Mqls,
        int SalesAccepted,
        int Qualified,
        int HandedBack,
        double? MedianDaysToHandBack,
        int NoProgress,
        int Judged)
    {
        public double AcceptedRate => Mqls == 0 ? 0 : (double)SalesAccepted / Mqls;

        public double QualifiedRate => Mqls == 0 ? 0 : (double)Qualified / Mqls;

        public double HandBackRate => Mqls == 0 ? 0 : (double)HandedBack / Mqls;

        public double NoProgressRate => Judged == 0 ? 0 : (double)NoProgress / Judged;
    }

    /// <summary>The threshold and minimums that would have reached the precision asked for on the history, and what they select.</summary>
    internal sealed record SuggestedLine(double TargetPrecision, int Threshold, int MinimumFit, int MinimumEngagement, int Leads, double Precision, double Recall);

    internal sealed record FunnelReport(
        string Model,
        int ModelVersion,
        IReadOnlyList<string> Stages,
        IReadOnlyList<FunnelPeriod> Months,
        FunnelPeriod Total,
        int Converted,
        int ConvertedNeverMql,
        string Verdict,
        IReadOnlyList<string> Reasons,
        SuggestedLine? Suggestion,
        FunnelOptions Lines)
    {
        public double MissedRate => Converted == 0 ? 0 : (double)ConvertedNeverMql / Converted;
    }

    /// <summary>
    /// The lifecycle funnel of a replayed history: how often leads enter each stage, per month and
    /// model version, and whether the model sends sales leads that are not ready (too generous) or
    /// keeps buyers from them (too strict).
    /// </summary>
    internal static class Funnel
    {
        public static readonly string[] Stages = { "New", "Engaged", "Marketing Qualified", "Sales Accepted", "Recycled", "Disqualified" };

        private const string Mql = "Marketing Qualified";

        public static FunnelReport Measure(ScoringModel model, History history, IReadOnlyList<StageChange> changes, IReadOnlyList<SimulatedLead> leads,
            IReadOnlyDictionary<string, bool> converted, IReadOnlyDictionary<string, DateTime> moments, FunnelOptions options)
        {
            var end = history.LastAt ?? DateTime.MinValue;
            var closed = LeadTimes(history, e => OutcomeMoments.Closes(e, qualified: true, disqualified: true));
            var qualified = LeadTimes(history, e => OutcomeMoments.Closes(e, qualified: true, disqualified: false));
            // A hand-back is an entry into Recycled (the handback line, or a person setting the stage), as the org's stage history marks it.
            var handBacks = changes.Where(c => c.To == "Recycled").GroupBy(c => c.Lead).ToDictionary(g => g.Key, g => g.Select(c => c.At).ToList(), StringComparer.Ordinal);
            var firstMql = changes.Where(c => c.To == Mql).GroupBy(c => c.Lead).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

            FunnelPeriod Period(string month, int version, Func<StageChange, bool> inPeriod)
            {
                var entered = Stages.ToDictionary(s => s, s => changes.Count(c => c.To == s && inPeriod(c)));
                var mqls = firstMql.Where(m => inPeriod(m.Value)).Select(m => (m.Key, m.Value.At)).ToArray();
                int accepted = 0, won = 0, handed = 0, stalled = 0, judged = 0;
                var days = new List<double>();
                foreach (var (lead, at) in mqls)
                {
                    bool accept = changes.Any(c => c.Lead == lead && c.To == "Sales Accepted" && c.At >= at);
                    var back = After(handBacks, lead, at);
                    accepted += accept ? 1 : 0;
                    won += After(qualified, lead, at) is not null ? 1 : 0;
                    if (back is DateTime handedAt)
                    {
                        handed++;
                        days.Add((handedAt - at).TotalDays);
                    }

                    if (at.AddDays(options.StallDays) <= end)
                    {
                        judged++;
                        var limit = at.AddDays(options.StallDays);
                        bool moved = changes.Any(c => c.Lead == lead && c.To == "Sales Accepted" && c.At >= at && c.At <= limit)
                            || (After(closed, lead, at) is DateTime closedAt && closedAt <= limit)
                            || (back is DateTime b && b <= limit);
                        stalled += moved ? 0 : 1;
                    }
                }

                return new FunnelPeriod(month, version, entered, mqls.Length, accepted, won, handed, Median(days), stalled, judged);
            }

            // A month under two model versions (a new one activated that month) is two rows.
            var months = changes.Select(c => (Month: Month(c.At), c.ModelVersion)).Distinct().OrderBy(p => p.Month, StringComparer.Ordinal).ThenBy(p => p.ModelVersion)
                .Select(p => Period(p.Month, p.ModelVersion, c => Month(c.At) == p.Month && c.ModelVersion == p.ModelVersion))
                .ToList();
            var total = Period("all", 0, _ => true); // every version
            int buyers = converted.Count(c => c.Value);
            int missed = converted.Count(c => c.Value && !firstMql.ContainsKey(c.Key));
            var reasons = new List<string>();
            string verdict = Verdict(total, buyers == 0 ? 0 : (double)missed / buyers, options, reasons);
            return new FunnelReport(model.Name, model.Version, Stages, months, total, buyers, missed, verdict, reasons,
                Suggest(model, leads, changes, converted, moments, options.Precision), options);
        }

        private static string Verdict(FunnelPeriod total, double missedRate, FunnelOptions options, List<string> reasons)
        {
            bool handedBack = total.HandBackRate > options.HandBackLine, stalled = total.NoProgressRate > options.NoProgressLine, missed = missedRate > options.MissedLine;
            if (handedBack)
            {
                reasons.Add($"{Percent(total.HandBackRate)} of MQLs were handed back (line: {Percent(options.HandBackLine)})");
            }

            if (stalled)
            {
                reasons.Add($"{Percent(total.NoProgressRate)} of MQLs went nowhere within {options.StallDays} days (line: {Percent(options.NoProgressLine)})");
            }

            if (missed)
            {
                reasons.Add($"{Percent(missedRate)} of the converted leads were never MQL (line: {Percent(options.MissedLine)})");
            }

            bool generous = handedBack || stalled;
            return generous && missed ? "too generous and too strict" : generous ? "too generous" : missed ? "too strict" : "about right";
        }

        /// <summary>
        /// The sales-ready line that would have reached the precision on the history: every lead as it
        /// stood just before its outcome was known; the lowest threshold (with minimums from a few
        /// candidates) whose precision reaches the target, keeping the most converted leads.
        /// </summary>
        private static SuggestedLine? Suggest(ScoringModel model, IReadOnlyList<SimulatedLead> leads, IReadOnlyList<StageChange> changes,
            IReadOnlyDictionary<string, bool> converted, IReadOnlyDictionary<string, DateTime> moments, double target)
        {
            var measured = leads.Where(l => converted.ContainsKey(l.Id)).ToArray();
            var scores = measured.Select(l => moments.TryGetValue(l.Id, out var at) ? OutcomeMoments.Before(l, changes, at, model) : l.ToLeadScore()).ToArray();
            var outcomes = measured.Select(l => converted[l.Id]).ToArray();
            var fits = new[] { 0, model.MinimumFit }.Distinct().ToArray();
            var engagements = new[] { 0, model.MinimumEngagement }.Distinct().ToArray();
            SuggestedLine? best = null;
            foreach (int fit in fits)
            {
                foreach (int engagement in engagements)
                {
                    foreach (int threshold in scores.Select(s => s.Score).Where(s => s >= 1).Distinct().Order())
                    {
                        var quality = Metrics.Selection(scores.Select(s => s.Score >= threshold && s.Fit >= fit && s.Engagement >= engagement).ToArray(), outcomes);
                        if (quality.Selected > 0 && quality.Precision >= target && (best is null || quality.Recall > best.Recall))
                        {
                            best = new SuggestedLine(target, threshold, fit, engagement, quality.Selected, quality.Precision, quality.Recall);
                        }
                    }
                }
            }

            return best;
        }

        private static Dictionary<string, List<DateTime>> LeadTimes(History history, Func<HistoryEvent, bool> which) =>
            history.Events.Where(which).GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Select(e => e.At).ToList(), StringComparer.Ordinal);

        private static DateTime? After(Dictionary<string, List<DateTime>> times, string lead, DateTime at) =>
            times.TryGetValue(lead, out var list) && list.Where(t => t >= at).ToArray() is { Length: > 0 } later ? later.Min() : null;

        private static double? Median(List<double> values)
        {
            if (values.Count == 0)
            {
                return null;
            }

            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        /// <summary>The org's stage history counts by the same month (ls_stagechange's ls_enteredmonth).</summary>
        private static string Month(DateTime at) => StageHistory.Month(at);

        private static string Percent(double share) => share.ToString("0%", System.Globalization.CultureInfo.InvariantCulture);
    }
}
