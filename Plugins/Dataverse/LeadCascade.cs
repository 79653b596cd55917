using System.Linq;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// Recognises a write the platform makes to a row that belongs to a lead (a score event, a stage
    /// change) because of an operation on the lead itself
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/configure-entity-relationship-cascading-behavior):
    /// - deleting the lead deletes its rows (CascadeDelete);
    /// - merging two leads may move the subordinate's rows to the master (a Merge cascade; a solution
    ///   cannot declare it, so either answer is allowed): an update of the row's lead lookup alone, to
    ///   the merge's Target;
    /// - assigning the lead assigns its rows (CascadeAssign): an update of ownerid alone, below the
    ///   lead's update or Assign.
    /// Learn does not say which parent context a cascade's steps see, so a delete below any other
    /// operation passes too (a person's own delete runs at depth 1).
    /// </summary>
    public static class LeadCascade
    {
        public static bool Caused(LocalPluginContext local, string idColumn, string leadColumn)
        {
            var message = local.Context.MessageName;
            var parent = local.Context.ParentContext;
            var target = local.Target;
            var byLead = parent?.PrimaryEntityName == LeadColumns.Table;
            var deleted = message == "Delete" && ((byLead && parent!.MessageName == "Delete") || local.Context.Depth > 1);
            var merged = message == "Update" && byLead && parent!.MessageName == "Merge" && target != null
                && target.Attributes.Keys.All(k => k == leadColumn || k == idColumn)
                && target.GetAttributeValue<EntityReference>(leadColumn)?.Id is { } to
                && parent.InputParameters.Contains("Target") && parent.InputParameters["Target"] is EntityReference master && master.Id == to;
            var reassigned = message == "Update" && target != null && target.Attributes.Keys.All(k => k == LeadColumns.OwnerId || k == idColumn)
                && (local.Context.Depth > 1 || parent is { MessageName: "Update" or "Assign", PrimaryEntityName: LeadColumns.Table });
            return deleted || merged || reassigned;
        }
    }
}
