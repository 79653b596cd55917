using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using LeadScoring.Platform;

namespace LeadScoring.CustomApis
{
    /// <summary>ls_RecalculateLeadScore (bound to lead): rebuild the score from the ledger and the lead's current columns.</summary>
    public sealed class RecalculateLeadScoreApi : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { new PluginEvent(CustomApi.RecalculateLeadScore, LeadColumns.Table, PluginEvent.MainOperation, false) };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var outcome = Recalculate.Run(local.Services, local.TargetReference);
            local.Output(CustomApi.Score, outcome.Result.State.Score);
        }
    }
}
