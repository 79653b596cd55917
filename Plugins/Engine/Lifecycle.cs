using System.Collections.Generic;
using System.Globalization;

namespace LeadScoring.Engine
{
    /// <summary>
    /// The grade and the lifecycle stage, the one definition the plug-ins and the workbench share.
    /// The stage follows the lead's own status first: Disqualify makes it Disqualified, Qualify makes
    /// it Sales Accepted (the lead left marketing); only an open lead is scored into a stage.
    /// </summary>
    public static class Lifecycle
    {
        /// <summary>The grade cell: a fit letter (A best) and an engagement number (1 best).</summary>
        public static string Grade(GradeBands bands, int fit, int engagement)
        {
            var letter = (char)('A' + BandIndex(bands.FitBands, fit));
            var number = 1 + BandIndex(bands.EngagementBands, engagement);
            return letter + number.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The stage's name in the vocabulary and on its choice: New, Engaged, Marketing Qualified, Sales Accepted, Recycled, Disqualified.</summary>
        public static string StageName(LifecycleStage stage) => stage switch
        {
            LifecycleStage.MarketingQualified => "Marketing Qualified",
            LifecycleStage.SalesAccepted => "Sales Accepted",
            _ => stage.ToString(),
        };

        /// <summary>The score reaches the line and fit and engagement their minimums (whatever the lead's status).</summary>
        public static bool IsSalesReady(ScoringModel model, int fit, int engagement) =>
            Score(model, fit, engagement) >= model.SalesReadyThreshold && fit >= model.MinimumFit && engagement >= model.MinimumEngagement;

        /// <summary>The score a model gives these fit and engagement totals: max(floor, fit + engagement).</summary>
        public static int Score(ScoringModel model, int fit, int engagement) => System.Math.Max(model.Floor, fit + engagement);

        /// <summary>
        /// The stage after a scoring. A closed lead's stage is its status's. On an open lead, Sales
        /// Accepted and Disqualified set by people are kept, unless the lead was just reopened; a
        /// handed-back lead is Recycled until it is sales-ready again with enough new engagement.
        /// </summary>
        public static LifecycleStage NextStage(LifecycleStage current, LeadStatus status, StageFacts facts)
        {
            switch (status)
            {
                case LeadStatus.Disqualified: return LifecycleStage.Disqualified;
                case LeadStatus.Qualified: return LifecycleStage.SalesAccepted;
            }

            if (facts.HandedBack)
            {
                return LifecycleStage.Recycled;
            }

            if (!facts.Reactivated)
            {
                if (current == LifecycleStage.SalesAccepted || current == LifecycleStage.Disqualified)
                {
                    return current;
                }

                if (current == LifecycleStage.Recycled)
                {
                    return facts.SalesReady && facts.Requalified ? LifecycleStage.MarketingQualified : LifecycleStage.Recycled;
                }
            }

            if (facts.SalesReady)
            {
                return LifecycleStage.MarketingQualified;
            }

            return facts.EverEngaged ? LifecycleStage.Engaged : LifecycleStage.New;
        }

        private static int BandIndex(IReadOnlyList<int> descendingThresholds, int points)
        {
            for (var i = 0; i < descendingThresholds.Count; i++)
            {
                if (points >= descendingThresholds[i])
                {
                    return i;
                }
            }

            return descendingThresholds.Count;
        }
    }

    /// <summary>What the stage depends on besides the current stage and the lead's status.</summary>
    public sealed record StageFacts
    {
        public bool SalesReady { get; init; }

        /// <summary>Any engagement rule ever awarded positive points.</summary>
        public bool EverEngaged { get; init; }

        /// <summary>Enough new engagement since the last hand-back (the model's requalifyEngagement).</summary>
        public bool Requalified { get; init; }

        public bool HandedBack { get; init; }

        public bool Reactivated { get; init; }
    }
}
