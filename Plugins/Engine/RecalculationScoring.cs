using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>
    /// Exact recalculation under the active model: replay the lead's facts on an empty ledger (its
    /// source records, each as created at the time it happened with the columns it has now; the
    /// hand-backs and manual adjustments kept in the ledger), with decay debited as the nightly job
    /// would have before each later fact. Then book, per change (idempotency key), the difference
    /// between what that replay gave and what the ledger holds, as correction events of the same kind
    /// and rule. Nothing is deleted; afterwards each rule's sum is what the model would have given.
    /// Fit follows the lead's current columns (FitScoring) and the floor adjustment is recomputed.
    /// </summary>
    internal static class RecalculationScoring
    {
        private const string HandBackPrefix = "Handed back to marketing: ";

        public static void Apply(LedgerDraft draft, LeadSnapshot lead, IReadOnlyList<ScoreEvent> ledger, IReadOnlyList<Activity> sources)
        {
            var replayed = Replay(draft.Model, lead, ledger, sources, draft.Now);
            var wanted = Changes(replayed.NewEvents);
            var held = Changes(draft.Events.Where(IsEngagementChange));
            foreach (var key in held.Keys.Union(wanted.Keys).OrderBy(k => k, StringComparer.Ordinal))
            {
                var should = wanted.TryGetValue(key, out var w) ? w : null;
                var has = held.TryGetValue(key, out var h) ? h : null;
                var delta = (should?.Points ?? 0) - (has?.Points ?? 0);
                if (delta == 0)
                {
                    continue;
                }

                var facts = should ?? has!;
                draft.Append(facts with
                {
                    Key = draft.NextKey(n => EventKeys.Correction(n, key)),
                    Points = delta,
                    Reason = "Recalculated for model version " + LedgerDraft.Number(draft.Model.Version) + ": " + facts.Reason,
                });
            }

            draft.State = draft.State with { LastEngagementOn = replayed.State.LastEngagementOn, UnansweredEmailIds = replayed.State.UnansweredEmailIds };
        }

        /// <summary>The lead's facts on an empty ledger, in time order, under the model.</summary>
        private static ScoringResult Replay(ScoringModel model, LeadSnapshot lead, IReadOnlyList<ScoreEvent> ledger, IReadOnlyList<Activity> sources, DateTime now)
        {
            // Records at the same moment in id order: limited rules (maxTimes, oncePerDays) take their slots deterministically.
            var facts = sources.OrderBy(a => a.OccurredOn).ThenBy(a => a.RecordId, StringComparer.Ordinal).Select(a => new Fact(a.OccurredOn, new Trigger.ActivityOccurred(a)))
                .Concat(ledger.Where(e => e.Kind == ScoreEventKind.HandBack && e.Key == EventKeys.Corrected(e.Key))
                    .Select(e => new Fact(e.OccurredOn, new Trigger.HandBack(e.Reason.StartsWith(HandBackPrefix, StringComparison.Ordinal) ? e.Reason.Substring(HandBackPrefix.Length) : e.Reason))))
                .Concat(ledger.Where(e => e.Kind == ScoreEventKind.Adjustment && e.Key == EventKeys.Corrected(e.Key))
                    .Select(e => new Fact(e.OccurredOn, new Trigger.Adjustment(e.Points, e.Reason, e.Key.Substring(e.Key.IndexOf('|') + 1)))))
                .Where(f => f.At <= now)
                .OrderBy(f => f.At)
                .ToList();

            var events = new List<ScoreEvent>();
            var state = new LeadState();
            ScoringResult Run(Trigger trigger, DateTime at)
            {
                var result = ScoringEngine.Apply(model, lead with { State = state, Status = LeadStatus.Open }, events, trigger, at);
                events.AddRange(result.NewEvents);
                state = result.State;
                return result;
            }

            // The lead's own past changes are not kept: it is replayed as created with the columns it has now.
            var first = facts.Count == 0 ? now : facts[0].At;
            Run(new Trigger.LeadChanged(new Activity("lead", lead.LeadId, first, lead.Attributes, null, "create")), first);
            foreach (var fact in facts)
            {
                Run(new Trigger.DecayDue(), fact.At);
                Run(fact.Trigger, fact.At);
            }

            Run(new Trigger.DecayDue(), now);
            return new ScoringResult(events, state);
        }

        /// <summary>Engagement changes by key: fit follows the columns and the floor is recomputed, so neither is replayed here.</summary>
        private static Dictionary<string, ScoreEvent> Changes(IEnumerable<ScoreEvent> events) =>
            events.Where(IsEngagementChange).GroupBy(e => EventKeys.Corrected(e.Key), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last() with { Key = g.Key, Points = g.Sum(e => e.Points) }, StringComparer.Ordinal);

        private static bool IsEngagementChange(ScoreEvent e) => e.Category == Category.Engagement;

        private sealed record Fact(DateTime At, Trigger Trigger);
    }
}
