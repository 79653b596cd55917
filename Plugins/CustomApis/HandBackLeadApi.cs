using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using LeadScoring.Platform;

namespace LeadScoring.CustomApis
{
    /// <summary>ls_HandBackLead (bound to lead; Reason): sales returns the lead to marketing.</summary>
    public sealed class HandBackLeadApi : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { new PluginEvent(CustomApi.HandBackLead, LeadColumns.Table, PluginEvent.MainOperation, false) };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var outcome = HandBack.Run(local.Services, local.TargetReference, local.Input<string>(CustomApi.Reason));
            local.Output(CustomApi.Score, outcome.Result.State.Score);
            local.Output(CustomApi.LifecycleStage, LeadRecord.StageValue(outcome.Result.State.Stage).Value);
        }
    }
}
