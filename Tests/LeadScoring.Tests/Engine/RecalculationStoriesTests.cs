using System;
using System.Linq;
using LeadScoring.Engine;
using static LeadScoring.Tests.Engine.LeadTimeline;

namespace LeadScoring.Tests.Engine;

/// <summary>
/// The revise loop: a new model version drops a rule, adds one and changes a weight; after it is
/// activated, every lead is exactly what the new model would have made of it had it always been active.
/// </summary>
public class RecalculationStoriesTests
{
    private static readonly ScoringRule WebinarAttended = new() { Id = "webinar", Name = "Webinar attended", Category = Category.Engagement, Table = "ls_interaction", Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, ["100000004"])], Points = 25, Limit = new RuleLimit(LimitType.PerRecord) };

    /// <summary>Version 2: the unanswered-emails debit is dropped, webinars count, a whitepaper is worth 20 instead of 30.</summary>
    private static readonly ScoringModel Revised = SampleModels.Default with { Version = 2, Rules = [SampleModels.Director, SampleModels.Whitepaper with { Points = 20 }, WebinarAttended] };

    [Fact]
    public void After_activation_a_lead_is_what_the_new_model_would_have_made_of_it()
    {
        var revised = Play(new LeadTimeline());
        var always = Play(new LeadTimeline(Revised));
        var ledgerBefore = revised.Ledger.ToList();

        revised.Activate(Revised, Start.AddDays(12));
        always.Apply(new Trigger.DecayDue(), Start.AddDays(12));

        Assert.Equal((always.State.Fit, always.State.Engagement, always.Score, always.State.Grade, always.State.Stage), (revised.State.Fit, revised.State.Engagement, revised.Score, revised.State.Grade, revised.State.Stage));
        Assert.Equal(20 + 40 + 25, revised.Score); // fit 20; two whitepapers at 20; the webinar
        Assert.Equal(0, revised.PointsPerRule()["cold"]); // the dropped rule's debit is taken back
        Assert.Equal(40, revised.PointsPerRule()["whitepaper"]);
        Assert.Equal(25, revised.PointsPerRule()["webinar"]); // the new rule applies to past activity
        Assert.Equal(ledgerBefore, revised.Ledger.Take(ledgerBefore.Count)); // nothing deleted or changed: corrections are appended
        Assert.All(revised.Ledger.Skip(ledgerBefore.Count).Where(e => e.Category == Category.Engagement), e => Assert.StartsWith("Recalculated for model version 2", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Recalculating_again_or_replaying_a_past_record_changes_nothing()
    {
        var lead = Play(new LeadTimeline());
        lead.Activate(Revised, Start.AddDays(12));

        Assert.Empty(lead.Activate(Revised, Start.AddDays(12)).NewEvents);
        Assert.Empty(lead.Apply(new Trigger.ActivityOccurred(LeadScoring.Dataverse.ActivityChange.Of("ls_interaction", "webinar-1", Start.AddDays(5), new System.Collections.Generic.Dictionary<string, object?> { ["ls_type"] = 100000004 }, null, "create")), Start.AddDays(13)).NewEvents);
    }

    [Fact]
    public void Hand_backs_and_manual_adjustments_are_kept_as_facts()
    {
        var lead = Play(new LeadTimeline());
        lead.Apply(new Trigger.Adjustment(15, "Met at the trade show", "req-1"), Start.AddDays(11));
        lead.HandBack("Not this year", Start.AddDays(11));
        var handBacks = lead.State.HandBackCount;

        lead.Activate(Revised, Start.AddDays(12));

        Assert.Equal(15, lead.Ledger.Where(e => e.Kind == ScoreEventKind.Adjustment).Sum(e => e.Points));
        Assert.Equal(handBacks, lead.State.HandBackCount);
        Assert.Equal(LifecycleStage.Recycled, lead.State.Stage);
        Assert.Equal(lead.Score, lead.Ledger.Sum(e => e.Points));
    }

    /// <summary>A director downloads two whitepapers, attends a webinar and ignores four emails, then clicks one.</summary>
    private static LeadTimeline Play(LeadTimeline lead)
    {
        lead.SetColumns(Start, ("jobtitle", "Director"));
        lead.Download("wp-1", Start.AddDays(1));
        lead.Record("ls_interaction", "webinar-1", Start.AddDays(2), ("ls_type", 100000004));
        foreach (var day in new[] { 3, 4, 5, 6 })
        {
            lead.SendEmail("mail-" + day, Start.AddDays(day));
        }

        lead.Download("wp-2", Start.AddDays(8));
        lead.ClickEmail("mail-6", Start.AddDays(9));
        return lead;
    }
}
