using System;
using LeadScoring.Dataverse;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Platform
{
    /// <summary>What one plug-in execution needs: the context, its images and parameters, and the shared <see cref="ScoringServices"/>.</summary>
    public sealed class LocalPluginContext
    {
        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            Context = Get<IPluginExecutionContext>(serviceProvider);
            Tracing = Get<ITracingService>(serviceProvider);
            // Dataverse supplies no execution clock (GetService answers null) and the stopwatch is used; the emulator supplies its virtual one.
            var executionTime = serviceProvider.GetService(typeof(Func<TimeSpan>)) as Func<TimeSpan>;
            Services = new ScoringServices(Get<IOrganizationServiceFactory>(serviceProvider), Context.UserId, Context.OrganizationId, Tracing, Context.OperationCreatedOn, Context.IsInTransaction, executionTime);
        }

        public IPluginExecutionContext Context { get; }

        public ITracingService Tracing { get; }

        public ScoringServices Services { get; }

        public IOrganizationService UserService => Services.UserService;

        public IOrganizationService SystemService => Services.SystemService;

        public DateTime Now => Services.Now;

        public LeadScorer Scorer => Services.Scorer;

        public ModelStore Models => Services.Models;

        public Entity? Target => Context.InputParameters.Contains("Target") ? Context.InputParameters["Target"] as Entity : null;

        public EntityReference? TargetReference => Context.InputParameters.Contains("Target") ? Context.InputParameters["Target"] as EntityReference : null;

        public Entity? PreImage => Context.PreEntityImages.Contains("PreImage") ? Context.PreEntityImages["PreImage"] : null;

        public Entity? PostImage => Context.PostEntityImages.Contains("PostImage") ? Context.PostEntityImages["PostImage"] : null;

        /// <summary>
        /// The product wrote this from inside a plug-in (depth 2 or more) through the SYSTEM service, so the
        /// write's user differs from the user who started the chain; a person, an import or an integration
        /// runs at depth 1 as themself. Depth and InitiatingUserId:
        /// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth
        /// </summary>
        public bool IsProductWrite => Context.Depth > 1 && Context.UserId != Context.InitiatingUserId;

        /// <summary>"created", "changed" or "deleted": what the step's message does to its row, for a refusal.</summary>
        public string MessageVerb => Context.MessageName == "Create" ? "created" : Context.MessageName == "Update" ? "changed" : "deleted";

        public bool Has(string name) => Context.InputParameters.Contains(name) && Context.InputParameters[name] != null;

        public T Input<T>(string name) => Context.InputParameters.Contains(name) && Context.InputParameters[name] is T value ? value : default!;

        public void Output(string name, object? value) => Context.OutputParameters[name] = value;

        public void Trace(string format, params object?[] args) => Tracing.Trace(format, args!);

        private static T Get<T>(IServiceProvider serviceProvider) where T : class =>
            serviceProvider.GetService(typeof(T)) as T ?? throw new InvalidPluginExecutionException("The platform did not supply " + typeof(T).Name + ".");
    }
}
