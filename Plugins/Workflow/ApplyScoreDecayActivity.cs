using System.Activities;
using LeadScoring.Operations;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadScoring.Workflow
{
    /// <summary>
    /// Run the decay job from a classic workflow: pages until done or until the time budget is spent
    /// (well inside the 2-minute limit); a non-empty Continuation means run it again with it.
    /// </summary>
    public sealed class ApplyScoreDecayActivity : CodeActivity
    {
        [Input("Page size")]
        [Default("250")]
        public InArgument<int> PageSize { get; set; } = new InArgument<int>();

        [Input("Continuation")]
        public InArgument<string> Continuation { get; set; } = new InArgument<string>();

        [Output("Leads processed")]
        public OutArgument<int> LeadsProcessed { get; set; } = new OutArgument<int>();

        [Output("Points debited")]
        public OutArgument<int> PointsDebited { get; set; } = new OutArgument<int>();

        [Output("Continuation")]
        public OutArgument<string> NextContinuation { get; set; } = new OutArgument<string>();

        protected override void Execute(CodeActivityContext context)
        {
            var run = WorkflowServices.Run(() => RunDecay.Run(WorkflowServices.Of(context), null, PageSize.Get(context), Continuation.Get(context), int.MaxValue));
            LeadsProcessed.Set(context, run.LeadsProcessed);
            PointsDebited.Set(context, run.PointsDebited);
            NextContinuation.Set(context, run.Continuation);
        }
    }
}
