using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using LeadScoring.Platform;

namespace LeadScoring.CustomApis
{
    /// <summary>ls_AdjustLeadScore (bound to lead; Points, Reason): a person's manual adjustment, a score event of its own.</summary>
    public sealed class AdjustLeadScoreApi : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { new PluginEvent(CustomApi.AdjustLeadScore, LeadColumns.Table, PluginEvent.MainOperation, false) };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            // The request id makes a retried call land once.
            var requestKey = (local.Context.RequestId ?? local.Context.OperationId).ToString("N");
            var outcome = Adjust.Run(local.Services, local.TargetReference, local.Input<int>(CustomApi.Points), local.Input<string>(CustomApi.Reason), requestKey);
            local.Output(CustomApi.Score, outcome.Result.State.Score);
        }
    }
}
