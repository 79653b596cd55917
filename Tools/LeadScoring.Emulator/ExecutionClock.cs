using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Emulator
{
    // Why: the platform stops every plug-in, Custom API and workflow-activity execution after two
    // minutes and rolls its transaction back (it throws a TimeoutException). In-memory calls take
    // microseconds, so the emulator keeps a virtual execution clock instead: every service call made
    // inside an execution (by it or by the plug-ins its calls trigger) costs CallCost, plus any extra
    // given by SlowCalls, charged to the outermost execution. A call that takes it past the limit
    // fails with TimeoutException, and the operation rolls back as on the platform.
    // https://learn.microsoft.com/power-apps/developer/data-platform/analyze-performance
    // A plug-in can read its execution's virtual time through IServiceProvider.GetService(typeof(Func<TimeSpan>));
    // the platform supplies no such service (it returns null there), so plug-ins fall back to a Stopwatch.
    public sealed partial class EmulatedOrganization
    {
        /// <summary>The platform's limit on one execution.</summary>
        public static readonly TimeSpan ExecutionTimeLimit = TimeSpan.FromMinutes(2);

        private readonly List<PluginExecution> running = new();
        private readonly List<(Func<ServiceCall, bool> Matches, TimeSpan Extra)> slowCalls = new();

        /// <summary>
        /// What one service call made inside an execution costs on the virtual clock. The default, 20 ms,
        /// is the pessimistic cost of a call made by a plug-in that docs/benchmarks.md plans with (Microsoft
        /// publishes no per-call figure).
        /// </summary>
        public TimeSpan CallCost { get; set; } = TimeSpan.FromMilliseconds(20);

        /// <summary>Makes matching calls cost <paramref name="extra"/> more on the virtual clock (a slow query, a locked row).</summary>
        public void SlowCalls(Func<ServiceCall, bool> predicate, TimeSpan extra) => slowCalls.Add((predicate, extra));

        private void Charge(ServiceCall call)
        {
            if (running.Count == 0)
            {
                return; // a call from outside any execution: the caller's own time, not an execution's
            }
            var outermost = running[0];
            outermost.ExecutionTime += CallCost + slowCalls.Where(s => s.Matches(call)).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Extra);
            if (outermost.ExecutionTime > ExecutionTimeLimit)
            {
                throw new TimeoutException($"{outermost.StepName} ran longer than {ExecutionTimeLimit.TotalMinutes:0} minutes ({outermost.ExecutionTime.TotalSeconds:0} s of service calls); the operation was canceled and rolled back.");
            }
        }

        internal TimeSpan ExecutionTimeOf(PluginExecution execution) => running.Count > 0 && running.Contains(execution) ? running[0].ExecutionTime : execution.ExecutionTime;
    }
}
