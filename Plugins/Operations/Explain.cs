using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Operations
{
    /// <summary>
    /// The score card's data as JSON (ls_ExplainLeadScore). With a model id it is a what-if: the lead
    /// under that model (fit, caps, thresholds and grades of that model over the lead's engagement
    /// history), written nowhere.
    /// </summary>
    public static class Explain
    {
        public const int DefaultTop = 5;

        public static string Run(ScoringServices services, EntityReference? target, int? top, EntityReference? modelId)
        {
            var lead = LeadOperation.Lead(CustomApi.ExplainLeadScore, target);
            var count = top ?? DefaultTop;
            if (count < OperationMessages.MinTop || count > OperationMessages.MaxTop)
            {
                throw new ScoringException(OperationMessages.Top(count));
            }

            if (modelId != null && !services.Models.Exists(modelId.Id))
            {
                throw new ScoringException(OperationMessages.UnknownModel(modelId.Id));
            }

            var model = (modelId != null ? services.Models.Load(modelId.Id, services.Now) : services.Models.Active(services.Now))
                ?? throw new ScoringException(OperationMessages.NoActiveModel);

            // Whoever may read the lead may have it explained: reading it as the caller lets the platform
            // refuse anyone else. Scoring then reads as SYSTEM, because columns it needs (last engagement,
            // unanswered emails, hand-back date) are field-secured and read as null for a caller outside
            // the score readers profile. The explanation shows points and reasons that the ledger
            // (ls_scoreevent, readable with the Lead Scoring User role) already shows.
            services.UserService.Retrieve(LeadColumns.Table, lead.Id, new ColumnSet(LeadColumns.Id));
            var outcome = services.Scorer.WhatIf(lead.Id, model, services.Now);
            return ExplanationJson.Write(lead.Id, outcome, count, services.Now);
        }
    }
}
