using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Operations
{
    /// <summary>A person's manual adjustment, with a reason: a score event of its own (ls_AdjustLeadScore).</summary>
    public static class Adjust
    {
        /// <param name="requestKey">Identifies the request, so a retried call lands once.</param>
        public static ScoringOutcome Run(ScoringServices services, EntityReference? target, int points, string? reason, string requestKey)
        {
            var lead = LeadOperation.Lead(CustomApi.AdjustLeadScore, target);
            var why = LeadOperation.Reason(reason, "adjust a score");
            LeadOperation.RequireCallerCanWrite(services.UserService, lead);
            return LeadOperation.Scored(services.Scorer.Score(lead.Id, new Trigger.Adjustment(points, why, requestKey), services.Now, lockedByCaller: services.InTransaction));
        }
    }
}
