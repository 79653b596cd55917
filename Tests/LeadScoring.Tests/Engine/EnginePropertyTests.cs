using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadScoring.Dataverse;
using LeadScoring.Engine;

namespace LeadScoring.Tests.Engine;

/// <summary>
/// Invariants of the ledger over random valid models and random event sequences. FsCheck draws
/// the scenario seed; a failure reports it, and the same seed replays the same scenario.
/// </summary>
public class EnginePropertyTests
{
    private const int Scenarios = 300;

    [Property(MaxTest = Scenarios)]
    public Property Totals_always_equal_the_sum_of_the_score_events(PositiveInt seed) =>
        Holds(seed, (lead, _) => lead.State.Fit == lead.SumOf(Category.Fit) && lead.State.Engagement == lead.SumOf(Category.Engagement) &&
            lead.State.FloorAdjustment == lead.SumOf(Category.Total) && lead.Score == lead.Ledger.Sum(e => e.Points));

    [Property(MaxTest = Scenarios)]
    public Property Replaying_any_event_is_a_no_op(PositiveInt seed) =>
        Holds(seed, (lead, step) => lead.Apply(step.Trigger, step.At).NewEvents.Count == 0);

    [Property(MaxTest = Scenarios)]
    public Property Recalculation_equals_the_incremental_result(PositiveInt seed) =>
        Holds(seed, (lead, step) =>
        {
            var before = lead.State;
            var recalculated = ScoringEngine.Apply(lead.Model, new LeadSnapshot(lead.LeadId, lead.Columns, lead.State) { Status = lead.Status }, lead.Ledger, new Trigger.Recalculation(), step.At);
            return recalculated.NewEvents.Count == 0 && recalculated.State.Score == before.Score && recalculated.State.Stage == before.Stage && recalculated.State.Grade == before.Grade;
        });

    [Property(MaxTest = Scenarios)]
    public Property Caps_hold_and_the_floor_lifts_only_the_total(PositiveInt seed) =>
        Holds(seed, (lead, _) => lead.State.Fit <= lead.Model.FitCap && lead.State.Engagement <= lead.Model.EngagementCap &&
            lead.Score == Math.Max(lead.Model.Floor, lead.State.Fit + lead.State.Engagement) &&
            lead.State.FloorAdjustment == Math.Max(0, lead.Model.Floor - (lead.State.Fit + lead.State.Engagement)));

    [Property(MaxTest = Scenarios)]
    public Property The_stage_follows_the_status_and_the_numbers(PositiveInt seed) =>
        Holds(seed, (lead, _) => lead.Status switch
        {
            LeadStatus.Disqualified => lead.State.Stage == LifecycleStage.Disqualified,
            LeadStatus.Qualified => lead.State.Stage == LifecycleStage.SalesAccepted,
            _ => (lead.State.Stage == LifecycleStage.MarketingQualified) == (lead.State.SalesReadyOn != null) &&
                (lead.State.Stage != LifecycleStage.MarketingQualified || Lifecycle.IsSalesReady(lead.Model, lead.State.Fit, lead.State.Engagement)) &&
                (lead.State.Stage != LifecycleStage.New || lead.Ledger.All(e => e.Kind != ScoreEventKind.Rule || e.Category != Category.Engagement || e.Points <= 0)),
        });

    [Property(MaxTest = Scenarios)]
    public Property Next_scoring_change_due_on_is_exact(PositiveInt seed) =>
        Holds(seed, (lead, step) =>
        {
            var state = lead.State;
            var snapshot = new LeadSnapshot(lead.LeadId, lead.Columns, state) { Status = lead.Status };
            var last = lead.Ledger.Select(e => e.OccurredOn).Append(step.At).Max();
            if (lead.Status != LeadStatus.Open)
            {
                return state.NextChangeOn == null; // the nightly job reads open leads only
            }

            if (state.NextChangeOn is not { } due)
            {
                return ScoringEngine.Apply(lead.Model, snapshot, lead.Ledger, new Trigger.DecayDue(), last.AddYears(3)).NewEvents.Count == 0;
            }

            var before = due.AddMinutes(-1);
            var nothingBefore = before < last || ScoringEngine.Apply(lead.Model, snapshot, lead.Ledger, new Trigger.DecayDue(), before).NewEvents.Count == 0;
            return nothingBefore && ScoringEngine.Apply(lead.Model, snapshot, lead.Ledger, new Trigger.DecayDue(), due.AddMinutes(1)).NewEvents.Count > 0;
        });

    [Property(MaxTest = Scenarios)]
    public Property Decay_twice_for_the_same_moment_changes_nothing(PositiveInt seed) =>
        Holds(seed, (lead, step) =>
        {
            lead.Decay(step.At.AddDays(20));
            return lead.Decay(step.At.AddDays(20)).NewEvents.Count == 0;
        });

    [Property(MaxTest = Scenarios)]
    public Property Every_event_key_is_unique(PositiveInt seed) =>
        Holds(seed, (lead, _) => lead.Ledger.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count() == lead.Ledger.Count);

    /// <summary>Plays a random scenario and checks the invariant after every step.</summary>
    private static Property Holds(PositiveInt seed, Func<LeadTimeline, Step, bool> invariant)
    {
        var random = new Random(seed.Get);
        var lead = new LeadTimeline(RandomModel(random));
        Assert.Empty(ModelValidator.Validate(lead.Model));
        var at = LeadTimeline.Start;
        lead.SetColumns(at, ("c1", Pick(random, "x", "y", null))); // the lead is created first, as in Dataverse
        var steps = random.Next(1, 40);
        for (var i = 0; i < steps; i++)
        {
            at = at.AddHours(random.Next(0, 24 * 6));
            var step = RandomStep(random, lead, at, i);
            if (step.Status is { } status)
            {
                lead.SetStatus(status, step.At);
            }
            else
            {
                lead.Apply(step.Trigger, step.At);
            }
            if (!invariant(lead, step))
            {
                return false.Label("seed " + seed.Get + ", step " + i + ": " + step.Trigger);
            }
        }

        return true.ToProperty();
    }

    /// <summary>One step of a scenario; Status, when set, is the lead's status from this step on (Disqualify, Qualify, Reactivate).</summary>
    internal sealed record Step(Trigger Trigger, DateTime At, LeadStatus? Status = null);

    private static Step RandomStep(Random random, LeadTimeline lead, DateTime at, int index)
    {
        var id = "r" + random.Next(0, 6);
        switch (random.Next(0, 10))
        {
            case 8:
                var status = Pick(random, LeadStatus.Open, LeadStatus.Open, LeadStatus.Qualified, LeadStatus.Disqualified);
                return new Step(new Trigger.LeadChanged(new Activity("lead", lead.LeadId, at, new Dictionary<string, object?>(lead.Columns), new Dictionary<string, object?>(lead.Columns), "v" + index)) { Reactivated = lead.Status != LeadStatus.Open && status == LeadStatus.Open }, at, status);
            case 0:
            case 1:
                var previous = new Dictionary<string, object?>(lead.Columns);
                lead.Columns["c" + random.Next(1, 4)] = Pick(random, "x", "y", null);
                return new Step(new Trigger.LeadChanged(new Activity("lead", lead.LeadId, at, new Dictionary<string, object?>(lead.Columns), previous, "v" + index)), at);
            case 2:
            case 3:
                var type = random.Next(1, 4);
                return new Step(new Trigger.ActivityOccurred(ActivityChange.Of("ls_interaction", id, at, Columns(("ls_type", type)), random.Next(2) == 0 ? null : Columns(("ls_type", type % 3 + 1)), "v" + index)), at);
            case 4:
                return new Step(new Trigger.ActivityOccurred(ActivityChange.Of("email", "m" + index, at, Columns(("directioncode", true), ("statuscode", 3)), null, "create")), at);
            case 5:
                return new Step(new Trigger.ActivityOccurred(ActivityChange.Of("email", "m" + random.Next(0, index + 1), at, Columns(("linksclickedcount", 1)), Columns(("linksclickedcount", 0)), "v" + index)), at);
            case 6:
                return new Step(new Trigger.DecayDue(), at.AddDays(random.Next(0, 60)));
            case 7 when lead.Status == LeadStatus.Open: // only an open lead can be handed back
                return new Step(new Trigger.HandBack("reason " + index), at);
            default:
                return new Step(new Trigger.Adjustment(random.Next(-50, 50) is var p && p != 0 ? p : 1, "adjustment " + index, "req" + index), at);
        }
    }

    private static ScoringModel RandomModel(Random random)
    {
        var threshold = random.Next(20, 200);
        var minimumFit = random.Next(0, 40);
        var minimumEngagement = random.Next(0, 40);
        var rules = new List<ScoringRule>();
        for (var i = 0; i < random.Next(1, 4); i++)
        {
            rules.Add(new ScoringRule
            {
                Id = "fit" + i,
                Name = "Fit " + i,
                Category = Category.Fit,
                Table = "lead",
                Conditions = [new Condition("c" + random.Next(1, 4), Pick(random, ConditionOperator.EqualsTo, ConditionOperator.NotEquals, ConditionOperator.Exists), [])],
                Points = random.Next(-10, 40) is var p && p != 0 ? p : 5,
            });
            if (rules[^1].Conditions[0].Operator != ConditionOperator.Exists)
            {
                rules[^1] = rules[^1] with { Conditions = [rules[^1].Conditions[0] with { Values = [Pick(random, "x", "y")] }] };
            }
        }

        for (var i = 0; i < random.Next(1, 5); i++)
        {
            var limit = Pick(random, new RuleLimit(LimitType.None), new RuleLimit(LimitType.PerLead), new RuleLimit(LimitType.PerRecord), new RuleLimit(LimitType.MaxTimes, random.Next(1, 4)), new RuleLimit(LimitType.OncePerDays, random.Next(1, 10)));
            rules.Add(new ScoringRule
            {
                Id = "eng" + i,
                Name = "Engagement " + i,
                Category = Category.Engagement,
                Table = "ls_interaction",
                Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, [random.Next(1, 4)])],
                Points = random.Next(-20, 60) is var p && p != 0 ? p : 10,
                Limit = limit,
                ExpiresAfterDays = random.Next(3) == 0 ? random.Next(1, 30) : null,
            });
        }

        if (random.Next(2) == 0)
        {
            rules.Add(new ScoringRule { Id = "cold", Name = "Cold", Category = Category.Engagement, Kind = RuleKind.UnansweredEmails, Count = random.Next(1, 5), Points = -random.Next(1, 40) });
        }

        if (random.Next(2) == 0)
        {
            rules.Add(new ScoringRule { Id = "busy", Name = "Busy", Category = Category.Engagement, Kind = RuleKind.ActivityVolume, Count = random.Next(1, 4), WithinDays = random.Next(1, 20), Points = random.Next(1, 30) });
        }

        return new ScoringModel
        {
            Name = "Random",
            Version = random.Next(1, 5),
            SalesReadyThreshold = threshold,
            MinimumFit = minimumFit,
            MinimumEngagement = minimumEngagement,
            FitCap = random.Next(Math.Max(1, minimumFit), 150),
            EngagementCap = random.Next(Math.Max(40, minimumEngagement), 250) + threshold,
            Floor = -random.Next(0, 20),
            Grades = new GradeBands([60, 30], [80, 40]),
            Decay = new DecayPolicy(random.Next(1, 40), random.Next(1, 20), random.Next(1, 10), random.Next(0, 10)),
            HandBack = new HandBackPolicy(random.Next(0, 50), random.Next(1, threshold), random.Next(0, 40)),
            Rules = rules,
        };
    }

    private static Dictionary<string, object?> Columns(params (string Column, object? Value)[] columns) => columns.ToDictionary(c => c.Column, c => c.Value);

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];
}
