using LeadScoring.Dataverse;
using LeadScoring.Steps;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

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

            // Whoever may read the lead may have it explained: reading it as the caller lets the platform
            // refuse anyone else. Scoring then reads as SYSTEM, because the score columns it needs (last
            // engagement, unanswered emails, hand-back date) are field-secured and read as null for a caller
            // outside the score readers profile. The explanation shows points and reasons that the ledger
            // (ls_scoreevent, readable with the Lead Scoring User role) already shows.
            local.UserService.Retrieve(LeadColumns.Table, lead.Id, new ColumnSet(LeadColumns.Id));
            var outcome = new LeadScorer(local.SystemService, local.Models, local.Tracing).WhatIf(lead.Id, model, local.Now);
            local.Output(CustomApi.Explanation, ExplanationJson.Write(lead.Id, outcome, top, local.Now));
        }
    }
}
