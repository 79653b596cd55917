using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Steps;

namespace LeadScoring.CustomApis
{
    /// <summary>ls_RecalculateLeadScore (bound to lead): rebuild the score from the ledger and the lead's current columns.</summary>
    public sealed class RecalculateLeadScoreApi : PluginBase
    {
        protected override void ExecuteStep(LocalPluginContext local)
        {
            var lead = LeadApi.Target(local);
            var outcome = LeadApi.Require(local.Scorer.Score(lead.Id, new Trigger.Recalculation(), local.Now));
            local.Output(CustomApi.Score, outcome.Result.State.Score);
        }
    }
}
