using System.Collections.Generic;
using System.ServiceModel;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Steps
{
    /// <summary>
    /// Lead Create and Update (PostOperation, asynchronous): fit follows the lead's columns, stage and
    /// grade stay current. A person setting the stage to Recycled hands the lead back; SalesAccepted
    /// and Disqualified set by people are kept by the engine. The stage follows the lead's status:
    /// Disqualify and Qualify close it, reactivating it recomputes the stage from the score.
    /// </summary>
    public sealed class LeadScoringPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[]
        {
            new PluginEvent("Create", LeadColumns.Table, PluginEvent.PostOperation, true),
            new PluginEvent("Update", LeadColumns.Table, PluginEvent.PostOperation, true),
        };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var target = local.Target;
            if (target == null || IsScoringsOwnWrite(local, target))
            {
                return; // scoring's own write of the lead: nothing new to score
            }

            var lead = local.PostImage ?? target;
            var previous = local.PreImage;
            var occurrence = previous == null ? "create" : LeadRecord.RowVersion(lead) ?? local.Context.OperationId.ToString("N");
            var change = new Activity(LeadColumns.Table, target.Id.ToString("D"), local.Now, PlainValues.Of(lead), previous == null ? null : PlainValues.Of(previous), occurrence);
            var reopened = previous != null && LeadRecord.Status(previous.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode)) != LeadStatus.Open &&
                LeadRecord.Status(lead.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode)) == LeadStatus.Open;
            var stage = LeadRecord.Stage(target.GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage));
            var stageBefore = LeadRecord.Stage(previous?.GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage));
            var handedBack = stage == LifecycleStage.Recycled && stageBefore != LifecycleStage.Recycled && LeadRecord.Status(lead.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode)) == LeadStatus.Open;
            try
            {
                // The hand-back first: scored after the change, a lead set to Recycled would be scored back to
                // Marketing Qualified for a moment (a stage change the sales-ready flow reacts to) before it.
                if (handedBack)
                {
                    var reason = lead.GetAttributeValue<string>(LeadColumns.HandBackReason);
                    local.Scorer.Score(target.Id, new Trigger.HandBack(string.IsNullOrWhiteSpace(reason) ? "Stage set to Recycled" : reason!), local.Now);
                }

                local.Scorer.Score(target.Id, new Trigger.LeadChanged(change) { Reactivated = reopened }, local.Now, handedBack ? null : lead);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (PlatformErrors.Is(fault, PlatformErrors.ObjectDoesNotExist))
            {
                local.Trace("Lead {0} no longer exists: nothing scored.", target.Id); // deleted while this job waited
            }
        }

        /// <summary>An admin, an import or an integration writing ls_scoredon themself is scored like any change.</summary>
        private static bool IsScoringsOwnWrite(LocalPluginContext local, Entity target) =>
            target.Contains(LeadColumns.ScoredOn) && local.IsProductWrite;
    }
}
