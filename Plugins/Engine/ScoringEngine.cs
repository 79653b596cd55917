using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>
    /// The pure scoring engine: given a model, a lead, its ledger and what happened, it decides
    /// which score events to append and what the lead's totals, grade and stage become.
    /// Deterministic: "now" is passed in, nothing is read from the environment.
    /// </summary>
    public static class ScoringEngine
    {
        public const string FitCapRuleId = "$fitcap";
        public const string EngagementCapRuleId = "$engagementcap";
        public const string FloorRuleId = "$floor";

        public static ScoringResult Apply(ScoringModel model, LeadSnapshot lead, IReadOnlyList<ScoreEvent> ledger, Trigger trigger, DateTime now)
        {
            var run = new ScoringRun(model, lead, ledger, now);
            run.ExpirePoints();
            switch (trigger)
            {
                case Trigger.LeadChanged changed:
                    run.ScoreFit(lead.Attributes);
                    run.ScoreEngagement(changed.Change);
                    break;
                case Trigger.ActivityOccurred occurred:
                    run.ScoreEngagement(occurred.Activity);
                    break;
                case Trigger.DecayDue:
                    run.Decay();
                    break;
                case Trigger.HandBack handBack:
                    run.HandBack(handBack.Reason);
                    break;
                case Trigger.Adjustment adjustment:
                    run.Adjust(adjustment.Points, adjustment.Reason, adjustment.RequestKey);
                    break;
                case Trigger.Recalculation:
                    run.ScoreFit(lead.Attributes);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger.");
            }

            return run.Finish(trigger is Trigger.HandBack);
        }

        /// <summary>The grade cell: a fit letter (A best) and an engagement number (1 best).</summary>
        public static string Grade(GradeBands bands, int fit, int engagement)
        {
            var letter = (char)('A' + BandIndex(bands.FitBands, fit));
            var number = 1 + BandIndex(bands.EngagementBands, engagement);
            return letter + number.ToString(CultureInfo.InvariantCulture);
        }

        public static bool IsSalesReady(ScoringModel model, int fit, int engagement) =>
            fit + engagement >= model.SalesReadyThreshold && fit >= model.MinimumFit && engagement >= model.MinimumEngagement;

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
}
