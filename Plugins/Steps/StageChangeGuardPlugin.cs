using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;

namespace LeadScoring.Steps
{
    /// <summary>
    /// ls_stagechange Create, Update and Delete (PreValidation, synchronous): the stage history is
    /// written by lead scoring's StageHistoryPlugin, as SYSTEM below the lead's write, so the funnel
    /// and its dashboard charts count what happened. A person or an integration (depth 1), even a
    /// System Administrator, cannot create, edit or delete a row; the lead's own delete, merge and
    /// assign still reach its rows (LeadCascade). A plug-in of another solution that writes as SYSTEM
    /// looks like lead scoring to the platform and is not told apart.
    /// </summary>
    public sealed class StageChangeGuardPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { "Create", "Update", "Delete" }
            .Select(message => new PluginEvent(message, StageChangeColumns.Table, PluginEvent.PreValidation, false))
            .ToList();

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var message = local.Context.MessageName;
            if (!LeadCascade.Caused(local, StageChangeColumns.Id, StageChangeColumns.LeadId) && !(message == "Create" && local.IsProductWrite))
            {
                throw new ScoringException($"Stage changes are the lead's stage history, written by lead scoring; they cannot be {local.MessageVerb} directly. " +
                    "A lead's stage changes when its score, its status or a hand-back changes it, or when a person sets Sales Accepted or Disqualified.");
            }
        }
    }
}
