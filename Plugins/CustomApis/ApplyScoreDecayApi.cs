using System;
using System.Globalization;
using LeadScoring.Dataverse;
using LeadScoring.Steps;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.CustomApis
{
    /// <summary>
    /// ls_ApplyScoreDecay (unbound; AsOf, PageSize, Continuation optional): one page of the decay
    /// job. Call again with the returned Continuation until it comes back empty.
    /// </summary>
    public sealed class ApplyScoreDecayApi : PluginBase
    {
        protected override void ExecuteStep(LocalPluginContext local)
        {
            var asOf = local.Context.InputParameters.Contains(CustomApi.AsOf) ? DateTime.SpecifyKind(local.Input<DateTime>(CustomApi.AsOf), DateTimeKind.Utc) : local.Now;
            if (asOf > local.Now + DecayJob.ClockSkew)
            {
                // Decay as of a future moment would debit inactivity that has not happened yet.
                throw new InvalidPluginExecutionException("AsOf " + asOf.ToString("o", CultureInfo.InvariantCulture) + " is in the future; decay runs as of now or an earlier moment (at most " + DecayJob.ClockSkew.TotalMinutes + " minutes ahead, for clock skew).");
            }

            var pageSize = local.Context.InputParameters.Contains(CustomApi.PageSize) ? local.Input<int>(CustomApi.PageSize) : DecayJob.DefaultPageSize;
            var job = new DecayJob(local.SystemService, local.Models, local.Scorer);

            var page = job.RunPage(asOf, pageSize, local.Input<string>(CustomApi.Continuation));

            local.Output(CustomApi.Continuation, page.Continuation);
            local.Output(CustomApi.LeadsProcessed, page.LeadsProcessed);
            local.Output(CustomApi.PointsDebited, page.PointsDebited);
        }
    }
}
