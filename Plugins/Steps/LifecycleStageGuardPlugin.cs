using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Steps
{
    /// <summary>
    /// Lead Create and Update of ls_lifecyclestage (PreOperation, synchronous): which stage changes
    /// people make. Lead scoring sets New, Engaged and Marketing Qualified (from the score); a person
    /// sets Sales Accepted on a Marketing Qualified lead, Recycled (a hand-back, debited by the lead
    /// step) or Disqualified. A rep setting Marketing Qualified would start the sales-ready flow before
    /// scoring reverted the stage, and Sales Accepted on an unqualified lead would be kept: both are refused.
    /// </summary>
    public sealed class LifecycleStageGuardPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[]
        {
            new PluginEvent("Create", LeadColumns.Table, PluginEvent.PreOperation, false),
            new PluginEvent("Update", LeadColumns.Table, PluginEvent.PreOperation, false),
        };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var target = local.Target;
            if (target == null || !target.Contains(LeadColumns.LifecycleStage) || local.IsProductWrite)
            {
                return; // scoring's own writes; another solution's plug-in writing as a person is checked like the person
            }

            var stage = LeadRecord.Stage(target.GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage));
            var before = local.Context.MessageName == "Create" ? null
                : LeadRecord.Stage(local.SystemService.Retrieve(LeadColumns.Table, target.Id, new ColumnSet(LeadColumns.LifecycleStage)).GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage));
            if (stage == null || stage == before || stage == LifecycleStage.Recycled || stage == LifecycleStage.Disqualified)
            {
                return;
            }

            if (stage == LifecycleStage.SalesAccepted)
            {
                if (before == LifecycleStage.MarketingQualified)
                {
                    return;
                }

                throw new ScoringException("Sales Accepted is for a Marketing Qualified lead; this lead is " + (before == null ? "new" : Lifecycle.StageName(before.Value)) + ". Its score decides when it becomes Marketing Qualified.");
            }

            throw new ScoringException("The lifecycle stage " + Lifecycle.StageName(stage.Value) + " is set by lead scoring from the score; people set Sales Accepted (on a Marketing Qualified lead), Recycled (hand back) or Disqualified.");
        }
    }
}
