using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;

namespace LeadScoring.Steps
{
    /// <summary>
    /// ls_scoringmodel Create and Update (PreOperation, synchronous): the approval rules. A model is
    /// created as Draft; a change to its settings clears the approvals; each approver approves for
    /// themself with the matching role; it becomes Active only with both approvals and no validation
    /// error, retiring the model that was active; an Active model is never edited in place.
    /// </summary>
    public sealed class ScoringModelPlugin : PluginBase
    {
        private static readonly HashSet<string> ApprovalColumns = new HashSet<string>
        {
            ScoringModelColumns.MarketingApproverId, ScoringModelColumns.MarketingApprovedOn, ScoringModelColumns.SalesApproverId, ScoringModelColumns.SalesApprovedOn,
        };

        private static readonly HashSet<string> SystemColumns = new HashSet<string> { "modifiedon", "modifiedby", "modifiedonbehalfby", "statecode", "statuscode", ScoringModelColumns.ActivatedOn };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var target = local.Target ?? throw new InvalidPluginExecutionException("ls_scoringmodel step without a Target.");
            foreach (var bands in new[] { ScoringModelColumns.FitBands, ScoringModelColumns.EngagementBands }.Where(target.Contains))
            {
                ModelStore.Bands(bands, target.GetAttributeValue<string>(bands)); // refused on save, not on activation
            }

            if (local.Context.MessageName == "Create")
            {
                target[ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Draft);
                ClearApprovals(target);
                return;
            }

            var before = local.PreImage ?? throw new InvalidPluginExecutionException("ls_scoringmodel update step needs its PreImage.");
            var statusBefore = Status(before);
            var statusAfter = target.Contains(ScoringModelColumns.Status) ? Status(target) : statusBefore;
            var changed = target.Attributes.Keys.Where(k => !SystemColumns.Contains(k) && k != ScoringModelColumns.Status).ToList();
            var description = "The scoring model '" + before.GetAttributeValue<string>(ScoringModelColumns.Name) + "' version " + before.GetAttributeValue<int?>(ScoringModelColumns.Version);

            if (statusBefore == ModelStatusValues.Active && (changed.Count > 0 || (statusAfter != ModelStatusValues.Active && statusAfter != ModelStatusValues.Retired)))
            {
                throw new ScoringException(description + " is Active and cannot be edited. Copy it to a new version, edit the copy and have it approved.");
            }

            if (statusBefore == ModelStatusValues.Retired && (changed.Count > 0 || statusAfter != ModelStatusValues.Retired))
            {
                throw new ScoringException(description + " is Retired and cannot be changed. Copy it to a new version.");
            }

            if (changed.Any(c => !ApprovalColumns.Contains(c)))
            {
                ClearApprovals(target); // the approvals were given to the settings as they were
            }
            else
            {
                Approve(local, target, ScoringModelColumns.MarketingApproverId, ScoringModelColumns.MarketingApprovedOn, SecurityRoles.MarketingApprover);
                Approve(local, target, ScoringModelColumns.SalesApproverId, ScoringModelColumns.SalesApprovedOn, SecurityRoles.SalesApprover);
            }

            if (statusBefore != ModelStatusValues.Active && statusAfter == ModelStatusValues.Active)
            {
                Activate(local, target, before, description);
            }
        }

        private static void Approve(LocalPluginContext local, Entity target, string approverColumn, string approvedOnColumn, string role)
        {
            if (!target.Contains(approverColumn))
            {
                return;
            }

            var approver = target.GetAttributeValue<EntityReference>(approverColumn);
            if (approver == null)
            {
                target[approvedOnColumn] = null; // withdrawing an approval
                return;
            }

            if (approver.Id != local.Context.InitiatingUserId)
            {
                throw new ScoringException("Approvals are personal: set " + approverColumn + " to yourself. Nobody can approve for someone else.");
            }

            if (!RoleMembership.Has(local.SystemService, approver.Id, role))
            {
                throw new ScoringException("Only users with the '" + role + "' security role can give this approval.");
            }

            target[approvedOnColumn] = local.Now;
        }

        private static void Activate(LocalPluginContext local, Entity target, Entity before, string description)
        {
            var missing = new List<string>();
            if (After(target, before, ScoringModelColumns.MarketingApproverId) == null)
            {
                missing.Add("a marketing approver (" + SecurityRoles.MarketingApprover + ")");
            }

            if (After(target, before, ScoringModelColumns.SalesApproverId) == null)
            {
                missing.Add("a sales approver (" + SecurityRoles.SalesApprover + ")");
            }

            if (missing.Count > 0)
            {
                throw new ScoringException(description + " cannot be activated: it still needs the approval of " + string.Join(" and ", missing) + ".");
            }

            var model = ModelValidator.EnsureValid(local.Models.Load(target.Id, local.Now).Model);
            FilterLeadStepOn(local, model);

            var others = new QueryExpression(ScoringModelColumns.Table) { ColumnSet = new ColumnSet(false) };
            others.Criteria.AddCondition(ScoringModelColumns.Status, ConditionOperator.Equal, ModelStatusValues.Active);
            foreach (var active in local.SystemService.RetrieveMultiple(others).Entities.Where(e => e.Id != target.Id))
            {
                var retire = new Entity(ScoringModelColumns.Table, active.Id);
                retire[ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Retired);
                local.SystemService.Update(retire);
            }

            target[ScoringModelColumns.ActivatedOn] = local.Now;
            ModelStore.Invalidate(local.Context.OrganizationId);
        }

        /// <summary>
        /// The lead update step runs only when a column the active model reads changes (plus the
        /// stage and status columns), so a lead save that cannot change the score starts no job.
        /// </summary>
        private static void FilterLeadStepOn(LocalPluginContext local, ScoringModel model)
        {
            var query = new QueryExpression("sdkmessageprocessingstep") { ColumnSet = new ColumnSet("filteringattributes"), TopCount = 1 };
            query.Criteria.AddCondition("name", ConditionOperator.Equal, StepNames.LeadUpdate);
            var step = local.SystemService.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (step == null)
            {
                local.Trace("Step '{0}' not found: its filtering attributes were left as registered.", StepNames.LeadUpdate);
                return;
            }

            var columns = LeadRecord.ColumnsRead(model)
                .Concat(new[] { LeadColumns.LifecycleStage, LeadColumns.StateCode, LeadColumns.StatusCode })
                .Select(c => c.ToLowerInvariant()).Distinct().OrderBy(c => c, StringComparer.Ordinal);
            var update = new Entity("sdkmessageprocessingstep", step.Id);
            update["filteringattributes"] = string.Join(",", columns);
            local.SystemService.Update(update);
        }

        private static void ClearApprovals(Entity target)
        {
            foreach (var column in ApprovalColumns)
            {
                target[column] = null;
            }
        }

        private static object? After(Entity target, Entity before, string column) => target.Contains(column) ? target[column] : before.Contains(column) ? before[column] : null;

        private static int Status(Entity row) => row.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status)?.Value ?? ModelStatusValues.Draft;
    }
}
