using System;
using System.Activities;
using LeadScoring.Dataverse;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadScoring.Workflow
{
    /// <summary>What a custom workflow activity needs, from the extensions the workflow host supplies.</summary>
    internal sealed class WorkflowServices
    {
        public WorkflowServices(CodeActivityContext executionContext)
        {
            Context = executionContext.GetExtension<IWorkflowContext>();
            Tracing = executionContext.GetExtension<ITracingService>();
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>();
            UserService = factory.CreateOrganizationService(Context.UserId);
            SystemService = factory.CreateOrganizationService(null);
            Models = new ModelStore(SystemService, Context.OrganizationId);
            Scorer = new LeadScorer(SystemService, Models, Tracing);
        }

        public IWorkflowContext Context { get; }

        public ITracingService Tracing { get; }

        public IOrganizationService UserService { get; }

        public IOrganizationService SystemService { get; }

        public ModelStore Models { get; }

        public LeadScorer Scorer { get; }

        public DateTime Now => DateTime.SpecifyKind(Context.OperationCreatedOn, DateTimeKind.Utc);
    }
}
