using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// The records regarding a lead that the model's engagement rules watch, as they are now, for an
    /// exact recalculation: each as created at the time it happened (interactions: ls_occurredon;
    /// emails, appointments and phone calls: createdon, when the activity step first scored them). Dataverse keeps
    /// the current row, not its history, so a change made after creation (an email clicked later)
    /// is replayed as if it had been there from the start. Only the tables the model watches are read,
    /// with only the columns its rules and the email signals need, page by page.
    /// </summary>
    public static class SourceRecords
    {
        public const string CreatedOn = "createdon";

        public static IReadOnlyList<Activity> Read(IOrganizationService service, Guid leadId, ScoringModel model)
        {
            var activities = new List<Activity>();
            foreach (var table in new[] { EmailColumns.Table, AppointmentColumns.Table, PhoneCallColumns.Table, InteractionColumns.Table })
            {
                var columns = Columns(model, table);
                if (columns.Count == 0)
                {
                    continue; // no rule watches this table: nothing to read
                }

                var isInteraction = table == InteractionColumns.Table;
                var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns.Concat(new[] { CreatedOn, isInteraction ? InteractionColumns.OccurredOn : CreatedOn }).Distinct().ToArray()) };
                query.Criteria.AddCondition(isInteraction ? InteractionColumns.LeadId : EmailColumns.RegardingObjectId, ConditionOperator.Equal, leadId);
                query.AddOrder(CreatedOn, OrderType.Ascending);
                foreach (var row in Paging.RetrieveAll(service, query))
                {
                    var createdOn = row.GetAttributeValue<DateTime?>(CreatedOn);
                    var occurredOn = (isInteraction ? ActivityChange.InteractionMoment(row.GetAttributeValue<DateTime?>(InteractionColumns.OccurredOn), createdOn) : null) ?? createdOn ?? DateTime.MinValue;
                    activities.Add(ActivityChange.Of(table, row.Id.ToString("D"), DateTime.SpecifyKind(occurredOn, DateTimeKind.Utc), PlainValues.Of(row), null, "create"));
                }
            }

            return activities;
        }

        private static List<string> Columns(ScoringModel model, string table)
        {
            var rules = model.Rules.Where(r => r.Category == Category.Engagement && r.Kind == RuleKind.Conditions && string.Equals(r.Table, table, StringComparison.OrdinalIgnoreCase)).ToList();
            var columns = rules.SelectMany(r => r.Conditions.Where(c => !c.IsPersona(r))).Select(c => c.Attribute).ToList(); // persona conditions read the lead
            var watched = rules.Count > 0;
            if (table == EmailColumns.Table && model.Rules.Any(r => r.Kind == RuleKind.UnansweredEmails))
            {
                columns.AddRange(ActivityChange.EmailSignalColumns);
                watched = true;
            }

            return watched ? columns.Distinct(StringComparer.Ordinal).DefaultIfEmpty(CreatedOn).ToList() : new List<string>();
        }
    }
}
