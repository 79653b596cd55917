using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using LeadScoring.Engine;

namespace LeadScoring.Benchmarks
{
    /// <summary>
    /// Scoring one event (an email open, the commonest trigger) for a lead with a 30-event ledger,
    /// against models of 20, 100 and 500 rules; and a lead-column change (fit rules re-evaluated).
    /// </summary>
    [MemoryDiagnoser]
    public class ScoreEventBenchmarks
    {
        private ScoringModel model = new();
        private LeadSnapshot lead = new("lead-1", new Dictionary<string, object?>(), new LeadState());
        private List<ScoreEvent> ledger = new();
        private Trigger open = new Trigger.DecayDue();
        private Trigger leadChange = new Trigger.DecayDue();
        private DateTime now;

        [Params(20, 100, 500)]
        public int Rules { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            model = Workloads.Model(Rules);
            ledger = Workloads.Ledger(model, 30);
            var columns = Workloads.LeadColumns(7);
            lead = new LeadSnapshot("lead-1", columns, Workloads.StateOf(ledger));
            now = Workloads.Start.AddDays(10);
            open = Workloads.EmailOpen("email-1", now);
            var previous = new Dictionary<string, object?>(columns) { ["jobtitle"] = "Student" };
            leadChange = new Trigger.LeadChanged(new Activity("lead", "lead-1", now, columns, previous, "v9"));
        }

        [Benchmark(Baseline = true)]
        public ScoringResult EmailOpen() => ScoringEngine.Apply(model, lead, ledger, open, now);

        [Benchmark]
        public ScoringResult LeadColumnsChanged() => ScoringEngine.Apply(model, lead, ledger, leadChange, now);
    }

    /// <summary>Recalculating a lead (ls_RecalculateLeadScore, model activation) from its whole ledger, with the 100-rule model.</summary>
    [MemoryDiagnoser]
    public class RecalculateBenchmarks
    {
        private ScoringModel model = new();
        private LeadSnapshot lead = new("lead-1", new Dictionary<string, object?>(), new LeadState());
        private List<ScoreEvent> ledger = new();
        private DateTime now;

        [Params(100, 10_000)]
        public int Events { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            model = Workloads.Model(100);
            ledger = Workloads.Ledger(model, Events);
            lead = new LeadSnapshot("lead-1", Workloads.LeadColumns(7), Workloads.StateOf(ledger));
            now = Workloads.Start.AddHours(Events + 1);
        }

        [Benchmark]
        public ScoringResult Recalculate() => ScoringEngine.Apply(model, lead, ledger, new Trigger.Recalculation(), now);

        [Benchmark]
        public ScoringResult EmailOpen() => ScoringEngine.Apply(model, lead, ledger, Workloads.EmailOpen("email-x", now), now);
    }
}
