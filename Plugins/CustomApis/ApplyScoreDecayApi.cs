using System;
using LeadScoring.Dataverse;
using LeadScoring.Steps;

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
            var pageSize = local.Context.InputParameters.Contains(CustomApi.PageSize) ? local.Input<int>(CustomApi.PageSize) : DecayJob.DefaultPageSize;
            var job = new DecayJob(local.SystemService, local.Models, local.Scorer);

            var page = job.RunPage(asOf, pageSize, local.Input<string>(CustomApi.Continuation));

            local.Output(CustomApi.Continuation, page.Continuation);
            local.Output(CustomApi.LeadsProcessed, page.LeadsProcessed);
            local.Output(CustomApi.PointsDebited, page.PointsDebited);
        }
    }
}
