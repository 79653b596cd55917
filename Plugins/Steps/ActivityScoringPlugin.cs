using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Steps
{
    /// <summary>
    /// Email, appointment, phone call and marketing interaction (ls_interaction) Create and Update
    /// (PostOperation, asynchronous): a change regarding a lead is an engagement event. The update
    /// steps watch every column, so a rule on any column (a custom one too) fires; an update that
    /// changed no column the active model reads is skipped here, before any service call. Records
    /// regarding anything else are ignored; a lead deleted meanwhile is skipped with a trace.
    /// </summary>
    public sealed class ActivityScoringPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[]
        {
            new PluginEvent("Create", EmailColumns.Table, PluginEvent.PostOperation, true),
            new PluginEvent("Update", EmailColumns.Table, PluginEvent.PostOperation, true),
            new PluginEvent("Create", "appointment", PluginEvent.PostOperation, true),
            new PluginEvent("Update", "appointment", PluginEvent.PostOperation, true),
            new PluginEvent("Create", PhoneCallColumns.Table, PluginEvent.PostOperation, true),
            new PluginEvent("Update", PhoneCallColumns.Table, PluginEvent.PostOperation, true),
            new PluginEvent("Create", InteractionColumns.Table, PluginEvent.PostOperation, true),
            new PluginEvent("Update", InteractionColumns.Table, PluginEvent.PostOperation, true),
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

            // An interaction attached to its lead later (it was recorded unmatched) is new to that lead: scored as at its creation.
            var previous = table == InteractionColumns.Table && local.PreImage?.GetAttributeValue<EntityReference>(InteractionColumns.LeadId) == null ? null : local.PreImage;
            var model = local.Models.Active(local.Now);
            if (previous != null && model != null && !target.Attributes.Keys.Any(WatchedColumns.Of(model.Model, table).Contains))
            {
                local.Trace("{0} {1}: no column the rules read changed ({2}): skipped.", table, target.Id, string.Join(", ", target.Attributes.Keys));
                return;
            }

            if (model != null)
            {
                ImageColumns.ReadMissing(local.SystemService, target, ImageColumns.Missing(WatchedColumns.Of(model.Model, table), ImageColumns.Activity(table)), ref record, ref previous);
            }

            var occurredOn = table == InteractionColumns.Table
                ? ActivityChange.InteractionMoment(record.GetAttributeValue<System.DateTime?>(InteractionColumns.OccurredOn), record.GetAttributeValue<System.DateTime?>(SourceRecords.CreatedOn)) ?? local.Now
                : local.Now;
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
