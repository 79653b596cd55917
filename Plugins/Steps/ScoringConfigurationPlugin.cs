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
    /// ls_scoringrule and ls_scoringcondition Create, Update and Delete (PreOperation, synchronous):
    /// only a Draft model's rules change (the model before and after the change, so nothing moves off an
    /// Active model); what is saved is validated with the engine's messages and every condition is
    /// checked against the org's metadata (column, operator, value type, choice label); a saved label
    /// is stored as its value with the label beside it; any change clears the model's approvals,
    /// because they were given to the rules as they were.
    /// </summary>
    public sealed class ScoringConfigurationPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { "Create", "Update", "Delete" }
            .SelectMany(message => new[] { ScoringRuleColumns.Table, ScoringConditionColumns.Table }.Select(table => new PluginEvent(message, table, PluginEvent.PreOperation, false)))
            .ToList();

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var isDelete = local.Context.MessageName == "Delete";
            var record = Records.Merge(local.PreImage, isDelete ? null : local.Target);
            var isRule = local.Context.PrimaryEntityName == ScoringRuleColumns.Table;
            var rule = isRule ? record : RuleOf(local, record);

            // The model the row belongs to after the change and, on an update or a delete, the one it
            // belonged to before: moving a rule or condition off an Active model changes that model too.
            var models = new List<Guid> { Lookup(rule, ScoringRuleColumns.ScoringModelId) };
            if (local.PreImage != null)
            {
                models.Add(Lookup(isRule ? local.PreImage : RuleOf(local, local.PreImage), ScoringRuleColumns.ScoringModelId));
            }

            var rows = models.Distinct().Select(id => local.SystemService.Retrieve(ScoringModelColumns.Table, id, new ColumnSet(ScoringModelColumns.Name, ScoringModelColumns.Version, ScoringModelColumns.Status, ScoringModelColumns.MarketingApproverId, ScoringModelColumns.SalesApproverId))).ToList();
            foreach (var model in rows)
            {
                var status = model.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status)?.Value ?? ModelStatusValues.Draft;
                if (status != ModelStatusValues.Draft)
                {
                    throw new ScoringException("The rules of the " + (status == ModelStatusValues.Active ? "Active" : "Retired") + " scoring model '" + model.GetAttributeValue<string>(ScoringModelColumns.Name) + "' version " + model.GetAttributeValue<int?>(ScoringModelColumns.Version) + " cannot be changed. Copy it to a new version and edit the copy.");
                }
            }

            if (!isDelete)
            {
                Validate(local, isRule, record, rule);
            }

            foreach (var model in rows.Where(m => m.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId) != null || m.GetAttributeValue<EntityReference>(ScoringModelColumns.SalesApproverId) != null))
            {
                var clear = new Entity(ScoringModelColumns.Table, model.Id);
                clear[ScoringModelColumns.MarketingApproverId] = null;
                clear[ScoringModelColumns.SalesApproverId] = null;
                local.SystemService.Update(clear);
            }
        }

        private static Entity RuleOf(LocalPluginContext local, Entity condition) =>
            local.SystemService.Retrieve(ScoringRuleColumns.Table, Lookup(condition, ScoringConditionColumns.ScoringRuleId), new ColumnSet(ModelStore.RuleColumns));

        private static void Validate(LocalPluginContext local, bool isRule, Entity record, Entity rule)
        {
            var query = new QueryExpression(ScoringConditionColumns.Table) { ColumnSet = new ColumnSet(ModelStore.ConditionColumns) };
            query.Criteria.AddCondition(ScoringConditionColumns.ScoringRuleId, ConditionOperator.Equal, rule.Id);
            var conditions = local.SystemService.RetrieveMultiple(query).Entities.Where(c => c.Id != record.Id).ToList();
            if (!isRule)
            {
                conditions.Add(record);
            }

            conditions = ModelStore.InOrder(conditions);
            var mapped = ModelStore.MapRule(rule, conditions);
            var columns = new OrganizationColumns(local.SystemService);
            var check = ColumnCheck.Check(new[] { mapped }, columns);
            var errors = ModelValidator.ValidateRule(mapped).Concat(check.Errors).ToList();
            if (errors.Count > 0)
            {
                throw new ScoringException(string.Join(Environment.NewLine, errors));
            }

            if (!isRule && local.Target is Entity target)
            {
                StoreValue(target, mapped, check.Rules[0], conditions.IndexOf(record), columns);
            }
        }

        /// <summary>The condition keeps the value (a label becomes its number), and its label beside it for people to read.</summary>
        private static void StoreValue(Entity target, ScoringRule rule, ScoringRule resolved, int index, IColumnSource columns)
        {
            var condition = resolved.Conditions[index];
            var column = columns.Columns(ColumnCheck.TableOf(rule, condition))?.FirstOrDefault(c => c.Name == condition.Attribute);
            if (!ReferenceEquals(condition.Values, rule.Conditions[index].Values) && condition.Values.Count > 0)
            {
                target[ScoringConditionColumns.Value] = ConditionValueText.Format(condition.Values);
            }

            var labels = column == null ? "" : ColumnCheck.LabelsOf(column, condition.Values);
            target[ScoringConditionColumns.ValueLabel] = labels.Length == 0 ? null : labels;
        }

        private static Guid Lookup(Entity row, string column) =>
            row.GetAttributeValue<EntityReference>(column)?.Id ?? throw new ScoringException(row.LogicalName + ": " + column + " is required.");
    }
}
