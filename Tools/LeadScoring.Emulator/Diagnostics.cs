using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Emulator
{
    // Why: tests and benchmarks assert what a plug-in did, not only what it left behind: how many
    // service calls of which kind a step made, what it traced, how an async job ended. These are
    // the records the emulator keeps for that, plus the rules that make chosen calls fail.

    /// <summary>One call to IOrganizationService (from a test, the workbench or a plug-in).</summary>
    public sealed class ServiceCall
    {
        internal ServiceCall(long number, OrganizationRequest request, string? table, Guid userId, int depth, PluginExecution? fromExecution)
        {
            Number = number;
            Request = request;
            MessageName = request.RequestName;
            Table = table;
            UserId = userId;
            Depth = depth;
            FromExecution = fromExecution;
        }

        /// <summary>1 for the organization's first call, then counting up.</summary>
        public long Number { get; }

        /// <summary>The request as the caller sent it.</summary>
        public OrganizationRequest Request { get; }

        /// <summary>Create, Retrieve, Update, Delete, RetrieveMultiple, or a Custom API's unique name.</summary>
        public string MessageName { get; }

        /// <summary>The table the call is about, when there is one.</summary>
        public string? Table { get; }

        /// <summary>The user the call runs as.</summary>
        public Guid UserId { get; }

        /// <summary>The depth the call's pipeline runs at (1 for a call from outside any plug-in).</summary>
        public int Depth { get; }

        /// <summary>The plug-in execution that made the call; null for calls from outside.</summary>
        public PluginExecution? FromExecution { get; }
    }

    /// <summary>One run of a plug-in (a registered step or a Custom API's main operation).</summary>
    public sealed class PluginExecution
    {
        private readonly List<string> traces = new();
        private readonly Dictionary<string, int> calls = new(StringComparer.Ordinal);

        internal PluginExecution(string stepName, Type pluginType, IPluginExecutionContext context)
        {
            StepName = stepName;
            PluginType = pluginType;
            Context = context;
        }

        /// <summary>The step's name from pac-config.json (for a Custom API: its unique name).</summary>
        public string StepName { get; }

        public Type PluginType { get; }

        /// <summary>The context the plug-in was given (its parameter collections are shared with later steps of the same operation).</summary>
        public IPluginExecutionContext Context { get; }

        public string MessageName => Context.MessageName;
        public int Stage => Context.Stage;
        public int Mode => Context.Mode;
        public int Depth => Context.Depth;

        /// <summary>What the plug-in wrote to ITracingService, one entry per Trace call.</summary>
        public IReadOnlyList<string> Traces => traces;

        /// <summary>Service calls this plug-in made itself (not those of plug-ins they triggered), by message name.</summary>
        public IReadOnlyDictionary<string, int> Calls => calls;

        /// <summary>All service calls this plug-in made itself.</summary>
        public int CallCount { get; private set; }

        /// <summary>The exception the plug-in let escape, if any.</summary>
        public Exception? Exception { get; internal set; }

        public bool Succeeded => Exception == null;

        /// <summary>Virtual time spent in service calls (an outermost execution also carries its nested ones'); see EmulatedOrganization.CallCost.</summary>
        public TimeSpan ExecutionTime { get; internal set; }

        internal void AddTrace(string line) => traces.Add(line);

        internal void CountCall(string messageName)
        {
            CallCount++;
            calls[messageName] = calls.TryGetValue(messageName, out var n) ? n + 1 : 1;
        }

        public override string ToString() => $"{StepName} ({MessageName}, stage {Stage}, depth {Depth})";
    }

    public enum SystemJobStatus
    {
        /// <summary>Queued; not run yet (or waiting for another try).</summary>
        Waiting,
        Succeeded,
        Failed,
    }

    /// <summary>An asynchronous step queued after its operation committed, like a System Job (AsyncOperation) row.</summary>
    public sealed class SystemJob
    {
        internal SystemJob(long id, Registration step, PluginContext context, DateTime createdOn)
        {
            Id = id;
            Step = step;
            Context = context;
            CreatedOn = createdOn;
        }

        /// <summary>Queue order: 1 for the first job ever queued.</summary>
        public long Id { get; }

        public string StepName => Step.Name;
        public string MessageName => Context.MessageName;
        public string PrimaryEntityName => Context.PrimaryEntityName;
        public Guid PrimaryEntityId => Context.PrimaryEntityId;
        public DateTime CreatedOn { get; }
        public SystemJobStatus Status { get; internal set; } = SystemJobStatus.Waiting;

        /// <summary>Runs so far (a plug-in that asks for a retry runs up to four times).</summary>
        public int Attempts { get; internal set; }

        /// <summary>The failure's message, as the System Job's message column would show it.</summary>
        public string? Message { get; internal set; }

        public Exception? Exception { get; internal set; }

        internal Registration Step { get; }
        internal PluginContext Context { get; }

        public override string ToString() => $"job {Id}: {StepName} on {PrimaryEntityName} {PrimaryEntityId} ({Status})";
    }

    /// <summary>A rule that makes matching service calls fail; see <see cref="EmulatedOrganization.FailCalls"/>.</summary>
    public sealed class FaultRule
    {
        internal FaultRule(Func<ServiceCall, bool> matches, Func<Exception> fault, int? times)
        {
            Matches = matches;
            Fault = fault;
            Remaining = times;
        }

        internal Func<ServiceCall, bool> Matches { get; }
        internal Func<Exception> Fault { get; }

        /// <summary>How many more calls it will fail; null for every matching call.</summary>
        public int? Remaining { get; internal set; }

        /// <summary>How many calls it has failed.</summary>
        public int Fired { get; internal set; }

        /// <summary>Stops the rule.</summary>
        public void Cancel() => Remaining = 0;
    }
}
