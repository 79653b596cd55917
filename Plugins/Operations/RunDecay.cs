using System;
using System.Globalization;
using LeadScoring.Dataverse;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Operations
{
    /// <summary>
    /// The decay job (which also recalculates leads not yet scored by the active model) within a time
    /// budget: page after page of open leads, the budget checked before every lead, so an execution
    /// stops well before the platform's two-minute limit, where it would be killed and rolled back
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/analyze-performance). What is
    /// left is named by the continuation; the next run starts there.
    /// </summary>
    public static class RunDecay
    {
        /// <summary>The platform stops every plug-in, Custom API and workflow-activity execution after two minutes.</summary>
        public static readonly TimeSpan ExecutionLimit = TimeSpan.FromMinutes(2);

        /// <summary>
        /// Stop starting leads after 90 s: the 30 s left cover the lead in flight many times over (about
        /// 100 ms for a lead due a debit at a pessimistic 20 ms a service call; docs/benchmarks.md).
        /// </summary>
        public static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

        /// <param name="maxPages">1 for a Custom API call (one page per call, the caller calls again); more for a job that runs on its own.</param>
        public static DecayPage Run(ScoringServices services, DateTime? asOf, int? pageSize, string? continuation, int maxPages)
        {
            var at = asOf ?? services.Now;
            if (at > services.Now + DecayJob.ClockSkew)
            {
                // Decay as of a future moment would debit inactivity that has not happened yet.
                throw new InvalidPluginExecutionException("AsOf " + at.ToString("o", CultureInfo.InvariantCulture) + " is in the future; decay runs as of now or an earlier moment (at most " + DecayJob.ClockSkew.TotalMinutes + " minutes ahead, for clock skew).");
            }

            var job = new DecayJob(services.SystemService, services.Models, services.Scorer);
            var leads = 0;
            var points = 0;
            var next = continuation ?? "";
            for (var pages = 0; pages < maxPages && (pages == 0 || next.Length > 0) && services.Elapsed < Budget; pages++)
            {
                var page = job.RunPage(at, pageSize ?? DecayJob.DefaultPageSize, next, () => services.Elapsed >= Budget);
                leads += page.LeadsProcessed;
                points += page.PointsDebited;
                next = page.Continuation;
            }

            services.Trace("Decay as of {0:u}: {1} leads, {2} points debited{3}.", at, leads, points, next.Length == 0 ? "" : "; continue from " + next);
            return new DecayPage(leads, points, next);
        }
    }
}
