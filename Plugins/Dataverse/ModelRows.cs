using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Dataverse
{
    /// <summary>Writes a scoring model into the configuration tables as a new Draft (the inverse of ModelStore).</summary>
    public static class ModelRows
    {
        /// <summary>
        /// Creates the model, its rules and their conditions; returns the new model's id. Plug-ins validate
        /// each row as it is saved. All or nothing: when a row is refused, the rows created so far are
        /// deleted, newest first, and the refusal is rethrown. One
        /// ExecuteTransaction would hold at most 1,000 requests, less than a model at its limits
        /// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/execute-batch-operations-using-web-api).
        /// </summary>
        public static Guid Create(IOrganizationService service, ScoringModel model)
        {
            var created = new List<EntityReference>();
            try
            {
                return CreateRows(service, model, created);
            }
            catch
            {
                for (var i = created.Count - 1; i >= 0; i--)
                {
                    service.Delete(created[i].LogicalName, created[i].Id);
                }

                throw;
            }
        }

        private static Guid CreateRows(IOrganizationService service, ScoringModel model, List<EntityReference> created)
        {
            Guid Create(Entity row)
            {
                var id = service.Create(row);
                created.Add(new EntityReference(row.LogicalName, id));
                return id;
            }

            var modelId = Create(ModelRow(model));
            foreach (var rule in model.Rules)
            {
                var ruleRow = RuleRow(rule);
                ruleRow[ScoringRuleColumns.ScoringModelId] = new EntityReference(ScoringModelColumns.Table, modelId);
                var ruleId = Create(ruleRow);
                foreach (var condition in rule.Conditions)
                {
                    var conditionRow = new Entity(ScoringConditionColumns.Table);
                    conditionRow[ScoringConditionColumns.ScoringRuleId] = new EntityReference(ScoringRuleColumns.Table, ruleId);
                    conditionRow[ScoringConditionColumns.Attribute] = condition.Attribute;
                    conditionRow[ScoringConditionColumns.ColumnTable] = condition.Table;
                    conditionRow[ScoringConditionColumns.Operator] = new OptionSetValue(ConditionOperatorValues.EqualsTo + (int)condition.Operator);
                    conditionRow[ScoringConditionColumns.Value] = condition.Values.Count == 0 ? null : ConditionValueText.Format(condition.Values);
                    Create(conditionRow);
                }
            }

            return modelId;
        }

        public static Entity ModelRow(ScoringModel model)
        {
            var row = new Entity(ScoringModelColumns.Table);
            row[ScoringModelColumns.Name] = model.Name;
            row[ScoringModelColumns.Version] = model.Version;
            row[ScoringModelColumns.SalesReadyThreshold] = model.SalesReadyThreshold;
            row[ScoringModelColumns.MinimumFit] = model.MinimumFit;
            row[ScoringModelColumns.MinimumEngagement] = model.MinimumEngagement;
            row[ScoringModelColumns.FitCap] = model.FitCap;
            row[ScoringModelColumns.EngagementCap] = model.EngagementCap;
            row[ScoringModelColumns.Floor] = model.Floor;
            row[ScoringModelColumns.FitBands] = Bands(model.Grades.FitBands);
            row[ScoringModelColumns.EngagementBands] = Bands(model.Grades.EngagementBands);
            if (model.Decay is { } decay)
            {
                row[ScoringModelColumns.DecayInactiveDays] = decay.InactiveDays;
                row[ScoringModelColumns.DecayPoints] = decay.Points;
                row[ScoringModelColumns.DecayEveryDays] = decay.EveryDays;
                row[ScoringModelColumns.DecayFloor] = decay.Floor;
            }

            if (model.HandBack is { } handBack)
            {
                row[ScoringModelColumns.HandBackPoints] = handBack.Points;
                row[ScoringModelColumns.HandBackMargin] = handBack.MarginBelowThreshold;
                row[ScoringModelColumns.RequalifyEngagement] = handBack.RequalifyEngagement;
            }

            if (model.GradeConversion is { } conversion)
            {
                row[ScoringModelColumns.GradeConversion] = GradeConversionText.Format(conversion);
            }

            return row;
        }

        public static Entity RuleRow(ScoringRule rule)
        {
            var row = new Entity(ScoringRuleColumns.Table);
            row[ScoringRuleColumns.RuleKey] = rule.Id;
            row[ScoringRuleColumns.Name] = rule.Name;
            row[ScoringRuleColumns.Category] = new OptionSetValue(rule.Category == Category.Fit ? CategoryValues.Fit : CategoryValues.Engagement);
            row[ScoringRuleColumns.Kind] = new OptionSetValue(rule.Kind switch
            {
                RuleKind.UnansweredEmails => RuleKindValues.UnansweredEmails,
                RuleKind.ActivityVolume => RuleKindValues.ActivityVolume,
                _ => RuleKindValues.Conditions,
            });
            row[ScoringRuleColumns.WatchedTable] = rule.Kind == RuleKind.UnansweredEmails ? EmailColumns.Table : rule.Table;
            row[ScoringRuleColumns.Points] = rule.Points;
            row[ScoringRuleColumns.LimitType] = new OptionSetValue(LimitTypeValues.None + (int)rule.Limit.Type);
            row[ScoringRuleColumns.LimitValue] = rule.Limit.Value;
            row[ScoringRuleColumns.ExpiresAfterDays] = rule.ExpiresAfterDays;
            row[ScoringRuleColumns.Count] = rule.Count;
            row[ScoringRuleColumns.WithinDays] = rule.WithinDays;
            return row;
        }

        private static string Bands(IEnumerable<int> bands) => string.Join(",", bands.Select(b => b.ToString(CultureInfo.InvariantCulture)));
    }
}
