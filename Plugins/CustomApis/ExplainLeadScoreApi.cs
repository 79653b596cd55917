using LeadScoring.Dataverse;
using LeadScoring.Steps;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.CustomApis
{
    /// <summary>
    /// ls_ExplainLeadScore (bound to lead; Top, ModelId optional): the score card's data as JSON.
    /// With ModelId it is a what-if: the lead under that model (fit, caps, thresholds and grades of
    /// that model over the lead's engagement history), written nowhere.
    /// </summary>
    public sealed class ExplainLeadScoreApi : PluginBase
    {
        public const int DefaultTop = 5;

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var lead = LeadApi.Target(local);
            var top = local.Context.InputParameters.Contains(CustomApi.Top) ? local.Input<int>(CustomApi.Top) : DefaultTop;
            if (top < 1 || top > 50)
            {
                throw new InvalidPluginExecutionException("Top must be between 1 and 50; got " + top + ".");
            }

            var modelId = local.Input<EntityReference>(CustomApi.ModelId);
            var model = modelId != null ? local.Models.Load(modelId.Id, local.Now) : local.Models.Active(local.Now);
            if (model == null)
            {
                throw new InvalidPluginExecutionException("No scoring model is active. Ask a Lead Scoring Admin to activate one.");
            }

            // Explaining reads; it never writes, so a sales rep can explain any lead they can read.
            var outcome = new LeadScorer(local.UserService, local.Models, local.Tracing).WhatIf(lead.Id, model, local.Now);
            local.Output(CustomApi.Explanation, ExplanationJson.Write(lead.Id, outcome, top, local.Now));
        }
    }
}
