using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Steps;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.CustomApis
{
    /// <summary>ls_HandBackLead (bound to lead; Reason): sales returns the lead to marketing.</summary>
    public sealed class HandBackLeadApi : PluginBase
    {
        protected override void ExecuteStep(LocalPluginContext local)
        {
            var lead = LeadApi.Target(local);
            var reason = (local.Input<string>(CustomApi.Reason) ?? "").Trim();
            if (reason.Length == 0 || reason.Length > 500)
            {
                throw new InvalidPluginExecutionException("Reason is required to hand a lead back and may be at most 500 characters; got " + reason.Length + ".");
            }

            // Written as the caller, so the platform checks that the caller may change this lead. The
            // write also takes the lead's row lock for this transaction, so scoring needs no lock write of its own.
            var asCaller = new Entity(LeadColumns.Table, lead.Id);
            asCaller[LeadColumns.HandBackReason] = reason;
            local.UserService.Update(asCaller);

            var outcome = LeadApi.Require(local.Scorer.Score(lead.Id, new Trigger.HandBack(reason), local.Now, lockedByCaller: local.Context.IsInTransaction));
            local.Output(CustomApi.Score, outcome.Result.State.Score);
            local.Output(CustomApi.LifecycleStage, LeadRecord.StageValue(outcome.Result.State.Stage).Value);
        }
    }
}
