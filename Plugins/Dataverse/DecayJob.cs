using System;
using System.Linq;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// The nightly job, one page at a time so each call stays well inside the 2-minute plug-in limit:
    /// open leads whose next scoring change (a decay debit or an expiry, kept on the lead by every
    /// scoring) is due, and open leads not yet scored by the active model (so activating a model
    /// recalculates them in the background). Leads with nothing due are not read at all. The page's
    /// rows carry every column scoring needs, so a lead costs no extra read.
    /// </summary>
    public sealed class DecayJob
    {
        /// <summary>How far ahead of the server's clock a caller's AsOf may be (clocks of callers drift).</summary>
        public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

        public const int DefaultPageSize = 250;
        public const int MaxPageSize = 1000;

        private readonly IOrganizationService service;
        private readonly ModelStore models;
        private readonly LeadScorer scorer;

        public DecayJob(IOrganizationService service, ModelStore models, LeadScorer scorer)
        {
            this.service = service;
            this.models = models;
            this.scorer = scorer;
        }

        /// <param name="outOfTime">Asked before each lead: when it answers true the page stops there and the continuation resumes after the last lead done.</param>
        public DecayPage RunPage(DateTime asOf, int pageSize, string? continuation, Func<bool>? outOfTime = null)
        {
            if (pageSize < 1 || pageSize > MaxPageSize)
            {
                throw new ScoringException("PageSize must be between 1 and " + MaxPageSize + "; got " + pageSize + ".");
            }

            Guid after = Guid.Empty;
            if (!string.IsNullOrEmpty(continuation) && !Guid.TryParse(continuation, out after))
            {
                throw new ScoringException("Continuation must be the value a previous call returned (a lead id); got '" + continuation + "'.");
            }

            var active = models.Active(asOf);
            if (active == null)
            {
                return new DecayPage(0, 0, "");
            }

            var rows = service.RetrieveMultiple(PageQuery(active, asOf, pageSize, after)).Entities;
            var debited = 0;
            var done = 0;
            foreach (var lead in rows)
            {
                if (done > 0 && outOfTime != null && outOfTime())
                {
                    return new DecayPage(done, debited, rows[done - 1].Id.ToString("D"));
                }

                done++;
                var scoredByActive = lead.GetAttributeValue<EntityReference>(LeadColumns.ScoringModelId)?.Id == active.Id;
                Trigger trigger = scoredByActive ? new Trigger.DecayDue() : new Trigger.Recalculation();
                var outcome = scorer.Score(lead.Id, trigger, asOf, lead);
                debited -= outcome?.Result.NewEvents.Where(e => e.Kind == ScoreEventKind.Decay).Sum(e => e.Points) ?? 0;
            }

            var next = rows.Count == pageSize ? rows[rows.Count - 1].Id.ToString("D") : "";
            return new DecayPage(rows.Count, debited, next);
        }

        private static QueryExpression PageQuery(StoredModel active, DateTime asOf, int pageSize, Guid after)
        {
            var query = new QueryExpression(LeadColumns.Table) { ColumnSet = new ColumnSet(LeadRecord.ColumnsToRetrieve(active.Model)), TopCount = pageSize };
            query.AddOrder(LeadColumns.Id, OrderType.Ascending);
            query.Criteria.AddCondition(LeadColumns.StateCode, ConditionOperator.Equal, 0);
            if (after != Guid.Empty)
            {
                query.Criteria.AddCondition(LeadColumns.Id, ConditionOperator.GreaterThan, after);
            }

            var due = query.Criteria.AddFilter(LogicalOperator.Or);
            var notScoredByActive = due.AddFilter(LogicalOperator.Or);
            notScoredByActive.AddCondition(LeadColumns.ScoringModelId, ConditionOperator.Null);
            notScoredByActive.AddCondition(LeadColumns.ScoringModelId, ConditionOperator.NotEqual, active.Id);
            due.AddCondition(LeadColumns.NextScoreChangeOn, ConditionOperator.LessEqual, asOf);

            return query;
        }
    }
}
