using System;
using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;

namespace LeadScoring.Steps
{
    /// <summary>
    /// Lead Merge (PostOperation, asynchronous): two leads were merged. The platform moved the
    /// subordinate's activities (and whatever else cascades on merge) to the master and deactivated the
    /// subordinate. Score events the platform moved too (where ls_scoreevent cascades on merge) go back
    /// to the subordinate: each lead keeps its own ledger. Both leads are rescored exactly from the
    /// records regarding them now (the recalculation of ls_RecalculateLeadScore): the master's rules,
    /// caps and limits apply across all its activities, the subordinate's stage follows its status
    /// (Disqualified), each ledger only grows, and a redelivered job adds nothing. Merge input: Target
    /// (the master) and SubordinateId.
    /// https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.mergerequest
    /// </summary>
    public sealed class LeadMergePlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { new PluginEvent("Merge", LeadColumns.Table, PluginEvent.PostOperation, true) };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var master = local.TargetReference;
            var subordinate = local.Input<Guid>("SubordinateId");
            if (master == null || subordinate == Guid.Empty)
            {
                local.Trace("Merge without a Target or a SubordinateId: nothing to rescore.");
                return;
            }

            var returned = new Ledger(local.SystemService).ReturnMergedEvents(master.Id, subordinate);
            local.Trace("{0} score events the merge moved were returned to the subordinate's ledger.", returned);
            local.Scorer.Score(master.Id, new Trigger.Recalculation(Why: "Merged lead " + subordinate.ToString("D") + " into this one"), local.Now);
            local.Scorer.Score(subordinate, new Trigger.Recalculation(Why: "Merged into lead " + master.Id.ToString("D")), local.Now);
        }
    }
}
