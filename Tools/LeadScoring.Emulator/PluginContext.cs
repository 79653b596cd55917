using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Emulator
{
    // Why: what a plug-in sees of the platform. The execution context is filled the way the event
    // pipeline fills it; the service provider hands out the context, tracing and the service
    // factory; the organization service a plug-in gets runs its calls at depth + 1, as the chosen
    // user, inside the plug-in's transaction, and counts them against the plug-in's execution.
    // Context: https://learn.microsoft.com/power-apps/developer/data-platform/understand-the-data-context

    internal sealed class PluginContext : IPluginExecutionContext
    {
        public int Mode { get; set; }
        public int IsolationMode => 2; // sandbox
        public int Depth { get; set; }
        public string MessageName { get; set; } = "";
        public string PrimaryEntityName { get; set; } = "none";
        public Guid? RequestId { get; set; }
        public string SecondaryEntityName => "none";
        public ParameterCollection InputParameters { get; set; } = new ParameterCollection();
        public ParameterCollection OutputParameters { get; set; } = new ParameterCollection();
        public ParameterCollection SharedVariables { get; set; } = new ParameterCollection();
        public Guid UserId { get; set; }
        public Guid InitiatingUserId { get; set; }
        public Guid BusinessUnitId { get; set; }
        public Guid OrganizationId { get; set; }
        public string OrganizationName { get; set; } = "";
        public Guid PrimaryEntityId { get; set; }
        public EntityImageCollection PreEntityImages { get; set; } = new EntityImageCollection();
        public EntityImageCollection PostEntityImages { get; set; } = new EntityImageCollection();
        public EntityReference? OwningExtension { get; set; }
        public Guid CorrelationId { get; set; }
        public bool IsExecutingOffline => false;
        public bool IsOfflinePlayback => false;
        public bool IsInTransaction { get; set; }
        public Guid OperationId { get; set; }
        public DateTime OperationCreatedOn { get; set; }
        public int Stage { get; set; }
        public IPluginExecutionContext? ParentContext { get; set; }

        /// <summary>The database transaction the plug-in runs in; null outside one (PreValidation at depth 1, async).</summary>
        internal Transaction? Transaction { get; set; }

        /// <summary>A context for one step: same operation, same parameter collections, its own images.</summary>
        public PluginContext ForStep(Registration? step, int stage, int mode)
        {
            var copy = (PluginContext)MemberwiseClone();
            copy.Stage = stage;
            copy.Mode = mode;
            copy.PreEntityImages = new EntityImageCollection();
            copy.PostEntityImages = new EntityImageCollection();
            copy.OwningExtension = step == null ? null : new EntityReference("sdkmessageprocessingstep", step.Id) { Name = step.Name };
            return copy;
        }

        /// <summary>The context an async job keeps: a serialized copy of the operation's context at queue time.</summary>
        public PluginContext Snapshot()
        {
            var copy = (PluginContext)MemberwiseClone();
            copy.InputParameters = CopyParameters(InputParameters);
            copy.OutputParameters = CopyParameters(OutputParameters);
            copy.SharedVariables = CopyParameters(SharedVariables);
            copy.PreEntityImages = new EntityImageCollection();
            copy.PostEntityImages = new EntityImageCollection();
            foreach (var image in PreEntityImages)
            {
                copy.PreEntityImages[image.Key] = Values.Clone(image.Value);
            }
            foreach (var image in PostEntityImages)
            {
                copy.PostEntityImages[image.Key] = Values.Clone(image.Value);
            }
            return copy;
        }

        public static ParameterCollection CopyParameters(ParameterCollection source)
        {
            var copy = new ParameterCollection();
            foreach (var pair in source)
            {
                copy[pair.Key] = Values.CloneValue(pair.Value);
            }
            return copy;
        }
    }

    /// <summary>Who is calling: the user, the plug-in execution (if any) and its transaction.</summary>
    internal sealed class Caller
    {
        public Caller(Guid userId, Guid initiatingUserId, PluginContext? context, PluginExecution? execution)
        {
            UserId = userId;
            InitiatingUserId = initiatingUserId;
            Context = context;
            Execution = execution;
        }

        /// <summary>The same caller inside a transaction it opened (ExecuteTransaction).</summary>
        public Caller InTransaction(Transaction transaction) => new(UserId, InitiatingUserId, Context, Execution) { opened = transaction };

        private Transaction? opened;

        public Guid UserId { get; }
        public Guid InitiatingUserId { get; }

        /// <summary>The context of the plug-in making the call; null for calls from outside.</summary>
        public PluginContext? Context { get; }

        public PluginExecution? Execution { get; }
        public Transaction? Transaction => Context?.Transaction ?? opened;

        /// <summary>The depth of the operation this caller starts.</summary>
        public int Depth => Context == null ? 1 : Context.Depth + 1;
    }

    /// <summary>IOrganizationService over the emulated organization, for one caller.</summary>
    internal sealed class OrganizationService : IOrganizationService
    {
        private readonly EmulatedOrganization organization;
        private readonly Caller caller;

        public OrganizationService(EmulatedOrganization organization, Caller caller)
        {
            this.organization = organization;
            this.caller = caller;
        }

        public Guid Create(Entity entity) => (Guid)Execute(new CreateRequest { Target = entity }).Results["id"];

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
            (Entity)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet }).Results["Entity"];

        public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

        public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

        public EntityCollection RetrieveMultiple(QueryBase query) =>
            (EntityCollection)Execute(new RetrieveMultipleRequest { Query = query }).Results["EntityCollection"];

        public OrganizationResponse Execute(OrganizationRequest request) => organization.Execute(request, caller);

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException("The emulator does not implement Associate; create the intersect rows instead (see EmulatedOrganization.AddUser for systemuserroles).");

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException("The emulator does not implement Disassociate; delete the intersect rows instead.");
    }

    /// <summary>What IPlugin.Execute receives.</summary>
    internal sealed class ServiceProvider : IServiceProvider, ITracingService, IOrganizationServiceFactory
    {
        private readonly EmulatedOrganization organization;
        private readonly PluginContext context;
        private readonly PluginExecution execution;

        public ServiceProvider(EmulatedOrganization organization, PluginContext context, PluginExecution execution)
        {
            this.organization = organization;
            this.context = context;
            this.execution = execution;
        }

        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext))
            {
                return context;
            }
            if (serviceType == typeof(ITracingService))
            {
                return this;
            }
            if (serviceType == typeof(IOrganizationServiceFactory))
            {
                return this;
            }
            if (serviceType == typeof(Func<TimeSpan>))
            {
                return new Func<TimeSpan>(() => organization.ExecutionTimeOf(execution)); // the emulator's virtual execution clock (ExecutionClock.cs)
            }
            return null;
        }

        public void Trace(string format, params object[] args) =>
            execution.AddTrace(args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));

        // null = SYSTEM, Guid.Empty = the context's user, anything else = that user:
        // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iorganizationservicefactory.createorganizationservice
        public IOrganizationService CreateOrganizationService(Guid? userId)
        {
            var user = userId == null ? organization.SystemUserId : userId == Guid.Empty ? context.UserId : userId.Value;
            return new OrganizationService(organization, new Caller(user, context.InitiatingUserId, context, execution));
        }
    }
}
