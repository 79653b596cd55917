using System.Linq;
using LeadScoring.Platform;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// Recognises a write the platform makes to a row that belongs to a lead (a score event, a stage
    /// change) because of an operation on the lead itself: deleting the lead deletes its rows (the
    /// relationship's CascadeDelete), merging two leads may move the subordinate's rows to the master
    /// (a Merge cascade; a solution cannot declare it, so either answer is allowed), and assigning the
    /// lead assigns its rows (CascadeAssign: an update of ownerid alone, below the lead's update or
    /// Assign). Learn does not say at which depth a cascade's plug-ins run, so a cascade is recognised
    /// by the lead operation that caused it
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/configure-entity-relationship-cascading-behavior).
    /// </summary>
    public static class LeadCascade
    {
        public static bool Caused(LocalPluginContext local, string idColumn)
        {
            var message = local.Context.MessageName;
            var parent = local.Context.ParentContext;
            var deletedOrMerged = parent?.PrimaryEntityName == LeadColumns.Table &&
                ((message == "Delete" && parent.MessageName == "Delete") || (message == "Update" && parent.MessageName == "Merge"));
            var target = local.Target;
            var reassigned = message == "Update" && target != null && target.Attributes.Keys.All(k => k == LeadColumns.OwnerId || k == idColumn)
                && (local.Context.Depth > 1 || parent is { MessageName: "Update" or "Assign", PrimaryEntityName: LeadColumns.Table });
            return deletedOrMerged || reassigned;
        }

        /// <summary>"created", "changed" or "deleted": the verb of a refusal.</summary>
        public static string Verb(string message) => message == "Create" ? "created" : message == "Update" ? "changed" : "deleted";
    }
}
