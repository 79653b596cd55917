using System;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

// Small plug-ins the emulator specifications register through the JSON files in Configs/.
// Each takes its behaviour from the step's unsecure configuration, the way a real step would.
namespace LeadScoring.Tests.Emulator.Samples
{
    internal static class Plugin
    {
        public static IPluginExecutionContext Context(IServiceProvider services) =>
            (IPluginExecutionContext)services.GetService(typeof(IPluginExecutionContext))!;

        public static ITracingService Tracing(IServiceProvider services) =>
            (ITracingService)services.GetService(typeof(ITracingService))!;

        public static IOrganizationService Service(IServiceProvider services, Guid? userId) =>
            ((IOrganizationServiceFactory)services.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(userId);

        /// <summary>"column=value" → (column, value).</summary>
        public static (string Column, string Value) Setting(string? configuration)
        {
            var parts = (configuration ?? "").Split('=', 2);
            return (parts[0], parts.Length > 1 ? parts[1] : "");
        }

        public static Entity Target(IPluginExecutionContext context) => (Entity)context.InputParameters["Target"];

        public static EntityReference TargetReference(IPluginExecutionContext context) =>
            context.InputParameters["Target"] switch
            {
                Entity e => e.ToEntityReference(),
                EntityReference r => r,
                _ => throw new InvalidPluginExecutionException("No target."),
            };
    }

    /// <summary>Does nothing but trace where it ran.</summary>
    public sealed class RecordingPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = Plugin.Context(serviceProvider);
            Plugin.Tracing(serviceProvider).Trace("{0} of {1} at stage {2}, depth {3}", context.MessageName, context.PrimaryEntityName, context.Stage, context.Depth);
        }
    }

    /// <summary>Sets Target[column] = value (unsecure configuration "column=value").</summary>
    public sealed class SetColumnPlugin : IPlugin
    {
        private readonly string? configuration;

        public SetColumnPlugin(string? unsecure, string? secure)
        {
            configuration = unsecure;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var (column, value) = Plugin.Setting(configuration);
            Plugin.Target(Plugin.Context(serviceProvider))[column] = value;
        }
    }

    /// <summary>Throws when Target[column] equals value (unsecure configuration "column=value").</summary>
    public sealed class ThrowWhenPlugin : IPlugin
    {
        private readonly string? configuration;

        public ThrowWhenPlugin(string? unsecure, string? secure)
        {
            configuration = unsecure;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var (column, value) = Plugin.Setting(configuration);
            var target = Plugin.Target(Plugin.Context(serviceProvider));
            if (target.GetAttributeValue<string>(column) == value)
            {
                throw new InvalidPluginExecutionException($"{column} may not be '{value}'.");
            }
        }
    }

    /// <summary>Creates a task regarding the target; its subject is the unsecure configuration.</summary>
    public sealed class CreateTaskPlugin : IPlugin
    {
        private readonly string? subject;

        public CreateTaskPlugin(string? unsecure, string? secure)
        {
            subject = unsecure;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = Plugin.Context(serviceProvider);
            var target = Plugin.TargetReference(context);
            Plugin.Service(serviceProvider, context.UserId).Create(new Entity("task")
            {
                ["subject"] = subject,
                ["regardingobjectid"] = new EntityReference(target.LogicalName, context.PrimaryEntityId),
            });
        }
    }

    /// <summary>Creates two tasks regarding the target, one call after the other.</summary>
    public sealed class TwoTasksPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = Plugin.Context(serviceProvider);
            var service = Plugin.Service(serviceProvider, context.UserId);
            var regarding = new EntityReference(context.PrimaryEntityName, context.PrimaryEntityId);
            service.Create(new Entity("task") { ["subject"] = "first", ["regardingobjectid"] = regarding });
            service.Create(new Entity("task") { ["subject"] = "second", ["regardingobjectid"] = regarding });
        }
    }

    /// <summary>On Update, updates the same row again: an infinite loop the depth guard must stop.</summary>
    public sealed class SelfUpdatePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = Plugin.Context(serviceProvider);
            Plugin.Service(serviceProvider, null).Update(new Entity(context.PrimaryEntityName, context.PrimaryEntityId)
            {
                ["description"] = "depth " + context.Depth.ToString(CultureInfo.InvariantCulture),
            });
        }
    }

    /// <summary>Makes exactly three calls: one Retrieve, one RetrieveMultiple, one Update.</summary>
    public sealed class ThreeCallsPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = Plugin.Context(serviceProvider);
            var service = Plugin.Service(serviceProvider, context.UserId);
            var row = service.Retrieve(context.PrimaryEntityName, context.PrimaryEntityId, new ColumnSet("name"));
            var tasks = service.RetrieveMultiple(new QueryExpression("task") { ColumnSet = new ColumnSet("subject") });
            service.Update(new Entity(context.PrimaryEntityName, context.PrimaryEntityId)
            {
                ["description"] = $"{row.GetAttributeValue<string>("name")}: {tasks.Entities.Count} tasks",
            });
        }
    }

    /// <summary>Catches a failed call and carries on, which the platform does not allow inside a transaction.</summary>
    public sealed class SwallowFailurePlugin : IPlugin
    {
        private readonly bool callAgain;

        public SwallowFailurePlugin(string? unsecure, string? secure)
        {
            callAgain = unsecure == "call again";
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var service = Plugin.Service(serviceProvider, null);
            try
            {
                service.Retrieve("contact", Guid.NewGuid(), new ColumnSet(true));
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                Plugin.Tracing(serviceProvider).Trace("ignored: {0}", fault.Detail.ErrorCode);
            }
            if (callAgain)
            {
                service.Create(new Entity("task") { ["subject"] = "after an ignored failure" });
            }
        }
    }

    /// <summary>Writes SharedVariables["stage{N}"] and traces what earlier steps left there and in the parent context.</summary>
    public sealed class SharedVariablesPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = Plugin.Context(serviceProvider);
            var tracing = Plugin.Tracing(serviceProvider);
            tracing.Trace("own: {0}", string.Join(",", context.SharedVariables.Keys.OrderBy(k => k, StringComparer.Ordinal)));
            tracing.Trace("parent: {0}", context.ParentContext == null ? "-" : string.Join(",", context.ParentContext.SharedVariables.Keys.OrderBy(k => k, StringComparer.Ordinal)));
            context.SharedVariables["stage" + context.Stage.ToString(CultureInfo.InvariantCulture)] = true;
        }
    }

    /// <summary>Asks the asynchronous service to try again, every time.</summary>
    public sealed class RetryPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) =>
            throw new InvalidPluginExecutionException(OperationStatus.Retry, 0, "The mail server is busy; try again.");
    }

    /// <summary>Reads the user's security roles through systemuserroles, as a real approval check would.</summary>
    public sealed class RoleCheckPlugin : IPlugin
    {
        private readonly string? requiredRole;

        public RoleCheckPlugin(string? unsecure, string? secure)
        {
            requiredRole = unsecure;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = Plugin.Context(serviceProvider);
            var query = new QueryExpression("role") { ColumnSet = new ColumnSet("name") };
            var link = query.AddLink("systemuserroles", "roleid", "roleid");
            link.LinkCriteria.AddCondition("systemuserid", ConditionOperator.Equal, context.InitiatingUserId);
            var roles = Plugin.Service(serviceProvider, null).RetrieveMultiple(query).Entities.Select(r => r.GetAttributeValue<string>("name")).ToList();
            Plugin.Tracing(serviceProvider).Trace("roles: {0}", string.Join(", ", roles.OrderBy(r => r, StringComparer.Ordinal)));
            if (!roles.Contains(requiredRole ?? ""))
            {
                throw new InvalidPluginExecutionException($"Only a {requiredRole} may do this.");
            }
        }
    }

    /// <summary>
    /// A Custom API in the shape of ls_HandBackLead: bound to lead, takes Reason (String) and an
    /// optional Points (Integer), returns Score (Integer). Reason "bad output" makes it return a
    /// wrongly typed Score, to show the response check.
    /// </summary>
    public sealed class HandBackSampleApi : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = Plugin.Context(serviceProvider);
            var lead = (EntityReference)context.InputParameters["Target"];
            var reason = (string)context.InputParameters["Reason"];
            var points = context.InputParameters.TryGetValue("Points", out var p) && p is int n ? n : 10;
            var service = Plugin.Service(serviceProvider, context.UserId);
            var current = service.Retrieve("lead", lead.Id, new ColumnSet("ls_score")).GetAttributeValue<int?>("ls_score") ?? 0;
            service.Update(new Entity("lead", lead.Id) { ["ls_score"] = current - points, ["ls_handbackreason"] = reason });
            context.OutputParameters["Score"] = reason == "bad output" ? "not a number" : current - points;
        }
    }

    /// <summary>
    /// The shape of the product's lead-scoring step (async, PostOperation Update of lead, filtered on
    /// jobtitle and ls_lifecyclestage, with a pre image of jobtitle and a full post image): it scores
    /// the job title, writes one ls_scoreevent per change (idempotency key = lead + old + new title)
    /// and updates the lead's score.
    /// </summary>
    public sealed class LeadScoringSamplePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = Plugin.Context(serviceProvider);
            var before = context.PreEntityImages["PreImage"].GetAttributeValue<string>("jobtitle") ?? "";
            var after = context.PostEntityImages["PostImage"];
            var title = after.GetAttributeValue<string>("jobtitle") ?? "";
            if (before == title)
            {
                return;
            }
            var points = title.Contains("Director", StringComparison.OrdinalIgnoreCase) ? 20 : 5;
            var service = Plugin.Service(serviceProvider, null);
            service.Create(new Entity("ls_scoreevent")
            {
                ["ls_leadid"] = new EntityReference("lead", context.PrimaryEntityId),
                ["ls_idempotencykey"] = $"jobtitle|{context.PrimaryEntityId:N}|{before}|{title}",
                ["ls_points"] = points,
                ["ls_occurredon"] = context.OperationCreatedOn,
            });
            service.Update(new Entity("lead", context.PrimaryEntityId)
            {
                ["ls_score"] = (after.GetAttributeValue<int?>("ls_score") ?? 0) + points,
                ["ls_scoredon"] = context.OperationCreatedOn,
            });
        }
    }
}
