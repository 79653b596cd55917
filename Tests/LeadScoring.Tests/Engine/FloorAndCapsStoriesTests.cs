using System.Linq;
using LeadScoring.Engine;
using static LeadScoring.Tests.Engine.LeadTimeline;

namespace LeadScoring.Tests.Engine;

/// <summary>
/// Negative fit is what the floor must not undo: the floor lifts only the total, through its own
/// reversible floor adjustment, never by creating engagement; fit and engagement stay within their caps.
/// </summary>
public class FloorAndCapsStoriesTests
{
    private static readonly ScoringRule Student = new() { Id = "student", Name = "Student", Category = Category.Fit, Table = "lead", Conditions = [new Condition("jobtitle", ConditionOperator.Contains, ["student"])], Points = -25 };
    private static readonly ScoringRule Intern = new() { Id = "intern", Name = "Intern", Category = Category.Fit, Table = "lead", Conditions = [new Condition("jobtitle", ConditionOperator.Contains, ["intern"])], Points = -25 };
    private static readonly ScoringRule Competitor = new() { Id = "competitor", Name = "Works at a competitor", Category = Category.Fit, Table = "lead", Conditions = [new Condition("companyname", ConditionOperator.EqualsTo, ["Rival Corp"])], Points = -50 };

    private static ScoringModel Model => SampleModels.Default with { EngagementCap = 60, Rules = [SampleModels.Director, Student, Intern, Competitor, SampleModels.Whitepaper] };

    [Fact]
    public void A_student_with_50_engagement_points_scores_25()
    {
        var lead = new LeadTimeline(Model);
        lead.SetColumns(Start, ("jobtitle", "Student"));
        lead.Download("wp-1", Start.AddDays(1));
        lead.Apply(new Trigger.Adjustment(20, "Asked for a demo at the fair", "req-1"), Start.AddDays(2));

        Assert.Equal(-25, lead.State.Fit);
        Assert.Equal(50, lead.State.Engagement);
        Assert.Equal(25, lead.Score);
        Assert.Equal(0, lead.State.FloorAdjustment);
        Assert.Equal(lead.Score, lead.Ledger.Sum(e => e.Points));
    }

    [Fact]
    public void An_intern_who_never_did_anything_has_no_engagement_and_stays_New()
    {
        var lead = new LeadTimeline(Model);

        lead.SetColumns(Start, ("jobtitle", "Marketing intern"));

        Assert.Equal(0, lead.Score);
        Assert.Equal(-25, lead.State.Fit);
        Assert.Equal(0, lead.State.Engagement);
        Assert.Equal(25, lead.State.FloorAdjustment);
        Assert.Equal(LifecycleStage.New, lead.State.Stage);
        Assert.Equal("C3", lead.State.Grade); // fit −25 and engagement 0, not the floor's 25
        var floor = Assert.Single(lead.Ledger, e => e.Kind == ScoreEventKind.FloorAdjustment);
        Assert.Equal(Category.Total, floor.Category);
        Assert.Equal(0, lead.SumOf(Category.Engagement));
    }

    [Fact]
    public void A_student_at_a_competitor_earns_no_engagement_by_doing_nothing_and_never_more_than_the_cap()
    {
        var lead = new LeadTimeline(Model);
        lead.SetColumns(Start, ("jobtitle", "Student"), ("companyname", "Rival Corp"));
        Assert.Equal((-75, 0, 75, 0), (lead.State.Fit, lead.State.Engagement, lead.State.FloorAdjustment, lead.Score));

        lead.Download("wp-1", Start.AddDays(1));
        lead.Download("wp-2", Start.AddDays(2));
        lead.Download("wp-3", Start.AddDays(3));

        Assert.Equal(60, lead.State.Engagement); // the cap, not 90
        Assert.Equal(15, lead.State.FloorAdjustment);
        Assert.Equal(0, lead.Score);
        Assert.Equal(lead.Score, lead.Ledger.Sum(e => e.Points));
    }

    [Fact]
    public void The_floor_adjustment_is_taken_back_when_fit_recovers()
    {
        var lead = new LeadTimeline(Model);
        lead.SetColumns(Start, ("jobtitle", "Student"));
        Assert.Equal(25, lead.State.FloorAdjustment);

        lead.SetColumns(Start.AddDays(1), ("jobtitle", "Director"));
        Assert.Equal(20, lead.Score);
        Assert.Equal(0, lead.State.FloorAdjustment);
        Assert.Equal(new[] { 25, -25 }, lead.Ledger.Where(e => e.Kind == ScoreEventKind.FloorAdjustment).Select(e => e.Points));

        lead.SetColumns(Start.AddDays(2), ("jobtitle", "Student"));
        Assert.Equal(25, lead.State.FloorAdjustment);
        Assert.Equal(lead.Score, lead.Ledger.Sum(e => e.Points));
    }
}
