using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Steps
{
    /// <summary>
    /// ls_scoringmodel Update of ls_status (PostOperation, asynchronous): when a model becomes Active,
    /// recalculate open leads page by page within the time budget. What is left, the decay job
    /// (ls_ApplyScoreDecay, nightly) finishes: it picks up every lead not yet scored by the active model.
    /// </summary>
    public sealed class RecalculateOnActivationPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { new PluginEvent("Update", ScoringModelColumns.Table, PluginEvent.PostOperation, true) };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var status = local.PostImage?.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status)?.Value;
            if (status != ModelStatusValues.Active)
            {
                return;
            }

            var run = RunDecay.Run(local.Services, local.Now, null, null, int.MaxValue);
            local.Trace("Model activated: {0} leads recalculated{1}.", run.LeadsProcessed, run.Done ? "" : "; the nightly decay job recalculates the rest");
        }
    }
}
