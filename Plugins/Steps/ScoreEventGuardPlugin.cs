using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;

namespace LeadScoring.Steps
{
    /// <summary>
    /// ls_scoreevent Create, Update and Delete (PreValidation, synchronous): the ledger is append-only
    /// and written only by lead scoring itself. Nobody creates, edits or deletes an event directly
    /// (depth 1); deleting a lead still removes its events (a cascaded delete), and assigning a lead
    /// assigns its events (the relationship's cascaded Assign: an update of ownerid alone, made by the
    /// platform below the lead's update). A person cannot assign an event on its own: it follows its lead.
    /// </summary>
    public sealed class ScoreEventGuardPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { "Create", "Update", "Delete" }
            .Select(message => new PluginEvent(message, ScoreEventColumns.Table, PluginEvent.PreValidation, false))
            .ToList();

        protected override void ExecuteStep(LocalPluginContext local)
        {
            // Deleting a lead deletes its events by cascade (the relationship's CascadeDelete). Learn does not say
            // at which depth a cascaded delete's plug-ins run, so it is recognised by the delete that caused it.
            var message = local.Context.MessageName;
            var cascadedFromLead = message == "Delete" && local.Context.ParentContext is { MessageName: "Delete" } parent && parent.PrimaryEntityName == LeadColumns.Table;
            var target = local.Target;
            var reassignedWithLead = message == "Update" && target != null && target.Attributes.Keys.All(k => k == LeadColumns.OwnerId || k == ScoreEventColumns.Id)
                && (local.Context.Depth > 1 || local.Context.ParentContext is { MessageName: "Update" or "Assign", PrimaryEntityName: LeadColumns.Table });
            if (reassignedWithLead)
            {
                return;
            }

            if (message == "Update" || (local.Context.Depth <= 1 && !cascadedFromLead))
            {
                throw new ScoringException("Score events are an append-only ledger written by lead scoring; they cannot be " +
                    (message == "Create" ? "created" : message == "Update" ? "changed" : "deleted") + " directly. To change a lead's score, use a manual adjustment (ls_AdjustLeadScore) with a reason.");
            }
        }
    }
}
