using System;
using System.Activities;
using System.Diagnostics;
using LeadScoring.Dataverse;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadScoring.Workflow
{
    /// <summary>
    /// Run the decay job from a classic workflow: pages until done or until the time budget is
    /// spent (well inside the 2-minute limit); a non-empty Continuation means run it again with it.
    /// </summary>
    public sealed class ApplyScoreDecayActivity : CodeActivity
    {
        public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(90);

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
            var services = new WorkflowServices(context);
            var job = new DecayJob(services.SystemService, services.Models, services.Scorer);
            var pageSize = PageSize.Get(context);
            var watch = Stopwatch.StartNew();
            var leads = 0;
            var points = 0;
            var continuation = Continuation.Get(context);
            do
            {
                var page = job.RunPage(services.Now, pageSize < 1 ? DecayJob.DefaultPageSize : pageSize, continuation);
                leads += page.LeadsProcessed;
                points += page.PointsDebited;
                continuation = page.Continuation;
            }
            while (continuation.Length > 0 && watch.Elapsed < TimeBudget);

            LeadsProcessed.Set(context, leads);
            PointsDebited.Set(context, points);
            NextContinuation.Set(context, continuation);
        }
    }
}
