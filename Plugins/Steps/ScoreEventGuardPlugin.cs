using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Steps
{
    /// <summary>
    /// ls_scoreevent Create, Update and Delete (PreValidation, synchronous): the ledger is append-only
    /// and written only by lead scoring itself. Nobody creates, edits or deletes an event directly
    /// (depth 1); deleting a lead still removes its events (a cascaded delete), merging two leads may
    /// move the subordinate's events to the master (a cascaded merge), which lead scoring moves back, and
    /// assigning a lead assigns its events (the relationship's cascaded Assign: an update of ownerid alone,
    /// made by the platform below the lead's update). A person cannot assign an event on its own.
    /// </summary>
    public sealed class ScoreEventGuardPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { "Create", "Update", "Delete" }
            .Select(message => new PluginEvent(message, ScoreEventColumns.Table, PluginEvent.PreValidation, false))
            .ToList();

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var message = local.Context.MessageName;
            if (!LeadCascade.Caused(local, ScoreEventColumns.Id, ScoreEventColumns.LeadId) && !IsReturnAfterMerge(local) && (message == "Update" || local.Context.Depth <= 1))
            {
                throw new ScoringException($"Score events are an append-only ledger written by lead scoring; they cannot be {local.MessageVerb} directly. " +
                    "To change a lead's score, use a manual adjustment (ls_AdjustLeadScore) with a reason.");
            }
        }

        /// <summary>Lead scoring moving an event back to the lead its key was booked for, its lookup the only column written (Ledger.ReturnMergedEvents).</summary>
        private static bool IsReturnAfterMerge(LocalPluginContext local)
        {
            var target = local.Target;
            if (local.Context.MessageName != "Update" || !local.IsProductWrite || target == null
                || target.Attributes.Keys.Any(k => k != ScoreEventColumns.LeadId && k != ScoreEventColumns.Id))
            {
                return false;
            }

            var key = local.SystemService.Retrieve(ScoreEventColumns.Table, target.Id, new ColumnSet(ScoreEventColumns.IdempotencyKey)).GetAttributeValue<string>(ScoreEventColumns.IdempotencyKey);
            return Ledger.BookedFor(key) is { } lead && lead == target.GetAttributeValue<EntityReference>(ScoreEventColumns.LeadId)?.Id;
        }
    }
}
