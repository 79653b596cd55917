using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;

namespace LeadScoring.Steps
{
    /// <summary>
    /// ls_stagechange Create, Update and Delete (PreValidation, synchronous): the stage history is
    /// written only by lead scoring (StageHistoryPlugin, as SYSTEM), so the funnel and its dashboard
    /// charts count what happened. Nobody, not even a System Administrator, creates, edits or deletes
    /// a row directly; the lead's own delete, merge and assign still reach its rows (LeadCascade).
    /// </summary>
    public sealed class StageChangeGuardPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { "Create", "Update", "Delete" }
            .Select(message => new PluginEvent(message, StageChangeColumns.Table, PluginEvent.PreValidation, false))
            .ToList();

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var message = local.Context.MessageName;
            if (!LeadCascade.Caused(local, StageChangeColumns.Id) && !(message == "Create" && local.IsProductWrite))
            {
                throw new ScoringException($"Stage changes are the lead's stage history, written by lead scoring; they cannot be {LeadCascade.Verb(message)} directly. " +
                    "A lead's stage changes when its score, its status or a hand-back changes it, or when a person sets Sales Accepted or Disqualified.");
            }
        }
    }
}
