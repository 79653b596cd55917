using System.Activities;
using LeadScoring.Operations;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadScoring.Workflow
{
    /// <summary>Hand back a lead to marketing, for classic workflows: the same operation as ls_HandBackLead.</summary>
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
            var outcome = WorkflowServices.Run(() => HandBack.Run(WorkflowServices.Of(context), Lead.Get(context), Reason.Get(context)));
            Score.Set(context, outcome.Result.State.Score);
        }
    }
}
