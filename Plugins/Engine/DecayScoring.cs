using System;

namespace LeadScoring.Engine
{
    /// <summary>
    /// After D inactive days, debit P engagement points every E days, down to the decay floor; an open
    /// lead only. Each debit has its own key, so running the job twice for the same moment changes nothing.
    /// </summary>
    internal static class DecayScoring
    {
        public static void Apply(LedgerDraft draft)
        {
            var policy = draft.Model.Decay;
            if (policy == null || draft.Status != LeadStatus.Open || !draft.State.LastEngagementOn.HasValue)
            {
                return;
            }

            var lastEngagement = draft.State.LastEngagementOn.Value;
            var inactiveDays = (int)Math.Floor((draft.Now - lastEngagement).TotalDays);
            if (inactiveDays < policy.InactiveDays)
            {
                return;
            }

            var due = 1 + ((inactiveDays - policy.InactiveDays) / policy.EveryDays);
            for (var debit = 1; debit <= due; debit++)
            {
                var key = EventKeys.Decay(lastEngagement, debit);
                if (draft.Has(key))
                {
                    continue;
                }

                var points = Math.Min(policy.Points, draft.Engagement - policy.Floor);
                if (points <= 0)
                {
                    return;
                }

                var days = policy.InactiveDays + ((debit - 1) * policy.EveryDays);
                draft.Append(new ScoreEvent
                {
                    Key = key,
                    Kind = ScoreEventKind.Decay,
                    Category = Category.Engagement,
                    Points = -points,
                    Reason = "No engagement for " + LedgerDraft.Number(days) + " days",
                    OccurredOn = lastEngagement.AddDays(days),
                });
            }
        }

        /// <summary>When the next debit not yet booked falls due; null when the lead is not open, never engaged or is at the decay floor.</summary>
        public static DateTime? NextDebitOn(ScoringModel model, LeadState state, LeadStatus status, Func<string, bool> booked)
        {
            if (model.Decay is not { } policy || status != LeadStatus.Open || !state.LastEngagementOn.HasValue || state.Engagement <= policy.Floor)
            {
                return null;
            }

            var last = state.LastEngagementOn.Value;
            var debit = 1;
            while (booked(EventKeys.Decay(last, debit)))
            {
                debit++;
            }

            return last.AddDays(policy.InactiveDays + ((debit - 1) * policy.EveryDays));
        }
    }
}
