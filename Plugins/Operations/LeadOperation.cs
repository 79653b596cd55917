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

        /// <summary>
        /// Checks that the caller may change this lead, the way ls_HandBackLead does: a write as the caller
        /// (here with no column, so nothing but the modification stamp changes), which the platform refuses
        /// when the caller's role does not reach the lead (its owner, business unit or sharing). Scoring
        /// itself then writes as SYSTEM. The write also takes the lead's row lock for this transaction.
        /// </summary>
        public static void RequireCallerCanWrite(IOrganizationService asCaller, EntityReference lead) =>
            asCaller.Update(new Entity(LeadColumns.Table, lead.Id));

        public static ScoringOutcome Scored(ScoringOutcome? outcome) => outcome ?? throw new ScoringException(OperationMessages.NoActiveModel);
    }
}
