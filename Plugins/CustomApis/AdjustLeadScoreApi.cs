using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Steps;

namespace LeadScoring.CustomApis
{
    /// <summary>ls_AdjustLeadScore (bound to lead; Points, Reason): a person's manual adjustment, a score event of its own.</summary>
    public sealed class AdjustLeadScoreApi : PluginBase
    {
        protected override void ExecuteStep(LocalPluginContext local)
        {
            var lead = LeadApi.Target(local);
            var points = local.Input<int>(CustomApi.Points);
            var reason = local.Input<string>(CustomApi.Reason) ?? "";

            // The request id makes a retried call land once.
            var requestKey = (local.Context.RequestId ?? local.Context.OperationId).ToString("N");
            var outcome = LeadApi.Require(local.Scorer.Score(lead.Id, new Trigger.Adjustment(points, reason, requestKey), local.Now));
            local.Output(CustomApi.Score, outcome.Result.State.Score);
        }
    }
}
