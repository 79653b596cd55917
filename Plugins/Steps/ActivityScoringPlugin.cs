using System.Collections.Generic;
using System.ServiceModel;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Steps
{
    /// <summary>
    /// Email, appointment and marketing interaction (ls_interaction) Create and Update
    /// (PostOperation, asynchronous): a change regarding a lead is an engagement event.
    /// Records regarding anything else are ignored; a lead deleted meanwhile is skipped with a trace.
    /// </summary>
    public sealed class ActivityScoringPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[]
        {
            new PluginEvent("Create", EmailColumns.Table, PluginEvent.PostOperation, true),
            new PluginEvent("Update", EmailColumns.Table, PluginEvent.PostOperation, true),
            new PluginEvent("Create", "appointment", PluginEvent.PostOperation, true),
            new PluginEvent("Update", "appointment", PluginEvent.PostOperation, true),
            new PluginEvent("Create", InteractionColumns.Table, PluginEvent.PostOperation, true),
        };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var target = local.Target;
            if (target == null)
            {
                return;
            }

            var record = Records.Merge(local.PostImage, target);
            var table = local.Context.PrimaryEntityName;
            var lead = record.GetAttributeValue<EntityReference>(table == InteractionColumns.Table ? InteractionColumns.LeadId : EmailColumns.RegardingObjectId);
            if (lead == null || lead.LogicalName != LeadColumns.Table)
            {
                local.Trace("{0} {1} is not regarding a lead: ignored.", table, target.Id);
                return;
            }

            var previous = local.PreImage;
            var occurredOn = table == InteractionColumns.Table ? record.GetAttributeValue<System.DateTime?>(InteractionColumns.OccurredOn) ?? local.Now : local.Now;
            var occurrence = previous == null ? "create" : LeadRecord.RowVersion(record) ?? local.Context.OperationId.ToString("N");
            var activity = ActivityChange.Of(table, target.Id.ToString("D"), occurredOn, PlainValues.Of(record), previous == null ? null : PlainValues.Of(previous), occurrence);
            try
            {
                local.Scorer.Score(lead.Id, new Trigger.ActivityOccurred(activity), local.Now);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (PlatformErrors.Is(fault, PlatformErrors.ObjectDoesNotExist))
            {
                local.Trace("Lead {0} no longer exists: {1} {2} skipped.", lead.Id, table, target.Id);
            }
        }
    }
}
