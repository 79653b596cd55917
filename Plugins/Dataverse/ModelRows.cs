using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadScoring.Dataverse
{
    /// <summary>Writes a scoring model into the configuration tables as a new Draft (the inverse of ModelStore).</summary>
    public static class ModelRows
    {
        /// <summary>The most rows one import writes: ExecuteTransaction's limit of 1,000 requests.</summary>
        public const int MaxRows = 1000;

        /// <summary>
        /// Creates the model, its rules and their conditions in one ExecuteTransaction; returns the new model's id.
        /// Plug-ins validate each row as it is saved. All or nothing: when a row is refused, the platform rolls
        /// back every row of the transaction and the refusal is rethrown, naming the row. A model that needs more
        /// than <see cref="MaxRows"/> rows is refused before anything is written.
        /// https://learn.microsoft.com/power-apps/developer/data-platform/org-service/use-executetransaction
        /// </summary>
        public static Guid Create(IOrganizationService service, ScoringModel model)
        {
            var rows = Rows(model);
            if (rows.Count > MaxRows)
            {
                throw new ScoringException("The model '" + model.Name + "' version " + model.Version + " needs " + rows.Count + " rows (1 model, " + model.Rules.Count + " rules, " +
                    (rows.Count - 1 - model.Rules.Count) + " conditions); one import writes at most " + MaxRows + " in a single transaction. Use fewer rules or conditions.");
            }

            var request = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection(), ReturnResponses = false };
            foreach (var row in rows)
            {
                request.Requests.Add(new CreateRequest { Target = row.Row });
            }

            try
            {
                service.Execute(request);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail is ExecuteTransactionFault failed && failed.FaultedRequestIndex >= 0 && failed.FaultedRequestIndex < rows.Count)
            {
                throw new FaultException<OrganizationServiceFault>(failed, new FaultReason(rows[failed.FaultedRequestIndex].What + " was refused, so nothing was written: " + fault.Message));
            }

            return rows[0].Row.Id;
        }

        /// <summary>The rows of a model, each with its own id (so a rule's conditions can name it) and what it is, for messages.</summary>
        private static List<PlannedRow> Rows(ScoringModel model)
        {
            var ids = new SequentialIds();
            var modelRow = ModelRow(model);
            modelRow.Id = ids.Next();
            var rows = new List<PlannedRow> { new PlannedRow(modelRow, "The model row") };
            foreach (var rule in model.Rules)
            {
                var ruleRow = RuleRow(rule);
                ruleRow.Id = ids.Next();
                ruleRow[ScoringRuleColumns.ScoringModelId] = new EntityReference(ScoringModelColumns.Table, modelRow.Id);
                rows.Add(new PlannedRow(ruleRow, "Rule '" + rule.Id + "'"));
                for (var i = 0; i < rule.Conditions.Count; i++)
                {
                    var condition = rule.Conditions[i];
                    var conditionRow = new Entity(ScoringConditionColumns.Table) { Id = ids.Next() };
                    conditionRow[ScoringConditionColumns.ScoringRuleId] = new EntityReference(ScoringRuleColumns.Table, ruleRow.Id);
                    conditionRow[ScoringConditionColumns.Attribute] = condition.Attribute;
                    conditionRow[ScoringConditionColumns.ColumnTable] = condition.Table;
                    conditionRow[ScoringConditionColumns.Operator] = new OptionSetValue(ConditionOperatorValues.EqualsTo + (int)condition.Operator);
                    conditionRow[ScoringConditionColumns.Value] = condition.Values.Count == 0 ? null : ConditionValueText.Format(condition.Values);
                    rows.Add(new PlannedRow(conditionRow, "Condition " + (i + 1) + " of rule '" + rule.Id + "'"));
                }
            }

            return rows;
        }

        private sealed class PlannedRow
        {
            public PlannedRow(Entity row, string what)
            {
                Row = row;
                What = what;
            }

            public Entity Row { get; }

            public string What { get; }
        }

        /// <summary>
        /// Ids chosen by the caller, as Create allows, because the requests of one transaction cannot read each
        /// other's responses. They share 12 random bytes and count up in the first four, so rows created in the
        /// same instant still sort in the order they were written (conditions are read by createdon, then id).
        /// </summary>
        private sealed class SequentialIds
        {
            private readonly byte[] tail = Guid.NewGuid().ToByteArray();
            private int next;

            public Guid Next()
            {
                var bytes = (byte[])tail.Clone();
                BitConverter.GetBytes(++next).CopyTo(bytes, 0);
                return new Guid(bytes);
            }
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
