using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Emulator
{
    // Why: the event execution pipeline is what makes plug-ins behave as they will on a real org.
    // Every service call enters here. Create, Update, Delete and Custom API calls run through the
    // stages: PreValidation (10, outside the database transaction unless the caller is already in
    // one), then PreOperation (20), the main operation and synchronous PostOperation (40) inside one
    // transaction that rolls back when anything throws; asynchronous steps are queued when the
    // outermost transaction commits and run later, each on its own, outside any transaction.
    // A failed call inside a transaction ends that transaction, as on the platform. Depth grows by
    // one per nested call; above 8 the call fails as an infinite loop.
    // https://learn.microsoft.com/power-apps/developer/data-platform/event-framework
    // https://learn.microsoft.com/power-apps/developer/data-platform/handle-exceptions
    // https://learn.microsoft.com/power-apps/developer/data-platform/asynchronous-service
    // https://learn.microsoft.com/troubleshoot/power-platform/power-apps/dataverse/dataverse-plug-ins-errors
    public sealed partial class EmulatedOrganization
    {
        /// <summary>The platform's default maximum depth; a call that would run deeper fails as an infinite loop.</summary>
        public const int MaxDepth = 8;

        /// <summary>The most requests one ExecuteMultiple may hold (Learn: execute-multiple-requests, run-time limitations).</summary>
        public const int MaxBatchSize = 1000;

        /// <summary>How many times the asynchronous service runs a plug-in that asks for a retry.</summary>
        public const int MaxAsyncAttempts = 4;

        private static readonly HashSet<string> SystemColumns = new(StringComparer.Ordinal) { "createdon", "createdby", "modifiedon", "modifiedby", "versionnumber" };

        private readonly List<Registration> steps = new();
        private readonly Dictionary<string, CustomApiRegistration> customApis = new(StringComparer.Ordinal);
        private readonly List<SystemJob> queue = new();
        private readonly List<SystemJob> systemJobs = new();
        private readonly List<PluginExecution> executions = new();
        private readonly Dictionary<string, int> callCounts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> callCountsByTable = new(StringComparer.Ordinal);
        private readonly List<FaultRule> faultRules = new();
        private readonly HashSet<string> withoutOptimisticConcurrency = new(StringComparer.Ordinal);
        private long lastJobId;

        /// <summary>One operation that runs through the stages.</summary>
        private sealed class Operation
        {
            public Operation(string message, string? table, Guid id, ParameterCollection input)
            {
                Message = message;
                Table = table;
                Id = id;
                Input = input;
            }

            public string Message { get; }
            public string? Table { get; }

            /// <summary>The caller's OrganizationRequest.RequestId, when it set one (a client retry sends the same).</summary>
            public Guid? RequestId { get; init; }
            public Guid Id { get; }
            public ParameterCollection Input { get; }

            /// <summary>The main operation (stage 30).</summary>
            public Action<PluginContext, Transaction> Core { get; init; } = (_, _) => { };

            /// <summary>Create, Update and Delete give PreValidation its own shared variables (the later stages reach them through ParentContext).</summary>
            public bool IsDataOperation { get; init; }

            public Func<PluginContext, OrganizationResponse> Response { get; init; } = _ => new OrganizationResponse();
        }

        internal OrganizationResponse Execute(OrganizationRequest request, Caller caller)
        {
            ArgumentNullException.ThrowIfNull(request);
            var call = new ServiceCall(TotalCalls + 1, request, TableOf(request), caller.UserId, caller.Depth, caller.Execution);
            TotalCalls = call.Number;
            callCounts[call.MessageName] = callCounts.TryGetValue(call.MessageName, out var n) ? n + 1 : 1;
            var byTable = call.Table == null ? call.MessageName : call.MessageName + " " + call.Table;
            callCountsByTable[byTable] = callCountsByTable.TryGetValue(byTable, out var t) ? t + 1 : 1;
            caller.Execution?.CountCall(call.MessageName);

            var transaction = caller.Transaction;
            try
            {
                if (transaction?.Doomed == true)
                {
                    throw Faults.NoActiveTransaction();
                }
                InjectFault(call);
                Charge(call);
                if (caller.Depth > MaxDepth)
                {
                    // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth
                    throw Faults.DepthTooHigh();
                }
                CheckAccess(request, caller);
                return Dispatch(request, caller);
            }
            catch
            {
                if (transaction != null)
                {
                    transaction.Doomed = true; // any failed data operation ends the plug-in's transaction
                }
                throw;
            }
        }

        private void InjectFault(ServiceCall call)
        {
            var rule = faultRules.FirstOrDefault(r => r.Remaining != 0 && r.Matches(call));
            if (rule != null)
            {
                rule.Remaining--;
                rule.Fired++;
                throw rule.Fault();
            }
        }

        private static string? TableOf(OrganizationRequest request)
        {
            if (request.Parameters.TryGetValue("Target", out var target))
            {
                return target switch { Entity e => e.LogicalName, EntityReference r => r.LogicalName, _ => null };
            }
            if (request.Parameters.TryGetValue("Query", out var query))
            {
                return query switch { QueryExpression q => q.EntityName, QueryByAttribute q => q.EntityName, FetchExpression f => FetchAggregate.Table(f.Query), _ => null };
            }
            return null;
        }

        private OrganizationResponse Dispatch(OrganizationRequest request, Caller caller)
        {
            switch (request.RequestName)
            {
                case "Create": return Create(request, caller);
                case "Update": return Update(request, caller);
                case "Assign": return Assign(request, caller);
                case "Delete": return Delete(request, caller);
                case "Retrieve": return Retrieve(request, caller);
                case "RetrieveMultiple": return RetrieveMultiple(request, caller);
                case "ExecuteMultiple": return ExecuteMultiple(request, caller);
                case "RetrieveEntity": return RetrieveEntity(request);
                case "RetrieveEntityKey": return RetrieveEntityKey(request);
                case "ReactivateEntityKey": return ReactivateEntityKey(request);
                case "ExecuteTransaction": return ExecuteTransaction(request, caller);
                case "Merge": return Merge(request, caller);
            }
            if (request.RequestName != null && customApis.TryGetValue(request.RequestName, out var api))
            {
                return CustomApi(api, request, caller);
            }
            throw new NotSupportedException(
                $"The emulator does not implement the message '{request.RequestName}'. If it is a Custom API, register it under \"customApis\" in pac-config.json.");
        }

        // ---- Messages ------------------------------------------------------------------------

        private OrganizationResponse Create(OrganizationRequest request, Caller caller)
        {
            var target = Values.Clone(Parameter<Entity>(request, "Target"));
            var input = PluginContext.CopyParameters(request.Parameters);
            input["Target"] = target;
            var table = target.LogicalName;
            return RunPipeline(new Operation("Create", table, Guid.Empty, input)
            {
                IsDataOperation = true,
                Core = (context, transaction) =>
                {
                    var entity = (Entity)context.InputParameters["Target"];
                    var primaryKey = Store.PrimaryIdAttribute(table);
                    var id = entity.Id != Guid.Empty ? entity.Id
                        : entity.Attributes.TryGetValue(primaryKey, out var given) && given is Guid g && g != Guid.Empty ? g
                        : store.NewId();
                    if (store.Find(table, id) != null)
                    {
                        throw Faults.DuplicateKey(table, $"a record with id {id} already exists.");
                    }
                    var row = Values.Clone(entity);
                    row.Id = id;
                    row.KeyAttributes.Clear();
                    row[primaryKey] = id;
                    foreach (var column in SystemColumns)
                    {
                        row.Attributes.Remove(column);
                    }
                    Stamp(row, context.UserId, created: true, keepGivenDates: false);
                    store.Put(transaction, row);
                    entity.Id = id;
                    context.PrimaryEntityId = id;
                    context.OutputParameters["id"] = id;
                },
                Response = context =>
                {
                    var response = new CreateResponse();
                    response.Results["id"] = context.OutputParameters["id"];
                    return response;
                },
            }, caller);
        }

        private OrganizationResponse Update(OrganizationRequest request, Caller caller)
        {
            var target = Values.Clone(Parameter<Entity>(request, "Target"));
            var table = target.LogicalName;
            var id = ResolveId(table, target.Id, target.KeyAttributes, target);
            target.Id = id;
            var input = PluginContext.CopyParameters(request.Parameters);
            input["Target"] = target;
            return RunPipeline(new Operation("Update", table, id, input)
            {
                IsDataOperation = true,
                Core = (context, transaction) =>
                {
                    var entity = (Entity)context.InputParameters["Target"];
                    var behavior = context.InputParameters.TryGetValue("ConcurrencyBehavior", out var b) && b is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;
                    var existing = store.Find(table, id) ?? throw Faults.DoesNotExist(table, id);
                    CheckRowVersion(table, behavior, entity.RowVersion, existing);
                    var row = Values.Clone(existing);
                    var primaryKey = Store.PrimaryIdAttribute(table);
                    foreach (var attribute in entity.Attributes.Where(a => a.Key != primaryKey && !SystemColumns.Contains(a.Key)))
                    {
                        row[attribute.Key] = Values.CloneValue(attribute.Value);
                    }
                    var previousOwner = existing.GetAttributeValue<EntityReference>("ownerid");
                    var newOwner = entity.Contains("ownerid") ? row.GetAttributeValue<EntityReference>("ownerid") : null;
                    if (newOwner != null)
                    {
                        SetOwningBusinessUnit(row);
                    }
                    Stamp(row, context.UserId, created: false, keepGivenDates: false);
                    store.Put(transaction, row);
                    if (newOwner != null && newOwner.Id != previousOwner?.Id)
                    {
                        CascadeAssign(table, id, previousOwner, newOwner, context, transaction);
                    }
                },
                Response = _ => new UpdateResponse(),
            }, caller);
        }

        // AssignRequest is the deprecated form of an Update of ownerid; the emulator runs it as that
        // Update (its plug-ins see the Update message). https://learn.microsoft.com/power-apps/developer/data-platform/special-update-operation-behavior
        private OrganizationResponse Assign(OrganizationRequest request, Caller caller)
        {
            var target = Parameter<EntityReference>(request, "Target");
            var update = new UpdateRequest { Target = new Entity(target.LogicalName, target.Id) { ["ownerid"] = Parameter<EntityReference>(request, "Assignee") } };
            Update(update, caller);
            return new OrganizationResponse { ResponseName = "Assign" };
        }

        private OrganizationResponse Delete(OrganizationRequest request, Caller caller)
        {
            var reference = Parameter<EntityReference>(request, "Target");
            var table = reference.LogicalName;
            var id = ResolveId(table, reference.Id, reference.KeyAttributes, null);
            var target = new EntityReference(table, id) { RowVersion = reference.RowVersion };
            var input = PluginContext.CopyParameters(request.Parameters);
            input["Target"] = target;
            var behavior = request.Parameters.TryGetValue("ConcurrencyBehavior", out var b) && b is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;
            return RunPipeline(new Operation("Delete", table, id, input)
            {
                IsDataOperation = true,
                Core = (context, transaction) =>
                {
                    var existing = store.Find(table, id) ?? throw Faults.DoesNotExist(table, id);
                    CheckRowVersion(table, behavior, target.RowVersion, existing);
                    CascadeDelete(table, id, context, transaction);
                    store.Remove(transaction, table, id);
                },
                Response = _ => new DeleteResponse(),
            }, caller);
        }

        private OrganizationResponse Retrieve(OrganizationRequest request, Caller caller)
        {
            var reference = Parameter<EntityReference>(request, "Target");
            var columns = request.Parameters.TryGetValue("ColumnSet", out var c) && c is ColumnSet set
                ? set
                : throw Faults.InvalidArgument("Retrieve needs a ColumnSet (use new ColumnSet(true) for all columns).");
            var id = ResolveId(reference.LogicalName, reference.Id, reference.KeyAttributes, null);
            var row = store.Find(reference.LogicalName, id) ?? throw Faults.DoesNotExist(reference.LogicalName, id);
            var response = new RetrieveResponse();
            response.Results["Entity"] = Visible(QueryEvaluator.EntityView(row, columns, Store.PrimaryIdAttribute(reference.LogicalName)), caller.UserId);
            return response;
        }

        private OrganizationResponse RetrieveMultiple(OrganizationRequest request, Caller caller)
        {
            EntityCollection Read(QueryExpression query) => Visible(new QueryEvaluator(store, caller.UserId, Clock.UtcNow).Evaluate(query), query.EntityName, caller.UserId);
            var response = new RetrieveMultipleResponse();
            response.Results["EntityCollection"] = Parameter<QueryBase>(request, "Query") switch
            {
                QueryExpression expression => Read(expression),
                QueryByAttribute byAttribute => Read(QueryEvaluator.FromQueryByAttribute(byAttribute)),
                FetchExpression fetch => FetchAggregate.Evaluate(fetch.Query, Read),
                var other => throw new NotSupportedException($"The emulator evaluates QueryExpression, QueryByAttribute and aggregate FetchXML, not {other.GetType().Name}."),
            };
            return response;
        }

        // ExecuteMultiple: each request in order, each in its own transaction, as if sent one by one;
        // ContinueOnError says whether to go on after a fault, ReturnResponses whether successes are
        // returned too (faults always are). More than 1,000 requests, or one nested, fails the whole call
        // before anything runs. A plug-in's InvalidPluginExecutionException is the item's fault.
        // https://learn.microsoft.com/power-apps/developer/data-platform/org-service/execute-multiple-requests
        private OrganizationResponse ExecuteMultiple(OrganizationRequest request, Caller caller)
        {
            var requests = Parameter<OrganizationRequestCollection>(request, "Requests");
            var settings = Parameter<ExecuteMultipleSettings>(request, "Settings");
            if (requests.Count > MaxBatchSize)
            {
                throw Faults.InvalidArgument($"The request batch size of {requests.Count} exceeds the maximum allowed ({MaxBatchSize}).");
            }
            if (requests.Any(r => r.RequestName == "ExecuteMultiple"))
            {
                throw Faults.InvalidArgument("ExecuteMultiple cannot contain an ExecuteMultiple request.");
            }
            var responses = new ExecuteMultipleResponseItemCollection();
            bool faulted = false;
            for (int i = 0; i < requests.Count; i++)
            {
                OrganizationServiceFault? fault = null;
                OrganizationResponse? response = null;
                try
                {
                    response = Execute(requests[i], caller);
                }
                catch (FaultException<OrganizationServiceFault> e)
                {
                    fault = e.Detail;
                }
                catch (InvalidPluginExecutionException e)
                {
                    fault = new OrganizationServiceFault { ErrorCode = ErrorCodes.IsvAborted, Message = e.Message, Timestamp = Clock.UtcNow };
                }
                if (fault != null || settings.ReturnResponses)
                {
                    responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response!, Fault = fault! });
                }
                if (fault != null)
                {
                    faulted = true;
                    if (!settings.ContinueOnError)
                    {
                        break;
                    }
                }
            }
            var result = new ExecuteMultipleResponse { ResponseName = "ExecuteMultiple" };
            result.Results["Responses"] = responses;
            result.Results["IsFaulted"] = faulted;
            return result;
        }

        // ExecuteTransaction: the requests run in order in one database transaction, each through the whole
        // pipeline (plug-ins included). When one fails, everything written by the earlier ones and by their
        // plug-ins is rolled back, asynchronous steps they queued are dropped, and the caller gets an
        // ExecuteTransactionFault whose FaultedRequestIndex names the failed request. It may not contain an
        // ExecuteMultiple or another ExecuteTransaction. The emulator applies ExecuteMultiple's 1,000-request
        // limit (Learn: execute-multiple-requests, run-time limitations) to it as well.
        // https://learn.microsoft.com/power-apps/developer/data-platform/org-service/use-executetransaction
        private OrganizationResponse ExecuteTransaction(OrganizationRequest request, Caller caller)
        {
            var requests = Parameter<OrganizationRequestCollection>(request, "Requests");
            var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var r) && r is true;
            if (requests.Count > MaxBatchSize)
            {
                throw Faults.InvalidArgument($"The request batch size of {requests.Count} exceeds the maximum allowed ({MaxBatchSize}).");
            }
            if (requests.Any(q => q.RequestName is "ExecuteMultiple" or "ExecuteTransaction"))
            {
                throw Faults.InvalidArgument("ExecuteTransaction cannot contain an ExecuteMultiple or ExecuteTransaction request.");
            }
            var ambient = caller.Transaction;
            var transaction = ambient ?? new Transaction();
            var inside = ambient == null ? caller.InTransaction(transaction) : caller;
            var responses = new OrganizationResponseCollection();
            for (int i = 0; i < requests.Count; i++)
            {
                try
                {
                    responses.Add(Execute(requests[i], inside));
                }
                catch (Exception e) when (e is FaultException<OrganizationServiceFault> or InvalidPluginExecutionException)
                {
                    if (ambient == null)
                    {
                        store.Rollback(transaction);
                    }
                    var inner = (e as FaultException<OrganizationServiceFault>)?.Detail;
                    var fault = new ExecuteTransactionFault
                    {
                        FaultedRequestIndex = i,
                        ErrorCode = inner?.ErrorCode ?? ErrorCodes.IsvAborted,
                        Message = e.Message,
                        InnerFault = inner,
                        Timestamp = Clock.UtcNow,
                    };
                    throw new FaultException<OrganizationServiceFault>(fault, new FaultReason(e.Message));
                }
            }
            if (ambient == null)
            {
                Commit(transaction);
            }
            var result = new ExecuteTransactionResponse { ResponseName = "ExecuteTransaction" };
            if (returnResponses)
            {
                result.Results["Responses"] = responses;
            }
            return result;
        }

        // Custom API: the registered plug-in is the main operation; its typed inputs and outputs are checked.
        // https://learn.microsoft.com/power-apps/developer/data-platform/custom-api
        private OrganizationResponse CustomApi(CustomApiRegistration api, OrganizationRequest request, Caller caller)
        {
            var input = PluginContext.CopyParameters(request.Parameters);
            var declared = api.RequestParameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
            EntityReference? target = null;
            if (api.BindingType == "Entity")
            {
                target = input.TryGetValue("Target", out var t) && t is EntityReference r && r.LogicalName == api.BoundTable
                    ? r
                    : throw Faults.InvalidArgument($"Custom API {api.UniqueName} is bound to {api.BoundTable}: it needs a \"Target\" EntityReference to a {api.BoundTable} row.");
            }
            else if (api.BindingType == "EntityCollection" && !input.Contains("Target"))
            {
                throw Faults.InvalidArgument($"Custom API {api.UniqueName} is bound to a {api.BoundTable} collection: it needs a \"Target\".");
            }
            foreach (var key in input.Keys.Where(k => !declared.ContainsKey(k) && !(k == "Target" && api.BindingType != "Global")))
            {
                throw Faults.InvalidArgument($"'{key}' is not a request parameter of Custom API {api.UniqueName}.");
            }
            foreach (var parameter in api.RequestParameters)
            {
                if (!input.TryGetValue(parameter.Name, out var value) || value == null)
                {
                    if (!parameter.Optional)
                    {
                        throw Faults.InvalidArgument($"Custom API {api.UniqueName} requires the parameter '{parameter.Name}' ({parameter.Type}).");
                    }
                    continue;
                }
                CheckType(api, "request parameter", parameter, value);
            }
            return RunPipeline(new Operation(api.UniqueName, api.BoundTable, target?.Id ?? Guid.Empty, input)
            {
                RequestId = request.RequestId,
                Core = (context, _) =>
                {
                    RunPlugin(api.UniqueName, api.Plugin, context.ForStep(null, 30, 0));
                    var outputs = api.ResponseProperties.ToDictionary(p => p.Name, StringComparer.Ordinal);
                    foreach (var pair in context.OutputParameters)
                    {
                        if (!outputs.TryGetValue(pair.Key, out var property))
                        {
                            throw Faults.InvalidArgument($"The plug-in of Custom API {api.UniqueName} set '{pair.Key}', which is not one of its response properties.");
                        }
                        if (pair.Value != null)
                        {
                            CheckType(api, "response property", property, pair.Value);
                        }
                    }
                },
                Response = context => new OrganizationResponse { ResponseName = api.UniqueName, Results = PluginContext.CopyParameters(context.OutputParameters) },
            }, caller);
        }

        private static void CheckType(CustomApiRegistration api, string kind, ApiParameter parameter, object value)
        {
            var expected = PacConfig.ParameterTypes[parameter.Type];
            if (!expected.IsInstanceOfType(value))
            {
                throw Faults.InvalidArgument(
                    $"The {kind} '{parameter.Name}' of Custom API {api.UniqueName} is {parameter.Type} ({expected.Name}), not {value.GetType().Name}.");
            }
        }

        // ---- The stages -----------------------------------------------------------------------

        private OrganizationResponse RunPipeline(Operation operation, Caller caller)
        {
            var registered = steps
                .Where(s => s.Message == operation.Message && (s.Table == null || s.Table == operation.Table))
                .OrderBy(s => s.Rank).ThenBy(s => s.Order)
                .ToList();
            var ambient = caller.Transaction;
            var outer = new PluginContext
            {
                MessageName = operation.Message,
                PrimaryEntityName = operation.Table ?? "none",
                PrimaryEntityId = operation.Id,
                InputParameters = operation.Input,
                UserId = caller.UserId,
                InitiatingUserId = caller.InitiatingUserId,
                BusinessUnitId = BusinessUnitOf(caller.UserId) ?? RootBusinessUnitId,
                OrganizationId = OrganizationId,
                OrganizationName = OrganizationName,
                CorrelationId = caller.Context?.CorrelationId ?? Guid.NewGuid(),
                Depth = caller.Depth,
                RequestId = operation.RequestId ?? Guid.NewGuid(),
                OperationId = Guid.NewGuid(),
                OperationCreatedOn = Clock.UtcNow,
                ParentContext = caller.Context,
                Transaction = ambient,
                IsInTransaction = ambient != null,
                Stage = 10,
            };

            // Update and Delete of a row that isn't there fail before any step runs.
            Entity? before = null;
            if (operation.Message is "Update" or "Delete")
            {
                before = store.Find(operation.Table!, operation.Id) ?? throw Faults.DoesNotExist(operation.Table!, operation.Id);
            }

            RunSteps(registered.Where(s => s.Stage == 10), outer, before, after: null);

            var transaction = ambient ?? new Transaction();
            try
            {
                PluginContext? inner = null;
                foreach (var part in Parts(operation))
                {
                    inner = outer.ForStep(null, 20, 0);
                    inner.InputParameters = part;
                    inner.Transaction = transaction;
                    inner.IsInTransaction = true;
                    if (operation.IsDataOperation)
                    {
                        inner.SharedVariables = new ParameterCollection();
                        inner.ParentContext = outer;
                    }
                    RunSteps(registered.Where(s => s.Stage == 20), inner, before, after: null);
                    operation.Core(inner, transaction);
                    var after = operation.Message is "Create" or "Update" ? store.Find(operation.Table!, inner.PrimaryEntityId) : null;
                    RunSteps(registered.Where(s => s.Stage == 40 && !s.Async), inner, before, after);
                    foreach (var step in registered.Where(s => s.Async && PassesFilter(s, inner)))
                    {
                        var jobContext = inner.ForStep(step, 40, 1);
                        AddImages(jobContext, step, before, after);
                        jobContext.Transaction = null;
                        jobContext.IsInTransaction = false;
                        transaction.JobsToQueue.Add(new SystemJob(++lastJobId, step, jobContext.Snapshot(), Clock.UtcNow));
                    }
                    before = after;
                }
                if (ambient == null)
                {
                    Commit(transaction);
                }
                return operation.Response(inner!);
            }
            catch
            {
                if (ambient == null)
                {
                    store.Rollback(transaction);
                }
                throw;
            }
        }

        // Behavior of specialized update operations: an Update that sets statecode or statuscode together
        // with other columns runs PreValidation once with the whole Target, then the PreOperation, main and
        // PostOperation stages twice in the one transaction: first for the other columns, then for the state
        // and status columns (each with its own images and its own asynchronous jobs).
        // https://learn.microsoft.com/power-apps/developer/data-platform/special-update-operation-behavior
        private static readonly string[] StateColumns = { "statecode", "statuscode" };

        private static IEnumerable<ParameterCollection> Parts(Operation operation)
        {
            if (operation.Message != "Update" || operation.Input["Target"] is not Entity target
                || !StateColumns.Any(target.Contains)
                || !target.Attributes.Keys.Any(k => !StateColumns.Contains(k) && k != Store.PrimaryIdAttribute(target.LogicalName)))
            {
                yield return operation.Input;
                yield break;
            }
            var rest = PluginContext.CopyParameters(operation.Input);
            var others = Values.Clone(target);
            foreach (var column in StateColumns)
            {
                others.Attributes.Remove(column);
            }
            rest["Target"] = others;
            yield return rest;

            var state = PluginContext.CopyParameters(operation.Input);
            var stateTarget = new Entity(target.LogicalName, target.Id);
            foreach (var column in StateColumns.Where(target.Contains))
            {
                stateTarget[column] = Values.CloneValue(target[column]);
            }
            state["Target"] = stateTarget;
            state["ConcurrencyBehavior"] = ConcurrencyBehavior.Default; // the version was checked by the first part
            yield return state;
        }

        private void Commit(Transaction transaction)
        {
            transaction.Undo.Clear();
            queue.AddRange(transaction.JobsToQueue);
            systemJobs.AddRange(transaction.JobsToQueue);
            transaction.JobsToQueue.Clear();
        }

        private void RunSteps(IEnumerable<Registration> stage, PluginContext baseContext, Entity? before, Entity? after)
        {
            foreach (var step in stage)
            {
                if (!PassesFilter(step, baseContext))
                {
                    continue;
                }
                var context = baseContext.ForStep(step, step.Stage, 0);
                AddImages(context, step, before, after);
                RunPlugin(step.Name, step.Plugin, context);
            }
        }

        // Filtering attributes: an Update step runs only when Target has at least one of them.
        // https://learn.microsoft.com/power-apps/developer/data-platform/best-practices/business-logic/include-filtering-attributes-plugin-registration
        // The step's row (sdkmessageprocessingstep) is read at dispatch, so an update of its
        // filteringattributes column takes effect for the next operation, as on the platform.
        private bool PassesFilter(Registration step, PluginContext context)
        {
            if (step.Message != "Update")
            {
                return true;
            }

            var row = store.Find(StepTable, step.Id);
            var filtering = row == null
                ? step.FilteringAttributes
                : (row.GetAttributeValue<string>("filteringattributes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return filtering.Length == 0
                || (context.InputParameters.TryGetValue("Target", out var target) && target is Entity entity && filtering.Any(entity.Contains));
        }

        /// <summary>The platform table of step registrations.</summary>
        public const string StepTable = "sdkmessageprocessingstep";

        private static void AddImages(PluginContext context, Registration step, Entity? before, Entity? after)
        {
            foreach (var image in step.Images)
            {
                var columns = image.Attributes.Length == 0 ? new ColumnSet(true) : new ColumnSet(image.Attributes);
                if (image.Pre && before != null)
                {
                    context.PreEntityImages[image.Name] = QueryEvaluator.EntityView(before, columns, Store.PrimaryIdAttribute(before.LogicalName));
                }
                if (image.Post && after != null && step.Stage == 40)
                {
                    context.PostEntityImages[image.Name] = QueryEvaluator.EntityView(after, columns, Store.PrimaryIdAttribute(after.LogicalName));
                }
            }
        }

        private void RunPlugin(string name, IPlugin plugin, PluginContext context)
        {
            var execution = new PluginExecution(name, plugin.GetType(), context);
            executions.Add(execution);
            var wasDoomed = context.Transaction?.Doomed == true;
            running.Add(execution);
            try
            {
                plugin.Execute(new ServiceProvider(this, context, execution));
            }
            catch (Exception e)
            {
                execution.Exception = e;
                throw;
            }
            finally
            {
                running.Remove(execution);
            }
            if (!wasDoomed && context.Transaction?.Doomed == true)
            {
                // The plug-in caught a failed service call and carried on: the platform refuses that.
                var fault = Faults.IsvAbortedTransaction();
                execution.Exception = fault;
                throw fault;
            }
        }

        // ---- The asynchronous service ---------------------------------------------------------

        private void RunQueuedJob(SystemJob job)
        {
            if (!queue.Remove(job))
            {
                throw new InvalidOperationException($"{job} is not waiting in the queue.");
            }
            job.Attempts++;
            try
            {
                RunPlugin(job.StepName, job.Step.Plugin, job.Context.Snapshot());
                job.Status = SystemJobStatus.Succeeded;
                job.Message = null;
                job.Exception = null;
            }
            catch (Exception e)
            {
                job.Exception = e;
                job.Message = e.Message;
                var retry = e is InvalidPluginExecutionException { Status: OperationStatus.Retry } && job.Attempts < MaxAsyncAttempts;
                job.Status = retry ? SystemJobStatus.Waiting : SystemJobStatus.Failed;
                if (retry)
                {
                    queue.Add(job);
                }
            }
        }

        // ---- Helpers -------------------------------------------------------------------------

        private static T Parameter<T>(OrganizationRequest request, string name) where T : class =>
            request.Parameters.TryGetValue(name, out var value) && value is T typed
                ? typed
                : throw Faults.InvalidArgument($"{request.RequestName} needs the parameter '{name}' ({typeof(T).Name}).");

        private Guid ResolveId(string table, Guid id, KeyAttributeCollection? keys, Entity? entity)
        {
            if (id != Guid.Empty)
            {
                return id;
            }
            if (entity != null && entity.Attributes.TryGetValue(Store.PrimaryIdAttribute(table), out var given) && given is Guid g && g != Guid.Empty)
            {
                return g;
            }
            if (keys != null && keys.Count > 0)
            {
                return store.FindByKey(table, keys)
                    ?? throw Faults.DoesNotExist(table, string.Join(", ", keys.Select(k => $"{k.Key}={k.Value}")));
            }
            throw Faults.InvalidArgument($"A {table} request needs an id or alternate key values.");
        }

        // Optimistic concurrency: https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency
        private void CheckRowVersion(string table, ConcurrencyBehavior behavior, string? requested, Entity existing)
        {
            if (behavior != ConcurrencyBehavior.IfRowVersionMatches)
            {
                return;
            }
            if (withoutOptimisticConcurrency.Contains(table))
            {
                throw Faults.OptimisticConcurrencyNotEnabled(table);
            }
            if (string.IsNullOrEmpty(requested))
            {
                throw Faults.VersionNotProvided();
            }
            if (requested != existing.RowVersion)
            {
                throw Faults.VersionMismatch();
            }
        }

        private void Stamp(Entity row, Guid userId, bool created, bool keepGivenDates)
        {
            var now = Clock.UtcNow;
            var user = new EntityReference("systemuser", userId);
            if (created)
            {
                if (!keepGivenDates || !row.Contains("createdon"))
                {
                    row["createdon"] = now;
                }
                row["createdby"] = user;
                if (!row.Contains("ownerid"))
                {
                    row["ownerid"] = user;
                }
                if (!row.Contains("owningbusinessunit"))
                {
                    SetOwningBusinessUnit(row);
                }
                if (!row.Contains("statecode"))
                {
                    row["statecode"] = new OptionSetValue(0);
                }
                if (!row.Contains("statuscode"))
                {
                    row["statuscode"] = new OptionSetValue(1);
                }
            }
            if (!keepGivenDates || !row.Contains("modifiedon"))
            {
                row["modifiedon"] = now;
            }
            row["modifiedby"] = user;
            var version = store.NextVersion();
            row["versionnumber"] = version;
            row.RowVersion = version.ToString(CultureInfo.InvariantCulture);
        }
    }
}
