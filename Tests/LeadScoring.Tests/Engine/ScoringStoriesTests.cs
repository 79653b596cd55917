using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using static LeadScoring.Tests.Engine.LeadTimeline;

namespace LeadScoring.Tests.Engine;

/// <summary>The product's stories, told against the pure engine.</summary>
public class ScoringStoriesTests
{
    [Fact]
    public void A_download_earns_30_and_four_unclicked_emails_take_30_away()
    {
        var lead = new LeadTimeline();

        lead.Download("wp-1", Start);
        Assert.Equal(30, lead.State.Engagement);
        Assert.Equal(LifecycleStage.Engaged, lead.State.Stage);

        lead.SendEmail("mail-1", Start.AddDays(1));
        lead.SendEmail("mail-2", Start.AddDays(2));
        lead.SendEmail("mail-3", Start.AddDays(3));
        Assert.Equal(30, lead.Score);

        lead.SendEmail("mail-4", Start.AddDays(4));

        Assert.Equal(0, lead.Score);
        var debit = Assert.Single(lead.Ledger, e => e.RuleId == "cold");
        Assert.Equal(-30, debit.Points);
        Assert.Empty(lead.State.UnansweredEmailIds);
    }

    [Fact]
    public void A_click_resets_the_unanswered_streak()
    {
        var lead = new LeadTimeline();
        lead.Download("wp-1", Start);
        lead.SendEmail("mail-1", Start.AddDays(1));
        lead.SendEmail("mail-2", Start.AddDays(2));
        lead.SendEmail("mail-3", Start.AddDays(3));

        lead.ClickEmail("mail-2", Start.AddDays(3.5));
        lead.SendEmail("mail-4", Start.AddDays(4));

        Assert.Equal(30, lead.Score);
        Assert.Equal(new[] { "mail-4" }, lead.State.UnansweredEmailIds);
    }

    [Fact]
    public void Replaying_the_same_download_or_sent_email_changes_nothing()
    {
        var lead = new LeadTimeline();
        lead.Download("wp-1", Start);
        var ledger = lead.Ledger.Count;
        var streakEmail = lead.SendEmail("mail-1", Start.AddDays(1));

        var replay = lead.Apply(new Trigger.ActivityOccurred(ActivityChange.Of("ls_interaction", "wp-1", Start, new System.Collections.Generic.Dictionary<string, object?> { ["ls_type"] = 100000001 }, null, "create")), Start.AddDays(2));
        var replayEmail = lead.Apply(new Trigger.ActivityOccurred(ActivityChange.Of("email", "mail-1", Start.AddDays(1), new System.Collections.Generic.Dictionary<string, object?> { ["directioncode"] = true, ["statuscode"] = 3 }, null, "create")), Start.AddDays(2));

        Assert.Empty(replay.NewEvents);
        Assert.Empty(replayEmail.NewEvents);
        Assert.Equal(ledger, lead.Ledger.Count);
        Assert.Equal(new[] { "mail-1" }, lead.State.UnansweredEmailIds);
    }

    [Fact]
    public void A_director_title_adds_fit_and_removing_it_takes_it_away()
    {
        var lead = new LeadTimeline();

        lead.SetColumns(Start, ("jobtitle", "Marketing Director"));
        Assert.Equal(20, lead.State.Fit);

        lead.SetColumns(Start.AddDays(1), ("jobtitle", "Intern"));
        Assert.Equal(0, lead.State.Fit);
        Assert.Equal(new[] { 20, -20 }, lead.Ledger.Select(e => e.Points));
        Assert.EndsWith("no longer applies", lead.Ledger[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sales_ready_needs_the_threshold_and_both_minimums()
    {
        var lead = new LeadTimeline();
        lead.Download("wp-1", Start);
        lead.Download("wp-2", Start);
        lead.Download("wp-3", Start);
        lead.Download("wp-4", Start);
        Assert.Equal(120, lead.Score);
        Assert.Equal(LifecycleStage.Engaged, lead.State.Stage); // fit 0 < minimum fit 20

        lead.SetColumns(Start.AddHours(1), ("jobtitle", "Director of IT"));

        Assert.Equal(LifecycleStage.MarketingQualified, lead.State.Stage);
        Assert.Equal(Start.AddHours(1), lead.State.SalesReadyOn);
        Assert.Equal("C1", lead.State.Grade); // fit 20 < 30: C; engagement 120 ≥ 80: 1
    }

    [Fact]
    public void A_handed_back_lead_lands_below_the_line_and_needs_new_engagement_to_requalify()
    {
        var lead = SalesReady(); // fit 20 + engagement 90 = 110

        lead.HandBack("Not ready to buy this year", Start.AddDays(1));

        Assert.Equal(LifecycleStage.Recycled, lead.State.Stage);
        Assert.True(lead.Score <= 100 - 10, "lands at least the margin below the line");
        Assert.Equal(70, lead.Score); // debit max(40, 110 - 90) = 40
        Assert.Equal(1, lead.State.HandBackCount);
        Assert.Equal("Not ready to buy this year", lead.State.HandBackReason);
        Assert.Null(lead.State.SalesReadyOn);

        // A fit change alone does not requalify: it needs new engagement.
        lead.Model = SampleModels.Default with { Rules = [SampleModels.Director with { Points = 60 }, SampleModels.Whitepaper, SampleModels.Cold] };
        lead.Apply(new Trigger.Recalculation(), Start.AddDays(2));
        Assert.Equal(110, lead.Score);
        Assert.Equal(LifecycleStage.Recycled, lead.State.Stage);

        lead.Download("wp-new", Start.AddDays(3));
        Assert.Equal(LifecycleStage.MarketingQualified, lead.State.Stage);
    }

    [Fact]
    public void Handing_back_twice_without_new_engagement_debits_once()
    {
        var lead = SalesReady();
        lead.HandBack("Budget frozen", Start.AddDays(1));
        var second = lead.HandBack("Budget frozen", Start.AddDays(1));

        Assert.Empty(second.NewEvents);
        Assert.Equal(1, lead.State.HandBackCount);
    }

    [Fact]
    public void Decay_debits_on_schedule_and_not_twice()
    {
        var lead = new LeadTimeline();
        lead.Download("wp-1", Start);
        lead.Download("wp-2", Start);

        lead.Decay(Start.AddDays(29));
        Assert.Equal(60, lead.Score);

        lead.Decay(Start.AddDays(30));
        Assert.Equal(55, lead.Score);
        lead.Decay(Start.AddDays(30));
        Assert.Equal(55, lead.Score);

        lead.Decay(Start.AddDays(44)); // debits 2 (day 37) and 3 (day 44)
        Assert.Equal(45, lead.Score);
        Assert.Equal(new[] { Start.AddDays(30), Start.AddDays(37), Start.AddDays(44) }, lead.Ledger.Where(e => e.Kind == ScoreEventKind.Decay).Select(e => e.OccurredOn));

        lead.Download("wp-3", Start.AddDays(45)); // new engagement restarts the clock
        lead.Decay(Start.AddDays(60));
        Assert.Equal(75, lead.Score);
    }

    [Fact]
    public void A_lead_that_decays_below_the_line_leaves_sales_ready()
    {
        var lead = SalesReady(); // 110

        lead.Decay(Start.AddDays(37)); // two debits: 100, still on the line
        Assert.Equal(LifecycleStage.MarketingQualified, lead.State.Stage);

        lead.Decay(Start.AddDays(44)); // 95
        Assert.Equal(LifecycleStage.Engaged, lead.State.Stage);
        Assert.Null(lead.State.SalesReadyOn);
    }

    [Fact]
    public void Decay_never_goes_below_its_floor()
    {
        var lead = new LeadTimeline(SampleModels.Default with { Decay = new DecayPolicy(30, 25, 7, 10) });
        lead.Download("wp-1", Start);

        lead.Decay(Start.AddDays(365));

        Assert.Equal(10, lead.State.Engagement);
    }

    [Fact]
    public void SalesAccepted_and_Disqualified_set_by_people_are_never_overridden()
    {
        foreach (var stage in new[] { LifecycleStage.SalesAccepted, LifecycleStage.Disqualified })
        {
            var lead = SalesReady();
            var state = lead.State with { Stage = stage };

            var result = ScoringEngine.Apply(lead.Model, new LeadSnapshot(lead.LeadId, lead.Columns, state), lead.Ledger, new Trigger.DecayDue(), Start.AddDays(90));

            Assert.Equal(stage, result.State.Stage);
            Assert.True(result.State.Score < 100);
        }
    }

    [Fact]
    public void Engagement_stops_at_its_cap_and_the_ledger_says_so()
    {
        var lead = new LeadTimeline(SampleModels.Default with { EngagementCap = 50 });
        lead.Download("wp-1", Start);
        lead.Download("wp-2", Start);
        lead.Download("wp-3", Start);

        Assert.Equal(50, lead.State.Engagement);
        Assert.Equal(2, lead.Ledger.Count);
        Assert.Contains("limited to 20", lead.Ledger[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_stops_at_its_cap()
    {
        var vp = new ScoringRule { Id = "vp", Name = "VP", Category = Category.Fit, Table = "lead", Conditions = [new Condition("jobtitle", ConditionOperator.Contains, ["vp"])], Points = 90 };
        var lead = new LeadTimeline(SampleModels.With(vp));

        lead.SetColumns(Start, ("jobtitle", "VP and Director"));
        Assert.Equal(100, lead.State.Fit);

        lead.SetColumns(Start.AddDays(1), ("jobtitle", "VP"));
        Assert.Equal(90, lead.State.Fit);
        Assert.Equal(lead.State.Fit, lead.SumOf(Category.Fit));
    }

    [Fact]
    public void Points_of_a_rule_with_expiresAfterDays_drop_out_when_the_event_is_older()
    {
        var webinar = SampleModels.Whitepaper with { Id = "webinar", Name = "Webinar", ExpiresAfterDays = 10 };
        var lead = new LeadTimeline(SampleModels.Default with { Rules = [webinar] });
        lead.Download("w-1", Start);

        lead.Decay(Start.AddDays(9));
        Assert.Equal(30, lead.Score);

        lead.Decay(Start.AddDays(10));
        Assert.Equal(0, lead.Score);
        Assert.Equal(ScoreEventKind.Expiry, lead.Ledger.Last().Kind);
        Assert.Empty(lead.Decay(Start.AddDays(11)).NewEvents);
    }

    [Theory]
    [InlineData(LimitType.PerLead, 0, 30)]
    [InlineData(LimitType.PerRecord, 0, 90)]
    [InlineData(LimitType.MaxTimes, 3, 90)]
    [InlineData(LimitType.OncePerDays, 7, 90)] // weeks Monday to Sunday: a and b (Fri, Sat) share one, c (Sat) and c again (Mon) fall in the next two
    [InlineData(LimitType.None, 0, 120)]
    public void Frequency_limits_cap_how_often_a_rule_awards(LimitType limit, int value, int expected)
    {
        var rule = SampleModels.Whitepaper with { Limit = new RuleLimit(limit, value) };
        var lead = new LeadTimeline(SampleModels.Default with { Rules = [rule] });

        lead.Download("a", Start);
        lead.Download("b", Start.AddDays(1));
        lead.Download("c", Start.AddDays(8));
        lead.Record("ls_interaction", "c", Start.AddDays(9), ("ls_type", 100000000)); // no longer a download
        lead.Record("ls_interaction", "c", Start.AddDays(10), ("ls_type", 100000001)); // a download again

        Assert.Equal(expected, lead.Score);
    }

    [Fact]
    public void OncePerDays_awards_once_per_fixed_period_of_that_many_days_so_the_order_of_arrival_does_not_matter()
    {
        var rule = SampleModels.Whitepaper with { Limit = new RuleLimit(LimitType.OncePerDays, 7) };
        var sunday = new DateTime(2026, 5, 10, 23, 0, 0, DateTimeKind.Utc);
        var inOrder = new LeadTimeline(SampleModels.Default with { Rules = [rule] });
        var late = new LeadTimeline(SampleModels.Default with { Rules = [rule] });

        inOrder.Download("sat", sunday.AddDays(-1));
        inOrder.Download("sun", sunday);
        inOrder.Download("mon", sunday.AddHours(2));
        late.Download("mon", sunday.AddHours(2));
        late.Download("sun", sunday);
        late.Download("sat", sunday.AddDays(-1));

        Assert.Equal(60, inOrder.Score); // Saturday's week and Monday's week, three hours apart
        Assert.Equal(60, late.Score);
        Assert.Equal(inOrder.Ledger.Select(e => e.Key).OrderBy(k => k), late.Ledger.Select(e => e.Key).OrderBy(k => k));
    }

    [Fact]
    public void Activity_volume_awards_once_when_enough_interactions_fall_within_the_window()
    {
        var busy = new ScoringRule { Id = "busy", Name = "Three interactions in a week", Category = Category.Engagement, Kind = RuleKind.ActivityVolume, Count = 3, WithinDays = 7, Points = 15 };
        var lead = new LeadTimeline(SampleModels.With(busy));

        lead.Download("a", Start);
        lead.Download("b", Start.AddDays(5));
        Assert.Equal(60, lead.Score);
        lead.Download("c", Start.AddDays(6));
        Assert.Equal(105, lead.Score);
        lead.Download("d", Start.AddDays(7));
        Assert.Equal(135, lead.Score);
    }

    [Fact]
    public void A_negative_rule_never_takes_the_score_below_the_floor()
    {
        var unsubscribed = new ScoringRule { Id = "unsub", Name = "Unsubscribed", Category = Category.Engagement, Table = "ls_interaction", Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, ["100000007"])], Points = -500 };
        var lead = new LeadTimeline(SampleModels.With(unsubscribed));
        lead.Download("a", Start);

        lead.Record("ls_interaction", "u", Start.AddDays(1), ("ls_type", 100000007));

        Assert.Equal(0, lead.Score);
        Assert.Equal(-470, lead.State.Engagement); // the debit lands in full: a later download does not undo it
        Assert.Equal(470, lead.State.FloorAdjustment);
        Assert.Equal(ScoreEventKind.FloorAdjustment, lead.Ledger.Last().Kind);
    }

    [Fact]
    public void A_manual_adjustment_is_a_score_event_and_a_retry_adds_nothing()
    {
        var lead = new LeadTimeline();
        lead.Apply(new Trigger.Adjustment(25, "Met at the trade show", "req-1"), Start);
        lead.Apply(new Trigger.Adjustment(25, "Met at the trade show", "req-1"), Start);

        var adjustment = Assert.Single(lead.Ledger);
        Assert.Equal(ScoreEventKind.Adjustment, adjustment.Kind);
        Assert.Equal(25, lead.Score);
        Assert.Throws<ScoringException>(() => lead.Apply(new Trigger.Adjustment(5, " ", "req-2"), Start));
    }

    [Fact]
    public void The_explanation_lists_reasons_by_size_positive_and_negative()
    {
        var lead = new LeadTimeline();
        lead.SetColumns(Start, ("jobtitle", "Director"));
        lead.Download("a", Start);
        lead.Download("b", Start);
        foreach (var mail in new[] { "m1", "m2", "m3", "m4" })
        {
            lead.SendEmail(mail, Start.AddDays(1));
        }

        var reasons = Explainer.Reasons(lead.Model, lead.Ledger, 5);

        Assert.Equal(new[] { ("Whitepaper download", 60), ("Four emails, no click", -30), ("Director-level title", 20) }, reasons.Select(r => (r.Name, r.Points)));
        Assert.Equal(50, Explainer.History(lead.Ledger).Last().Score);
    }
}
