using System;
using System.Diagnostics;
using LeadScoring.Dataverse;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Platform
{
    /// <summary>
    /// What every host of an operation (plug-in, Custom API, workflow activity) hands it: the services
    /// as the caller and as SYSTEM, tracing, the time of the operation, whether it runs inside the
    /// platform's transaction, and how long this execution has been running (for its time budget).
    /// </summary>
    public sealed class ScoringServices
    {
        private readonly Stopwatch running = Stopwatch.StartNew();
        private readonly Func<TimeSpan>? executionTime;

        /// <param name="executionTime">The host's clock of this execution when it has one (the emulator's virtual clock); otherwise a stopwatch started now.</param>
        public ScoringServices(IOrganizationServiceFactory factory, Guid userId, Guid organizationId, ITracingService tracing, DateTime operationCreatedOn, bool inTransaction, Func<TimeSpan>? executionTime = null)
        {
            this.executionTime = executionTime;
            UserService = factory.CreateOrganizationService(userId);

            // Score columns are field-secured: scoring reads and writes them as SYSTEM, whoever caused the change.
            SystemService = factory.CreateOrganizationService(null);
            Tracing = tracing;
            Now = DateTime.SpecifyKind(operationCreatedOn, DateTimeKind.Utc);
            InTransaction = inTransaction;
            Models = new ModelStore(SystemService, organizationId);
            Scorer = new LeadScorer(SystemService, Models, tracing, inTransaction);
        }

        public IOrganizationService UserService { get; }

        public IOrganizationService SystemService { get; }

        public ITracingService Tracing { get; }

        /// <summary>When the operation happened: the one notion of "now" (deterministic under the emulator's clock).</summary>
        public DateTime Now { get; }

        /// <summary>Inside the platform's database transaction (synchronous steps and Custom APIs).</summary>
        public bool InTransaction { get; }

        public ModelStore Models { get; }

        public LeadScorer Scorer { get; }

        /// <summary>How long this execution has run: every execution is stopped at two minutes.</summary>
        public TimeSpan Elapsed => executionTime?.Invoke() ?? running.Elapsed;

        public void Trace(string format, params object?[] args) => Tracing.Trace(format, args!);
    }
}
