using System;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>
    /// Fit and engagement stay within their caps by their own events; the floor applies to the total
    /// only, through a separate floor adjustment recomputed from scratch at every scoring, so the
    /// score is max(floor, fit + engagement) and never inflates fit or engagement.
    /// </summary>
    internal static class FloorAndCaps
    {
        /// <summary>The part of positive engagement points that fits under the cap; negative points land in full.</summary>
        public static int RoomForEngagement(LedgerDraft draft, int points) =>
            points > 0 ? Math.Max(0, Math.Min(points, draft.Model.EngagementCap - draft.Engagement)) : points;

        /// <summary>Corrects engagement above its cap (several changes can meet) and sets the floor adjustment to what the totals need now.</summary>
        public static void Apply(LedgerDraft draft)
        {
            var model = draft.Model;
            if (draft.Engagement > model.EngagementCap)
            {
                var n = draft.Events.Count(e => e.RuleId == ScoringEngine.EngagementCapRuleId) + 1;
                var reason = "Engagement capped at " + LedgerDraft.Number(model.EngagementCap);
                draft.Append(draft.OnLead(EventKeys.EngagementCap(n), ScoreEventKind.Rule, Category.Engagement, model.EngagementCap - draft.Engagement, reason, ScoringEngine.EngagementCapRuleId));
            }

            var needed = Math.Max(0, model.Floor - draft.Unfloored);
            if (needed != draft.FloorAdjustment)
            {
                var n = draft.Events.Count(e => e.Kind == ScoreEventKind.FloorAdjustment) + 1;
                var reason = needed == 0 ? "Above the floor again: floor adjustment taken back" : "Score kept at the floor of " + LedgerDraft.Number(model.Floor);
                draft.Append(draft.OnLead(EventKeys.Floor(n), ScoreEventKind.FloorAdjustment, Category.Total, needed - draft.FloorAdjustment, reason, ScoringEngine.FloorRuleId));
            }
        }
    }
}
