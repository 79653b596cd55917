using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Steps
{
    /// <summary>
    /// Lead Create and Update of ls_lifecyclestage (PostOperation, synchronous): every change of a lead's
    /// stage, whoever wrote it (scoring, a hand-back, a status change, a person), becomes one ls_stagechange
    /// row. Synchronous post-operation steps run inside the write's transaction, so the row is written
    /// with the stage or not at all
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/event-framework#event-execution-pipeline).
    /// </summary>
    public sealed class StageHistoryPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[]
        {
            new PluginEvent("Create", LeadColumns.Table, PluginEvent.PostOperation, false),
            new PluginEvent("Update", LeadColumns.Table, PluginEvent.PostOperation, false),
        };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var lead = local.PostImage;
            var to = LeadRecord.Stage(lead?.GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage));
            var from = LeadRecord.Stage(local.PreImage?.GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage));
            if (lead == null || to == null || to == from)
            {
                return;
            }

            var history = new StageChanges(local.SystemService);
            var cause = StageHistory.Cause(to.Value, local.IsProductWrite, LeadRecord.Status(lead.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode)));
            var entry = StageHistory.Next(history.Read(lead.Id), from, to.Value, local.Now, cause);
            var modelId = lead.GetAttributeValue<EntityReference>(LeadColumns.ScoringModelId);
            var model = modelId == null ? null
                : local.SystemService.Retrieve(ScoringModelColumns.Table, modelId.Id, new ColumnSet(ScoringModelColumns.Name, ScoringModelColumns.Version));
            var written = history.Append(lead.Id, entry, model?.GetAttributeValue<int?>(ScoringModelColumns.Version), model?.GetAttributeValue<string>(ScoringModelColumns.Name),
                lead.GetAttributeValue<EntityReference>(LeadColumns.OwnerId));
            local.Trace("Lead {0}: {1} → {2} ({3}){4}.", lead.Id, from?.ToString() ?? "-", to, cause, written ? "" : ", already recorded");
        }
    }
}
