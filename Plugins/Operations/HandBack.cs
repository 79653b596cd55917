using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Operations
{
    /// <summary>Sales hands a lead back to marketing with a reason (ls_HandBackLead, the workflow activity).</summary>
    public static class HandBack
    {
        public static ScoringOutcome Run(ScoringServices services, EntityReference? target, string? reason)
        {
            var lead = LeadOperation.Lead(CustomApi.HandBackLead, target);
            var why = LeadOperation.Reason(reason, "hand a lead back");

            // Written as the caller, so the platform checks that the caller may change this lead. The
            // write also takes the lead's row lock in a transaction, so scoring needs no lock write of its own.
            var asCaller = new Entity(LeadColumns.Table, lead.Id);
            asCaller[LeadColumns.HandBackReason] = why;
            services.UserService.Update(asCaller);

            return LeadOperation.Scored(services.Scorer.Score(lead.Id, new Trigger.HandBack(why), services.Now, lockedByCaller: services.InTransaction));
        }
    }
}
