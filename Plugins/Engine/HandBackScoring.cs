using System;

namespace LeadScoring.Engine
{
    /// <summary>Sales returns the lead: it lands at least the margin below the sales-ready line (never below the floor), stage Recycled, count and reason kept.</summary>
    internal static class HandBackScoring
    {
        public static void Apply(LedgerDraft draft, string reason)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new ScoringException("A hand-back needs a reason.");
            }

            if (draft.Status != LeadStatus.Open)
            {
                throw new ScoringException("Only an open lead can be handed back to marketing; this lead is " + (draft.Status == LeadStatus.Qualified ? "qualified" : "disqualified") + ". Reactivate it first.");
            }

            var state = draft.State;
            var alreadyHandedBack = state.Stage == LifecycleStage.Recycled && state.HandBackOn.HasValue && draft.NewEngagementAfter(state.HandBackOn.Value) == 0;
            if (alreadyHandedBack)
            {
                // The same hand-back again (a retry, or sales saying it twice): no second debit or count; the latest reason stands.
                draft.State = state with { HandBackReason = reason.Trim() };
                return;
            }

            var model = draft.Model;
            var policy = model.HandBackInForce;
            var target = model.SalesReadyThreshold - policy.MarginBelowThreshold;
            var debit = Math.Min(Math.Max(policy.Points, draft.Unfloored - target), draft.Unfloored - model.Floor);
            var count = state.HandBackCount + 1;
            if (debit > 0)
            {
                draft.Append(draft.OnLead(EventKeys.HandBack(count), ScoreEventKind.HandBack, Category.Engagement, -debit, "Handed back to marketing: " + reason.Trim()));
            }

            draft.State = state with { Stage = LifecycleStage.Recycled, HandBackCount = count, HandBackReason = reason.Trim(), HandBackOn = draft.Now };
        }
    }
}
