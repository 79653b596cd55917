using System;
using LeadScoring.Dataverse;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Workbench.Connection
{
    /// <summary>A batch that stopped part-way: how far it got and where to resume.</summary>
    internal sealed class JobStoppedException : Exception
    {
        public JobStoppedException(int done, string resume, Exception cause)
            : base(cause.Message, cause)
        {
            Done = done;
            Resume = resume;
        }

        public int Done { get; }

        /// <summary>The value to resume with: the last lead id done (recalculate --after) or the decay continuation (decay --continuation).</summary>
        public string Resume { get; }
    }

    /// <summary>
    /// The batch jobs the workbench runs against an org, over any IOrganizationService (a
    /// Dataverse connection wrapped in <see cref="RetryingOrganizationService"/>, or the emulator in
    /// tests): they call the product's Custom APIs, so the org's own plug-ins do the scoring.
    /// Both can resume where a stopped run left off.
    /// </summary>
    internal static class ScoringJobs
    {
        public const int DefaultPageSize = 250;

        /// <summary>ls_RecalculateLeadScore for every open lead with an id above <paramref name="after"/>, in id order, a page of leads at a time.</summary>
        public static int Recalculate(IOrganizationService service, Guid after, int pageSize, Action<int>? progress = null)
        {
            int done = 0;
            var last = after;
            while (true)
            {
                var query = new QueryExpression(LeadColumns.Table) { ColumnSet = new ColumnSet(false), TopCount = pageSize };
                query.Criteria.AddCondition(LeadColumns.StateCode, ConditionOperator.Equal, 0);
                if (last != Guid.Empty)
                {
                    query.Criteria.AddCondition(LeadColumns.Id, ConditionOperator.GreaterThan, last);
                }

                query.AddOrder(LeadColumns.Id, OrderType.Ascending);
                var page = Stopping(() => service.RetrieveMultiple(query).Entities, done, last);
                foreach (var lead in page)
                {
                    var request = new OrganizationRequest(CustomApi.RecalculateLeadScore);
                    request[CustomApi.Target] = new EntityReference(LeadColumns.Table, lead.Id);
                    Stopping(() => service.Execute(request), done, last);
                    last = lead.Id;
                    done++;
                    progress?.Invoke(done);
                }

                if (page.Count < pageSize)
                {
                    return done;
                }
            }
        }

        /// <summary>ls_ApplyScoreDecay page after page from <paramref name="continuation"/> until it comes back empty; returns the leads processed.</summary>
        public static int Decay(IOrganizationService service, DateTime? asOf, int pageSize, string continuation, Action<int>? progress = null)
        {
            int done = 0;
            do
            {
                var request = new OrganizationRequest(CustomApi.ApplyScoreDecay);
                request[CustomApi.PageSize] = pageSize;
                request[CustomApi.Continuation] = continuation;
                if (asOf is DateTime at)
                {
                    request[CustomApi.AsOf] = at;
                }

                string from = continuation;
                var response = Stopping(() => service.Execute(request), done, from);
                done += response.Results.TryGetValue(CustomApi.LeadsProcessed, out var processed) && processed is int n ? n : 0;
                continuation = response.Results.TryGetValue(CustomApi.Continuation, out var next) ? next as string ?? "" : "";
                progress?.Invoke(done);
            }
            while (continuation.Length > 0);

            return done;
        }

        private static T Stopping<T>(Func<T> call, int done, Guid last) => Stopping(call, done, last == Guid.Empty ? "" : last.ToString("D"));

        private static T Stopping<T>(Func<T> call, int done, string resume)
        {
            try
            {
                return call();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new JobStoppedException(done, resume, e);
            }
        }
    }
}
