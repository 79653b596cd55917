using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Operations
{
    /// <summary>Rebuild a lead's score from its ledger and current columns (ls_RecalculateLeadScore).</summary>
    public static class Recalculate
    {
        public static ScoringOutcome Run(ScoringServices services, EntityReference? target)
        {
            var lead = LeadOperation.Lead(CustomApi.RecalculateLeadScore, target);
            LeadOperation.RequireCallerCanWrite(services.UserService, lead);
            return LeadOperation.Scored(services.Scorer.Score(lead.Id, new Trigger.Recalculation(), services.Now, lockedByCaller: services.InTransaction));
        }
    }
}
