using System;
using System.Activities;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadScoring.Platform
{
    /// <summary>What a custom workflow activity needs: the shared <see cref="ScoringServices"/>, from the extensions the workflow host supplies.</summary>
    public static class WorkflowServices
    {
        public static ScoringServices Of(CodeActivityContext executionContext)
        {
            var context = executionContext.GetExtension<IWorkflowContext>();
            var tracing = executionContext.GetExtension<ITracingService>();
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>();
            return new ScoringServices(factory, context.UserId, context.OrganizationId, tracing, context.OperationCreatedOn, context.IsInTransaction);
        }

        /// <summary>Runs an operation, showing the product's own errors (bad input) as the message the user sees.</summary>
        public static T Run<T>(Func<T> operation)
        {
            try
            {
                return operation();
            }
            catch (ScoringException e)
            {
                throw new InvalidPluginExecutionException(e.Message, e);
            }
        }
    }
}
