using LeadScoring.Dataverse;
using LeadScoring.Steps;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.CustomApis
{
    /// <summary>What the lead-bound Custom APIs share: their Target, and a clear error when no model is active.</summary>
    internal static class LeadApi
    {
        public static EntityReference Target(LocalPluginContext local)
        {
            var target = local.TargetReference;
            if (target == null || target.LogicalName != LeadColumns.Table)
            {
                throw new InvalidPluginExecutionException(local.Context.MessageName + " is bound to a lead: Target must be a lead reference; got " + (target?.LogicalName ?? "nothing") + ".");
            }

            return target;
        }

        public static ScoringOutcome Require(ScoringOutcome? outcome) =>
            outcome ?? throw new InvalidPluginExecutionException("No scoring model is active. Ask a Lead Scoring Admin to activate one.");
    }
}
