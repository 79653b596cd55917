using System;
using LeadScoring.Dataverse;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Steps
{
    /// <summary>What one execution needs: the context, the services (as the caller and as SYSTEM), tracing and the time of the operation.</summary>
    public sealed class LocalPluginContext
    {
        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            Context = Get<IPluginExecutionContext>(serviceProvider);
            Tracing = Get<ITracingService>(serviceProvider);
            var factory = Get<IOrganizationServiceFactory>(serviceProvider);
            UserService = factory.CreateOrganizationService(Context.UserId);

            // Score columns are field-secured: scoring writes them as SYSTEM, whoever caused the change.
            SystemService = factory.CreateOrganizationService(null);
        }

        public IPluginExecutionContext Context { get; }

        public ITracingService Tracing { get; }

        public IOrganizationService UserService { get; }

        public IOrganizationService SystemService { get; }

        /// <summary>When the operation happened: the one notion of "now" the steps use (deterministic under the emulator's clock).</summary>
        public DateTime Now => DateTime.SpecifyKind(Context.OperationCreatedOn, DateTimeKind.Utc);

        public LeadScorer Scorer => new LeadScorer(SystemService, Models, Tracing, Context.IsInTransaction);

        public ModelStore Models => new ModelStore(SystemService, Context.OrganizationId);

        public Entity? Target => Context.InputParameters.Contains("Target") ? Context.InputParameters["Target"] as Entity : null;

        public EntityReference? TargetReference => Context.InputParameters.Contains("Target") ? Context.InputParameters["Target"] as EntityReference : null;

        public Entity? PreImage => Context.PreEntityImages.Contains("PreImage") ? Context.PreEntityImages["PreImage"] : null;

        public Entity? PostImage => Context.PostEntityImages.Contains("PostImage") ? Context.PostEntityImages["PostImage"] : null;

        public T Input<T>(string name) => Context.InputParameters.Contains(name) && Context.InputParameters[name] is T value ? value : default!;

        public void Output(string name, object? value) => Context.OutputParameters[name] = value;

        public void Trace(string format, params object?[] args) => Tracing.Trace(format, args!);

        private static T Get<T>(IServiceProvider serviceProvider) where T : class =>
            serviceProvider.GetService(typeof(T)) as T ?? throw new InvalidPluginExecutionException("The platform did not supply " + typeof(T).Name + ".");
    }
}
