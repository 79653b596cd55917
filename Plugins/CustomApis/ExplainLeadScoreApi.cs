using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.CustomApis
{
    /// <summary>ls_ExplainLeadScore (bound to lead; Top, ModelId optional): the score card's data as JSON, or a what-if under another model.</summary>
    public sealed class ExplainLeadScoreApi : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { new PluginEvent(CustomApi.ExplainLeadScore, LeadColumns.Table, PluginEvent.MainOperation, false) };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var top = local.Has(CustomApi.Top) ? local.Input<int>(CustomApi.Top) : (int?)null;
            local.Output(CustomApi.Explanation, Explain.Run(local.Services, local.TargetReference, top, local.Input<EntityReference>(CustomApi.ModelId)));
        }
    }
}
