using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Operations
{
    /// <summary>The checks the lead operations share: a lead target, a reason within bounds, an active model.</summary>
    internal static class LeadOperation
    {
        public static EntityReference Lead(string operation, EntityReference? target) =>
            target != null && target.LogicalName == LeadColumns.Table ? target : throw new ScoringException(OperationMessages.NotALead(operation, target?.LogicalName));

        public static string Reason(string? reason, string what)
        {
            var trimmed = (reason ?? "").Trim();
            return trimmed.Length > 0 && trimmed.Length <= OperationMessages.MaxReasonLength ? trimmed : throw new ScoringException(OperationMessages.Reason(what, trimmed.Length));
        }

        public static ScoringOutcome Scored(ScoringOutcome? outcome) => outcome ?? throw new ScoringException(OperationMessages.NoActiveModel);
    }
}
