using System.Activities;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadScoring.Workflow
{
    /// <summary>Hand back a lead to marketing, for classic workflows: a thin shell over LeadScorer.</summary>
    public sealed class HandBackLeadActivity : CodeActivity
    {
        [RequiredArgument]
        [Input("Lead")]
        [ReferenceTarget("lead")]
        public InArgument<EntityReference> Lead { get; set; } = new InArgument<EntityReference>();

        [RequiredArgument]
        [Input("Reason")]
        public InArgument<string> Reason { get; set; } = new InArgument<string>();

        [Output("Score")]
        public OutArgument<int> Score { get; set; } = new OutArgument<int>();

        protected override void Execute(CodeActivityContext context)
        {
            var services = new WorkflowServices(context);
            var lead = Lead.Get(context);
            var reason = Reason.Get(context);
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new InvalidPluginExecutionException("Reason is required to hand a lead back.");
            }

            var outcome = services.Scorer.Score(lead.Id, new Trigger.HandBack(reason), services.Now)
                ?? throw new InvalidPluginExecutionException("No scoring model is active. Ask a Lead Scoring Admin to activate one.");
            Score.Set(context, outcome.Result.State.Score);
        }
    }
}
