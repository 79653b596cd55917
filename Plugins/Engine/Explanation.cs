using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>One line of "why": the net points a rule (or decay, hand-back, adjustment) contributed.</summary>
    public sealed record ScoreReason(string? RuleId, string Name, Category Category, int Points);

    /// <summary>The lead's score after one event, for the trend chart.</summary>
    public sealed record ScorePoint(DateTime At, int Fit, int Engagement, int FloorAdjustment, ScoreEventKind Kind, int Points, string Reason)
    {
        public int Score => Fit + Engagement + FloorAdjustment;
    }

    /// <summary>When the decay job would next debit the lead, if it is decaying or will.</summary>
    public sealed record DecayOutlook(DateTime LastEngagementOn, DateTime NextDebitOn, int Points);

    /// <summary>Reads the ledger for people: the reasons behind a score, its history and the decay outlook.</summary>
    public static class Explainer
    {
        /// <summary>Net points per reason, largest magnitude first; reasons that netted to zero are left out.</summary>
        public static IReadOnlyList<ScoreReason> Reasons(ScoringModel model, IEnumerable<ScoreEvent> ledger, int top)
        {
            return ledger
                .GroupBy(e => e.Category + "|" + ReasonKey(e))
                .Select(g => new ScoreReason(g.First().RuleId, ReasonName(model, g.First()), g.First().Category, g.Sum(e => e.Points)))
                .Where(r => r.Points != 0)
                .OrderByDescending(r => Math.Abs(r.Points))
                .ThenBy(r => r.Name, StringComparer.Ordinal)
                .Take(Math.Max(0, top))
                .ToList();
        }

        public static IReadOnlyList<ScorePoint> History(IEnumerable<ScoreEvent> ledger)
        {
            var sums = new Dictionary<Category, int> { [Category.Fit] = 0, [Category.Engagement] = 0, [Category.Total] = 0 };
            var points = new List<ScorePoint>();
            foreach (var e in ledger.OrderBy(e => e.OccurredOn).ThenBy(e => e.Key, StringComparer.Ordinal))
            {
                sums[e.Category] += e.Points;
                points.Add(new ScorePoint(e.OccurredOn, sums[Category.Fit], sums[Category.Engagement], sums[Category.Total], e.Kind, e.Points, e.Reason));
            }

            return points;
        }

        /// <summary>
        /// The next decay debit on the current schedule, or null when the model has no decay, the lead
        /// never engaged, or nothing is scheduled for it (a closed lead: only open leads decay).
        /// </summary>
        public static DecayOutlook? NextDecay(ScoringModel model, LeadState state, DateTime now)
        {
            if (model.Decay is not { } decay || !state.LastEngagementOn.HasValue || state.Engagement <= decay.Floor || state.NextChangeOn == null)
            {
                return null;
            }

            var last = state.LastEngagementOn.Value;
            var next = last.AddDays(decay.InactiveDays);
            while (next <= now)
            {
                next = next.AddDays(decay.EveryDays);
            }

            return new DecayOutlook(last, next, decay.Points);
        }

        private static string ReasonKey(ScoreEvent e) => e.Kind switch
        {
            ScoreEventKind.Rule or ScoreEventKind.Expiry => "rule:" + e.RuleId,
            ScoreEventKind.Adjustment => "adjust:" + e.Reason,
            _ => e.Kind.ToString(),
        };

        private static string ReasonName(ScoringModel model, ScoreEvent e)
        {
            switch (e.Kind)
            {
                case ScoreEventKind.Decay: return "Decay for inactivity";
                case ScoreEventKind.HandBack: return "Handed back to marketing";
                case ScoreEventKind.Adjustment: return "Manual adjustment: " + e.Reason;
                case ScoreEventKind.FloorAdjustment: return "Kept at the floor of the score";
            }

            var rule = model.Rules.FirstOrDefault(r => r.Id == e.RuleId);
            return rule?.Name ?? e.Reason;
        }
    }
}
