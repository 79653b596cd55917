using System;
using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using LeadScoring.Platform;

namespace LeadScoring.CustomApis
{
    /// <summary>
    /// ls_ApplyScoreDecay (unbound; AsOf, PageSize, Continuation optional): one page of the decay job,
    /// cut short when its time budget is spent. Call again with the returned Continuation until it comes back empty.
    /// </summary>
    public sealed class ApplyScoreDecayApi : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { new PluginEvent(CustomApi.ApplyScoreDecay, "none", PluginEvent.MainOperation, false) };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var asOf = local.Has(CustomApi.AsOf) ? DateTime.SpecifyKind(local.Input<DateTime>(CustomApi.AsOf), DateTimeKind.Utc) : (DateTime?)null;
            var pageSize = local.Has(CustomApi.PageSize) ? local.Input<int>(CustomApi.PageSize) : (int?)null;
            var run = RunDecay.Run(local.Services, asOf, pageSize, local.Input<string>(CustomApi.Continuation), maxPages: 1);
            local.Output(CustomApi.Continuation, run.Continuation);
            local.Output(CustomApi.LeadsProcessed, run.LeadsProcessed);
            local.Output(CustomApi.PointsDebited, run.PointsDebited);
        }
    }
}
