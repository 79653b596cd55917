using System;
using System.Diagnostics;
using LeadScoring.Dataverse;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Steps
{
    /// <summary>
    /// ls_scoringmodel Update of ls_status (PostOperation, asynchronous): when a model becomes Active,
    /// recalculate open leads page by page for up to TimeBudget. What is left, the decay job
    /// (ls_ApplyScoreDecay, nightly) finishes: it picks up every lead not yet scored by the active model.
    /// </summary>
    public sealed class RecalculateOnActivationPlugin : PluginBase
    {
        /// <summary>Well inside the 2-minute limit of a plug-in execution.</summary>
        public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(90);

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var status = local.PostImage?.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status)?.Value;
            if (status != ModelStatusValues.Active)
            {
                return;
            }

            var job = new DecayJob(local.SystemService, local.Models, local.Scorer);
            var watch = Stopwatch.StartNew();
            var leads = 0;
            var page = job.RunPage(local.Now, DecayJob.DefaultPageSize, null);
            leads += page.LeadsProcessed;
            while (!page.Done && watch.Elapsed < TimeBudget)
            {
                page = job.RunPage(local.Now, DecayJob.DefaultPageSize, page.Continuation);
                leads += page.LeadsProcessed;
            }

            local.Trace("Model activated: {0} leads recalculated{1}.", leads, page.Done ? "" : "; the nightly decay job recalculates the rest");
        }
    }
}
