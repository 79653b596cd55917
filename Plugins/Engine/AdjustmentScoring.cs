namespace LeadScoring.Engine
{
    /// <summary>A person's manual adjustment of engagement, with a reason; positive points stop at the engagement cap like any award.</summary>
    internal static class AdjustmentScoring
    {
        public static void Apply(LedgerDraft draft, int points, string reason, string requestKey)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new ScoringException("A manual adjustment needs a reason.");
            }

            if (reason.Trim().Length > ScoringLimits.MaxReasonLength)
            {
                throw new ScoringException("The reason of a manual adjustment may be at most " + LedgerDraft.Number(ScoringLimits.MaxReasonLength) + " characters; got " + LedgerDraft.Number(reason.Trim().Length) + ".");
            }

            // Compared without Math.Abs: Math.Abs(int.MinValue) overflows.
            if (points == 0 || points < -ScoringLimits.MaxPoints || points > ScoringLimits.MaxPoints)
            {
                var max = LedgerDraft.Number(ScoringLimits.MaxPoints);
                throw new ScoringException("Points of a manual adjustment must be between -" + max + " and " + max + " and not 0; got " + LedgerDraft.Number(points) + ".");
            }

            var allowed = FloorAndCaps.RoomForEngagement(draft, points);
            draft.Append(draft.OnLead(EventKeys.Adjustment(requestKey), ScoreEventKind.Adjustment, Category.Engagement, allowed, reason.Trim()));
        }
    }
}
