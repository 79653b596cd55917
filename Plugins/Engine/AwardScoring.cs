using System;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>
    /// Engagement rules with conditions fire when their conditions become true for a record, as often
    /// as their frequency limit allows: once per lead, once per record, at most N times, at most once
    /// per N days, or (no limit) once per change of the record.
    /// </summary>
    internal static class AwardScoring
    {
        public static void Apply(LedgerDraft draft, Activity activity)
        {
            var candidates = draft.Model.Rules
                .Where(r => r.Category == Category.Engagement && r.Kind == RuleKind.Conditions && string.Equals(r.Table, activity.Table, StringComparison.OrdinalIgnoreCase))
                .Where(r => Conditions.AllMatch(r.Conditions, activity.Attributes) && !(activity.Previous != null && Conditions.AllMatch(r.Conditions, activity.Previous)))
                .Select(r => new { Rule = r, Key = Key(draft, r, activity) })
                .Where(c => c.Key != null)
                .ToList();

            // A change is scored once: if the ledger holds any award of it, this is a replay (a rule
            // whose award was capped to nothing the first time must not land now).
            if (candidates.Any(c => draft.Has(c.Key!)))
            {
                return;
            }

            foreach (var candidate in candidates)
            {
                Award(draft, candidate.Rule, candidate.Key!, activity, candidate.Rule.Name);
            }
        }

        /// <summary>The idempotency key of a rule's award for this change, or null when the rule's limit is reached.</summary>
        public static string? Key(LedgerDraft draft, ScoringRule rule, Activity activity)
        {
            var awards = draft.Events.Where(e => e.Kind == ScoreEventKind.Rule && e.RuleId == rule.Id);
            switch (rule.Limit.Type)
            {
                case LimitType.PerLead:
                    return EventKeys.OncePerLead(rule.Id);
                case LimitType.PerRecord:
                    return EventKeys.OncePerRecord(rule.Id, activity.Table, activity.RecordId);
                case LimitType.MaxTimes when awards.Count() >= rule.Limit.Value:
                    return null;
                case LimitType.OncePerDays when awards.Any(e => e.OccurredOn > activity.OccurredOn.AddDays(-rule.Limit.Value)):
                    return null;
                default:
                    return EventKeys.PerChange(rule.Id, activity.Table, activity.RecordId, activity.Occurrence);
            }
        }

        /// <summary>Books the rule's points for the activity, within the engagement cap; positive points are engagement, which restarts the decay clock.</summary>
        public static void Award(LedgerDraft draft, ScoringRule rule, string key, Activity activity, string reason)
        {
            var points = FloorAndCaps.RoomForEngagement(draft, rule.Points);
            if (points == 0 || draft.Has(key))
            {
                return;
            }

            draft.Append(new ScoreEvent
            {
                Key = key,
                Kind = ScoreEventKind.Rule,
                Category = Category.Engagement,
                Points = points,
                RuleId = rule.Id,
                Reason = points == rule.Points ? reason : reason + " (limited to " + LedgerDraft.Number(points) + " by the engagement cap)",
                SourceTable = activity.Table,
                SourceId = activity.RecordId,
                OccurredOn = activity.OccurredOn,
                ExpiresOn = rule.ExpiresAfterDays.HasValue ? activity.OccurredOn.AddDays(rule.ExpiresAfterDays.Value) : null,
            });
            var state = draft.State;
            if (points > 0 && (!state.LastEngagementOn.HasValue || activity.OccurredOn > state.LastEngagementOn.Value))
            {
                draft.State = state with { LastEngagementOn = activity.OccurredOn };
            }
        }
    }
}
