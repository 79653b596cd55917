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
                .Where(r => BecameTrue(r, activity) && Conditions.AllMatch(r.Conditions.Where(c => c.IsPersona(r)).ToList(), draft.LeadAttributes))
                .Select(r => new { Rule = r, Key = Key(draft, r, activity) })
                .Where(c => c.Key != null)
                .ToList();

            // Each rule's award of a change is booked once: a rule whose award of this change (same record,
            // same moment) is in the ledger is a replay and skipped, and so is a rule whose key another
            // record's change already took. Judged rule by rule, a job that failed or lost a shared key
            // between two awards books the rest when it runs again. An award the engagement cap left at
            // nothing leaves no trace: a redelivered change books it if room has opened since.
            foreach (var candidate in candidates.Where(c => AwardOf(draft, c.Rule, activity) == null))
            {
                Award(draft, candidate.Rule, candidate.Key!, activity, candidate.Rule.Name);
            }
        }

        /// <summary>
        /// The rule's own conditions hold for the record now and did not before this change. Persona
        /// conditions are checked apart, against the lead's current columns: a later change of the
        /// lead does not rescore activity already scored.
        /// </summary>
        private static bool BecameTrue(ScoringRule rule, Activity activity)
        {
            var own = rule.Conditions.Where(c => !c.IsPersona(rule)).ToList();
            return Conditions.AllMatch(own, activity.Attributes) && !(activity.Previous != null && Conditions.AllMatch(own, activity.Previous));
        }

        /// <summary>
        /// The idempotency key of a rule's award for this change, or null when the rule's limit is
        /// reached. maxTimes N: the first free slot of N per lead; oncePerDays N: the N-day period
        /// the change falls in, once per lead. These keys are per lead, not per record, so the
        /// ledger's unique key enforces the limit even when jobs for different records run at once.
        /// </summary>
        public static string? Key(LedgerDraft draft, ScoringRule rule, Activity activity)
        {
            var awards = draft.Events.Where(e => e.Kind == ScoreEventKind.Rule && e.RuleId == rule.Id).ToList();
            switch (rule.Limit.Type)
            {
                case LimitType.PerLead:
                    return EventKeys.OncePerLead(rule.Id);
                case LimitType.PerRecord:
                    return EventKeys.OncePerRecord(rule.Id, activity.Table, activity.RecordId);
                case LimitType.MaxTimes:
                    return AwardOf(draft, rule, activity)?.Key ?? (awards.Count >= rule.Limit.Value ? null : draft.NextKey(n => EventKeys.Slot(rule.Id, n)));
                case LimitType.OncePerDays:
                    var period = Period(activity.OccurredOn, rule.Limit.Value);
                    var inPeriod = awards.FirstOrDefault(e => Period(e.OccurredOn, rule.Limit.Value) == period);
                    return inPeriod == null ? EventKeys.Period(rule.Id, period) : IsChange(inPeriod, activity) ? inPeriod.Key : null;
                default:
                    return EventKeys.PerChange(rule.Id, activity.Table, activity.RecordId, activity.Occurrence);
            }
        }

        /// <summary>The n-th period of the given number of days that the moment falls in, counted from 1 January 0001 (a Monday): 7 gives Monday-to-Sunday weeks, 1 UTC days.</summary>
        public static long Period(DateTime on, int days) => on.Ticks / TimeSpan.TicksPerDay / days;

        /// <summary>The rule's award already booked for this change of this record (a replay, or this job's own earlier attempt).</summary>
        private static ScoreEvent? AwardOf(LedgerDraft draft, ScoringRule rule, Activity activity) =>
            draft.Events.FirstOrDefault(e => e.Kind == ScoreEventKind.Rule && e.RuleId == rule.Id && IsChange(e, activity));

        /// <summary>An event books this change: same record, same moment (a change's moment is fixed: the operation's time, or the interaction's occurredon).</summary>
        private static bool IsChange(ScoreEvent e, Activity activity) =>
            e.OccurredOn == activity.OccurredOn && string.Equals(e.SourceTable, activity.Table, StringComparison.OrdinalIgnoreCase) && e.SourceId == activity.RecordId;

        /// <summary>
        /// Books the rule's points for the activity, within the engagement cap. An award of a positive
        /// rule is engagement and restarts the decay clock, even when the cap leaves no room for its
        /// points (a lead that keeps engaging at the cap must not decay); a rule whose key is already
        /// taken awards nothing and moves no clock.
        /// </summary>
        public static void Award(LedgerDraft draft, ScoringRule rule, string key, Activity activity, string reason)
        {
            if (draft.Has(key))
            {
                return;
            }

            var state = draft.State;
            if (rule.Points > 0 && (!state.LastEngagementOn.HasValue || activity.OccurredOn > state.LastEngagementOn.Value))
            {
                draft.State = state with { LastEngagementOn = activity.OccurredOn };
            }

            var points = FloorAndCaps.RoomForEngagement(draft, rule.Points);
            if (points == 0)
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
        }
    }
}
