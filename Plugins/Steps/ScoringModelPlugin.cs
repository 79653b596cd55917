using System;
using System.Collections.Generic;
using System.Linq;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Steps
{
    /// <summary>
    /// ls_scoringmodel Create and Update (PreOperation, synchronous): hosts the approval policy
    /// (ModelApproval). A model is created as Draft without approvals; an update is mapped to a
    /// ModelEdit, decided by the policy, and its outcome written back into the Target. Activation
    /// validates the model, retires the model that was active and notes on the model any column a
    /// rule reads that the registered steps do not watch.
    /// </summary>
    public sealed class ScoringModelPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[]
        {
            new PluginEvent("Create", ScoringModelColumns.Table, PluginEvent.PreOperation, false),
            new PluginEvent("Update", ScoringModelColumns.Table, PluginEvent.PreOperation, false),
        };

        private static readonly Dictionary<ApprovalSide, SideColumns> Sides = new Dictionary<ApprovalSide, SideColumns>
        {
            [ApprovalSide.Marketing] = new SideColumns(ScoringModelColumns.MarketingApproverId, ScoringModelColumns.MarketingApprovedOn, SecurityRoles.MarketingApprover),
            [ApprovalSide.Sales] = new SideColumns(ScoringModelColumns.SalesApproverId, ScoringModelColumns.SalesApprovedOn, SecurityRoles.SalesApprover),
        };

        private static readonly Dictionary<int, ModelStatus> Statuses = new Dictionary<int, ModelStatus>
        {
            [ModelStatusValues.Draft] = ModelStatus.Draft,
            [ModelStatusValues.Active] = ModelStatus.Active,
            [ModelStatusValues.Retired] = ModelStatus.Retired,
        };

        private static readonly HashSet<string> NotSettings = new HashSet<string>
        {
            "modifiedon", "modifiedby", "modifiedonbehalfby", "statecode", "statuscode", ScoringModelColumns.ActivatedOn, ScoringModelColumns.Status,
            ScoringModelColumns.MarketingApproverId, ScoringModelColumns.MarketingApprovedOn, ScoringModelColumns.SalesApproverId, ScoringModelColumns.SalesApprovedOn,
        };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var target = local.Target ?? throw new InvalidPluginExecutionException("ls_scoringmodel step without a Target.");
            foreach (var bands in new[] { ScoringModelColumns.FitBands, ScoringModelColumns.EngagementBands }.Where(target.Contains))
            {
                ModelStore.Bands(bands, target.GetAttributeValue<string>(bands)); // refused on save, not on activation
            }

            if (local.Context.MessageName == "Create")
            {
                Write(local, target, ApprovalState.NewDraft, Sides.Keys);
                return;
            }

            var before = local.PreImage ?? throw new InvalidPluginExecutionException("ls_scoringmodel update step needs its PreImage.");
            var state = new ApprovalState(Status(before), Sides.ToDictionary(s => s.Key, s => before.GetAttributeValue<EntityReference>(s.Value.Approver)?.Id));
            var edit = new ModelEdit(
                target.Contains(ScoringModelColumns.Status) ? Status(target) : (ModelStatus?)null,
                target.Attributes.Keys.Any(k => !NotSettings.Contains(k)),
                Sides.Where(s => target.Contains(s.Value.Approver)).ToDictionary(s => s.Key, s => target.GetAttributeValue<EntityReference>(s.Value.Approver)?.Id));
            var editor = new Editor(local.Context.InitiatingUserId, side => RoleMembership.Has(local.SystemService, local.Context.InitiatingUserId, Sides[side].Role), side => Sides[side].Role, IsProduct: local.IsProductWrite);
            var description = "The scoring model '" + before.GetAttributeValue<string>(ScoringModelColumns.Name) + "' version " + before.GetAttributeValue<int?>(ScoringModelColumns.Version);

            // Of two Active models only the one that does not score may be retired directly: retiring it stops nothing.
            var anotherScores = state.Status == ModelStatus.Active && edit.Status == ModelStatus.Retired
                && new ModelStore(local.SystemService, local.Context.OrganizationId).ScoringModelId() is { } scorer && scorer != target.Id;
            var after = ModelApproval.Decide(state, edit, editor, description, anotherScores);
            Write(local, target, after, edit.SettingsChanged ? Sides.Keys : edit.Approvals.Keys);
            if (state.Status != ModelStatus.Active && after.Status == ModelStatus.Active)
            {
                Activate(local, target);
            }
        }

        /// <summary>Writes the decided status and the approvals of the given sides (with when they were given) into the Target.</summary>
        private static void Write(LocalPluginContext local, Entity target, ApprovalState state, IEnumerable<ApprovalSide> sides)
        {
            target[ScoringModelColumns.Status] = new OptionSetValue(Statuses.First(p => p.Value == state.Status).Key);
            foreach (var side in sides.ToList())
            {
                var approver = state.Approver(side);
                target[Sides[side].Approver] = approver.HasValue ? new EntityReference("systemuser", approver.Value) : null;
                target[Sides[side].ApprovedOn] = approver.HasValue ? local.Now : (DateTime?)null;
            }
        }

        private static void Activate(LocalPluginContext local, Entity target)
        {
            if (LedgerKeys.NotActive(local.SystemService) is string notActive)
            {
                throw new ScoringException(notActive);
            }

            var model = ModelValidator.EnsureValid(local.Models.Load(target.Id, local.Now).Model);
            CheckWatchedColumns(local, target, model);

            var others = new QueryExpression(ScoringModelColumns.Table) { ColumnSet = new ColumnSet(false) };
            others.Criteria.AddCondition(ScoringModelColumns.Status, ConditionOperator.Equal, ModelStatusValues.Active);
            foreach (var active in local.SystemService.RetrieveMultiple(others).Entities.Where(e => e.Id != target.Id))
            {
                var retire = new Entity(ScoringModelColumns.Table, active.Id);
                retire[ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Retired);
                local.SystemService.Update(retire);
                local.Trace("Retired scoring model {0}: replaced by {1}, activated by user {2} with the approvals of marketing and sales.", active.Id, target.Id, local.Context.InitiatingUserId);
            }

            target[ScoringModelColumns.ActivatedOn] = local.Now;
            ModelStore.Invalidate(local.Context.OrganizationId);
        }

        /// <summary>
        /// Tells the admin, on the model itself, when a rule reads a column its table's update step
        /// does not watch. The steps are only read: rewriting a registration from a plug-in would put
        /// an unmanaged layer on a managed solution's step and block its upgrades.
        /// </summary>
        private static void CheckWatchedColumns(LocalPluginContext local, Entity target, ScoringModel model)
        {
            var query = new QueryExpression("sdkmessageprocessingstep") { ColumnSet = new ColumnSet("name", "filteringattributes") };
            query.Criteria.AddCondition("name", ConditionOperator.In, ModelValidator.WatchedTables.Select(t => (object)WatchedColumns.UpdateStep(t)).ToArray());
            var steps = local.SystemService.RetrieveMultiple(query).Entities;
            var filtering = ModelValidator.WatchedTables.ToDictionary(
                t => t,
                t => steps.FirstOrDefault(e => e.GetAttributeValue<string>("name") == WatchedColumns.UpdateStep(t))?.GetAttributeValue<string>("filteringattributes"));
            var unwatched = WatchedColumns.Unwatched(model, filtering);
            foreach (var line in unwatched)
            {
                local.Trace(line);
            }

            target[ScoringModelColumns.ActivationNotes] = unwatched.Count == 0
                ? "Every column the rules read starts scoring when it changes."
                : string.Join(Environment.NewLine, unwatched);
        }

        private sealed record SideColumns(string Approver, string ApprovedOn, string Role);

        private static ModelStatus Status(Entity row) =>
            Statuses.TryGetValue(row.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status)?.Value ?? ModelStatusValues.Draft, out var status) ? status : ModelStatus.Draft;
    }
}
