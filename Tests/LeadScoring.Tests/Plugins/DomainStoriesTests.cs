using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Stories a reader of README.md and docs/model-format.md would write, each acted through the
/// registered plug-ins on the emulator: what happens to score, fit, engagement, grade and stage.
/// </summary>
public class DomainStoriesTests
{
    private static readonly ScoringRule BigCompany = new()
    {
        Id = "size",
        Name = "500 employees or more",
        Category = Category.Fit,
        Table = "lead",
        Conditions = [new Condition("numberofemployees", ConditionOperator.GreaterOrEqual, [500m])],
        Points = 40,
    };

    private static readonly ScoringRule Student = new()
    {
        Id = "student",
        Name = "Student",
        Category = Category.Fit,
        Table = "lead",
        Conditions = [new Condition("jobtitle", ConditionOperator.Contains, ["student"])],
        Points = -25,
    };

    private static readonly ScoringRule PageVisit = new()
    {
        Id = "visit",
        Name = "Page visit",
        Category = Category.Engagement,
        Table = "ls_interaction",
        Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, [(decimal)InteractionTypeValues.PageVisit])],
        Points = 5,
        Limit = new RuleLimit(LimitType.PerRecord),
    };

    private static readonly ScoringModel Model = Engine.SampleModels.With(BigCompany, Student, PageVisit, Engine.SampleModels.Webinar);

    private readonly ScoringOrganization org = new(Model);

    // A handed-back lead needs other behaviour, not a better fit, before it reaches sales again (model-format.md, Hand-back).
    [Fact]
    public void A_fit_gain_after_a_hand_back_does_not_make_the_lead_sales_ready_again()
    {
        var lead = org.SalesReadyLead(); // fit 20 + engagement 90 = 110
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Not ready to buy"));
        Assert.Equal(70, org.Score(lead));

        org.Advance(1);
        org.Update(LeadColumns.Table, lead, ("numberofemployees", 600)); // +40 fit: 110, no new engagement

        Assert.Equal(110, org.Score(lead));
        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
    }

    // model-format.md: "It becomes sales-ready again only after requalifyEngagement new engagement points."
    [Fact]
    public void A_recycled_lead_requalifies_only_with_requalifyEngagement_new_points()
    {
        var lead = org.SalesReadyLead();
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Not ready to buy"));
        org.Advance(1);
        org.Update(LeadColumns.Table, lead, ("numberofemployees", 600)); // 110, above the line

        for (var i = 0; i < 3; i++)
        {
            org.Advance(1);
            Visit(lead); // 5 new points each: 15 < 20
        }

        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));

        org.Advance(1);
        Visit(lead); // 20 new points

        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));
    }

    // model-format.md: debit max(points, score − (threshold − margin)): a lead far above the line lands exactly the margin below it.
    [Fact]
    public void A_hand_back_of_a_lead_far_above_the_line_lands_it_the_margin_below_the_line()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        for (var i = 0; i < 6; i++)
        {
            org.Download(lead);
        }

        Assert.Equal(200, org.Score(lead));

        var response = org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Wrong timing"));

        Assert.Equal(90, response[CustomApi.Score]);
        Assert.Equal(70, org.Lead(lead).GetAttributeValue<int>(LeadColumns.EngagementScore));
        Assert.Equal(20, org.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));
    }

    // model-format.md: a lead still Recycled from a hand-back, with no new engagement since, is not debited or counted again; the latest reason stands.
    [Fact]
    public void A_second_hand_back_before_any_new_engagement_debits_and_counts_nothing_but_keeps_the_latest_reason()
    {
        var lead = org.SalesReadyLead();
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        var score = org.Score(lead);
        org.Advance(7);

        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Still no budget"));

        var row = org.Lead(lead);
        Assert.Equal(1, row.GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal("Still no budget", row.GetAttributeValue<string>(LeadColumns.HandBackReason));
        Assert.Equal(score, org.Score(lead));
        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
    }

    // model-format.md: sales-ready needs the threshold AND the minimum fit AND the minimum engagement.
    [Fact]
    public void A_busy_lead_without_the_minimum_fit_is_not_sales_ready()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        for (var i = 0; i < 4; i++)
        {
            org.Download(lead);
        }

        Assert.Equal(120, org.Score(lead));
        Assert.Equal(LifecycleStage.Engaged, org.Stage(lead));
        Assert.Equal("C1", org.Lead(lead).GetAttributeValue<string>(LeadColumns.Grade));
    }

    [Fact]
    public void A_well_fitting_lead_without_the_minimum_engagement_is_not_sales_ready()
    {
        var scoring = new ScoringOrganization(Model with { MinimumEngagement = 50 });
        var lead = scoring.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"), ("numberofemployees", 900));
        Assert.Equal(LifecycleStage.New, scoring.Stage(lead));
        scoring.Download(lead);
        for (var i = 0; i < 2; i++)
        {
            scoring.Create(InteractionColumns.Table, (InteractionColumns.Name, "Pricing"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
        }

        Assert.Equal(100, scoring.Score(lead)); // fit 60 + engagement 40 < 50
        Assert.Equal(LifecycleStage.Engaged, scoring.Stage(lead));
        Assert.Equal("A2", scoring.Lead(lead).GetAttributeValue<string>(LeadColumns.Grade));
    }

    [Fact]
    public void A_score_exactly_on_the_line_is_sales_ready_and_the_grade_bands_include_their_bound()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("numberofemployees", 500));
        org.Download(lead);
        org.Download(lead);

        Assert.Equal(100, org.Score(lead));
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));
        Assert.Equal("B2", org.Lead(lead).GetAttributeValue<string>(LeadColumns.Grade));
        Assert.NotNull(org.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn));
    }

    // model-format.md, Decay: 0 debits when d < inactiveDays, else 1 + ⌊(d − inactiveDays) / everyDays⌋.
    [Fact]
    public void Decay_debits_once_on_the_day_the_inactivity_period_ends_and_never_touches_fit()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);

        Decay(ScoringOrganization.Start.AddDays(29.9));
        Assert.Equal(50, org.Score(lead));

        Decay(ScoringOrganization.Start.AddDays(30));
        Assert.Equal(45, org.Score(lead));
        Assert.Equal(20, org.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));
        Assert.Equal(25, org.Lead(lead).GetAttributeValue<int>(LeadColumns.EngagementScore));
    }

    [Fact]
    public void Decay_never_takes_engagement_below_the_decay_floor_and_leaves_a_fit_only_lead_alone()
    {
        var engaged = org.CreateLead(("lastname", "Doe"));
        org.Download(engaged);
        var fitOnly = org.CreateLead(("lastname", "Roe"), ("jobtitle", "Director"));

        Decay(ScoringOrganization.Start.AddDays(200));

        Assert.Equal(0, org.Lead(engaged).GetAttributeValue<int>(LeadColumns.EngagementScore));
        Assert.Equal(org.SumOfEvents(engaged), org.Score(engaged));
        Assert.Equal(20, org.Score(fitOnly));
        Assert.DoesNotContain(org.Events(fitOnly), e => e.GetAttributeValue<OptionSetValue>(ScoreEventColumns.Kind)?.Value == ScoreEventKindValues.Decay);
    }

    [Fact]
    public void Decay_below_the_line_takes_a_lead_out_of_Marketing_Qualified()
    {
        var lead = org.SalesReadyLead(); // 110

        Decay(ScoringOrganization.Start.AddDays(44)); // 3 debits of 5

        Assert.Equal(95, org.Score(lead));
        Assert.Equal(LifecycleStage.Engaged, org.Stage(lead));
    }

    // Repeated opens and clicks are engagement; model-format.md: "New engagement restarts the clock".
    [Fact]
    public void New_engagement_at_the_engagement_cap_still_restarts_the_decay_clock()
    {
        var capped = Model with { EngagementCap = 60 };
        var scoring = new ScoringOrganization(capped);
        var lead = scoring.CreateLead(("lastname", "Doe"));
        scoring.Download(lead);
        scoring.Download(lead);
        Assert.Equal(60, scoring.Score(lead));

        scoring.Advance(25);
        scoring.Download(lead); // engaged again on day 25, at the cap

        var asOf = ScoringOrganization.Start.AddDays(35); // 10 days after the last engagement
        scoring.Org.Clock.Set(asOf);
        scoring.Call(CustomApi.ApplyScoreDecay, null, scoring.Admin, (CustomApi.AsOf, asOf));

        Assert.Equal(60, scoring.Score(lead));
    }

    [Fact]
    public void A_qualified_lead_is_Sales_Accepted_is_not_decayed_and_cannot_be_handed_back()
    {
        var lead = org.SalesReadyLead();
        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(1)), (LeadColumns.StatusCode, new OptionSetValue(3)));
        Assert.Equal(LifecycleStage.SalesAccepted, org.Stage(lead));

        Decay(ScoringOrganization.Start.AddDays(90));
        Assert.Equal(110, org.Score(lead));

        var refused = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Changed mind")));
        Assert.Contains("open", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(110, org.Score(lead));
    }

    [Fact]
    public void A_disqualified_lead_is_Disqualified_and_reactivating_it_recomputes_the_stage_from_its_score()
    {
        var lead = org.SalesReadyLead();
        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(2)), (LeadColumns.StatusCode, new OptionSetValue(4)));
        Assert.Equal(LifecycleStage.Disqualified, org.Stage(lead));

        org.Advance(1);
        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(0)), (LeadColumns.StatusCode, new OptionSetValue(1)));

        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));
    }

    // A lead who opens but never clicks is still unanswered: opening is not clicking (model-format.md, Rule kinds).
    [Fact]
    public void Opening_an_email_does_not_break_the_unanswered_streak_but_a_click_does()
    {
        var opener = org.CreateLead(("lastname", "Opener"));
        org.Download(opener);
        for (var i = 0; i < 4; i++)
        {
            org.Advance(1);
            var email = org.SendEmail(opener);
            org.Update(EmailColumns.Table, email, (EmailColumns.OpenCount, 1));
        }

        Assert.Equal(0, org.Score(opener));

        var clicker = org.CreateLead(("lastname", "Clicker"));
        org.Download(clicker);
        for (var i = 0; i < 4; i++)
        {
            org.Advance(1);
            var email = org.SendEmail(clicker);
            if (i == 1)
            {
                org.Update(EmailColumns.Table, email, (EmailColumns.LinksClickedCount, 1));
            }
        }

        Assert.Equal(30, org.Score(clicker));
    }

    [Fact]
    public void Eight_unanswered_emails_debit_twice_and_draft_emails_do_not_count()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        for (var i = 0; i < 3; i++)
        {
            org.Download(lead);
        }

        for (var i = 0; i < 8; i++)
        {
            org.Advance(1);
            org.SendEmail(lead);
            org.Create(EmailColumns.Table, ("subject", "Draft"), (EmailColumns.DirectionCode, true), (EmailColumns.StatusCode, new OptionSetValue(1)), (EmailColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));
        }

        Assert.Equal(30, org.Score(lead));
    }

    // Not in the docs (they say "a click or reply resets the streak"): a new incoming email regarding the lead ends the streak too (ActivityChange).
    [Fact]
    public void An_email_from_the_lead_ends_the_unanswered_streak()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Download(lead);
        for (var i = 0; i < 4; i++)
        {
            org.Advance(1);
            org.SendEmail(lead);
            if (i == 1)
            {
                org.Create(EmailColumns.Table, ("subject", "Re"), (EmailColumns.DirectionCode, false), (EmailColumns.StatusCode, new OptionSetValue(EmailColumns.StatusReceived)), (EmailColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));
            }
        }

        Assert.Equal(30, org.Score(lead));
    }

    // model-format.md Floor: "a student (fit −25) with 50 engagement points scores 25; an intern (fit −25) who did nothing scores 0 ... and stays New".
    [Fact]
    public void A_negative_fit_lowers_the_score_and_the_floor_keeps_it_at_zero_without_inflating_fit()
    {
        var student = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Student"));
        Assert.Equal(0, org.Score(student));
        Assert.Equal(-25, org.Lead(student).GetAttributeValue<int>(LeadColumns.FitScore));
        Assert.Equal(0, org.Lead(student).GetAttributeValue<int>(LeadColumns.EngagementScore));
        Assert.Equal(LifecycleStage.New, org.Stage(student));

        org.Download(student);
        org.Update(LeadColumns.Table, student, ("jobtitle", "Student intern"));
        Visit(student);
        Visit(student);
        Visit(student);
        Visit(student);

        Assert.Equal(25, org.Score(student));
        Assert.Equal(org.SumOfEvents(student), org.Score(student));
    }

    // README: a manual adjustment with a reason is a score event; points go down too.
    [Fact]
    public void A_negative_manual_adjustment_takes_a_lead_out_of_Marketing_Qualified()
    {
        var lead = org.SalesReadyLead();

        var response = org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, parameters: [(CustomApi.Points, -20), (CustomApi.Reason, "Duplicate downloads")]);

        Assert.Equal(90, response[CustomApi.Score]);
        Assert.Equal(LifecycleStage.Engaged, org.Stage(lead));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
    }

    [Fact]
    public void A_once_per_lead_rule_awards_once_however_many_webinars_are_attended()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        for (var i = 0; i < 3; i++)
        {
            org.Advance(10);
            org.Create(InteractionColumns.Table, (InteractionColumns.Name, "Webinar " + i), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.WebinarAttended)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
        }

        Assert.Equal(25, org.Score(lead));
    }

    // model-format.md: an edit of any setting or rule clears the approvals (ModelApproval: "any edit of its settings clears the approvals").
    [Fact]
    public void Adding_a_rule_or_changing_a_condition_of_an_approved_draft_clears_its_approvals()
    {
        var scoring = new ScoringOrganization(activate: false);
        var model = scoring.CreateDraft(Engine.SampleModels.Default);
        scoring.Approve(model, scoring.MarketingApprover, ScoringModelColumns.MarketingApproverId);
        scoring.Approve(model, scoring.SalesApprover, ScoringModelColumns.SalesApproverId);
        var condition = scoring.Org.GetRows(ScoringConditionColumns.Table).First(c => c.GetAttributeValue<string>(ScoringConditionColumns.Attribute) == "jobtitle");

        scoring.As(scoring.Admin).Update(new Entity(ScoringConditionColumns.Table, condition.Id) { [ScoringConditionColumns.Value] = "\"vice president\"" });

        var row = scoring.Org.GetRow(ScoringModelColumns.Table, model)!;
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId));
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.SalesApproverId));

        scoring.Approve(model, scoring.MarketingApprover, ScoringModelColumns.MarketingApproverId);
        scoring.Approve(model, scoring.SalesApprover, ScoringModelColumns.SalesApproverId);
        var rule = new Entity(ScoringRuleColumns.Table);
        rule[ScoringRuleColumns.ScoringModelId] = new EntityReference(ScoringModelColumns.Table, model);
        rule[ScoringRuleColumns.RuleKey] = "bonus";
        rule[ScoringRuleColumns.Name] = "Bonus";
        rule[ScoringRuleColumns.Category] = new OptionSetValue(CategoryValues.Engagement);
        rule[ScoringRuleColumns.Kind] = new OptionSetValue(RuleKindValues.Conditions);
        rule[ScoringRuleColumns.WatchedTable] = "ls_interaction";
        rule[ScoringRuleColumns.Points] = 500;
        rule[ScoringRuleColumns.LimitType] = new OptionSetValue(LimitTypeValues.None);
        scoring.As(scoring.Admin).Create(rule);

        row = scoring.Org.GetRow(ScoringModelColumns.Table, model)!;
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId));
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.SalesApproverId));
    }

    // Email engagement: an email counts once per record, "however often it is updated" (model-format.md, Limits).
    [Fact]
    public void An_opened_email_earns_once_however_often_it_is_opened()
    {
        var opened = new ScoringRule { Id = "open", Name = "Email opened", Category = Category.Engagement, Table = "email", Conditions = [new Condition("opencount", ConditionOperator.GreaterThan, [0m])], Points = 10, Limit = new RuleLimit(LimitType.PerRecord) };
        var scoring = new ScoringOrganization(Model with { Rules = [.. Model.Rules, opened] });
        var lead = scoring.CreateLead(("lastname", "Doe"));
        var email = scoring.SendEmail(lead);

        scoring.Advance(0.1);
        scoring.Update(EmailColumns.Table, email, (EmailColumns.OpenCount, 1));
        scoring.Advance(0.1);
        scoring.Update(EmailColumns.Table, email, (EmailColumns.OpenCount, 2));
        scoring.Advance(0.1);
        scoring.Update(EmailColumns.Table, email, (EmailColumns.OpenCount, 3));

        Assert.Equal(10, scoring.Score(lead));
        Assert.Equal(LifecycleStage.Engaged, scoring.Stage(lead));
    }

    // Pages visited are behaviour; a pricing page weighs more.
    [Fact]
    public void A_pricing_page_visit_earns_its_own_points_and_other_pages_do_not()
    {
        var pricing = new ScoringRule { Id = "pricing", Name = "Visited the pricing page", Category = Category.Engagement, Table = "ls_interaction", Conditions = [new Condition("ls_url", ConditionOperator.Contains, ["/pricing"])], Points = 15, Limit = new RuleLimit(LimitType.PerRecord) };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(pricing));
        var lead = scoring.CreateLead(("lastname", "Doe"));

        scoring.Create(InteractionColumns.Table, (InteractionColumns.Name, "Blog"), (InteractionColumns.Url, "https://contoso.com/blog/1"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
        Assert.Equal(0, scoring.Score(lead));

        scoring.Create(InteractionColumns.Table, (InteractionColumns.Name, "Pricing"), (InteractionColumns.Url, "https://contoso.com/pricing"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
        Assert.Equal(15, scoring.Score(lead));
    }

    [Fact]
    public void At_most_N_times_and_once_per_N_days_limit_the_awards()
    {
        var twice = PageVisit with { Id = "visit", Limit = new RuleLimit(LimitType.MaxTimes, 2) };
        var weekly = Engine.SampleModels.Webinar with { Id = "webinar", Limit = new RuleLimit(LimitType.OncePerDays, 7) };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(twice, weekly));
        scoring.Org.Clock.Set(new DateTime(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc)); // a Monday
        var lead = scoring.CreateLead(("lastname", "Doe"));

        for (var i = 0; i < 3; i++)
        {
            scoring.Advance(0.5);
            scoring.Create(InteractionColumns.Table, (InteractionColumns.Name, "Page " + i), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
        }

        Assert.Equal(10, scoring.Score(lead));

        scoring.AttendWebinar(lead); // Monday-Tuesday
        scoring.Advance(2);
        scoring.AttendWebinar(lead); // Thursday, same week
        Assert.Equal(35, scoring.Score(lead));
        scoring.Advance(5);
        scoring.AttendWebinar(lead); // the next week
        Assert.Equal(60, scoring.Score(lead));
    }

    // model-format.md expiresAfterDays: "the nightly job takes them out on that day ..., and a lead no longer sales-ready without them leaves Marketing Qualified then".
    [Fact]
    public void Expired_points_leave_on_their_day_and_take_the_lead_out_of_Marketing_Qualified()
    {
        var demoRequest = new ScoringRule { Id = "demo", Name = "Asked for a demo", Category = Category.Engagement, Table = "ls_interaction", Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, [(decimal)InteractionTypeValues.FormSubmitted])], Points = 40, Limit = new RuleLimit(LimitType.PerRecord), ExpiresAfterDays = 14 };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(demoRequest));
        var lead = scoring.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        scoring.Download(lead);
        scoring.Download(lead);
        scoring.Create(InteractionColumns.Table, (InteractionColumns.Name, "Demo request"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.FormSubmitted)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
        Assert.Equal(120, scoring.Score(lead));
        Assert.Equal(LifecycleStage.MarketingQualified, scoring.Stage(lead));

        var asOf = ScoringOrganization.Start.AddDays(14);
        scoring.Org.Clock.Set(asOf);
        scoring.Call(CustomApi.ApplyScoreDecay, null, scoring.Admin, (CustomApi.AsOf, asOf));

        Assert.Equal(80, scoring.Score(lead));
        Assert.Equal(LifecycleStage.Engaged, scoring.Stage(lead));
    }

    // model-format.md activityVolume: "awards the points once when the lead has N engagement interactions within D days".
    [Fact]
    public void A_burst_of_three_downloads_in_a_week_earns_the_activity_bonus_once()
    {
        var burst = new ScoringRule { Id = "burst", Name = "Burst of activity", Category = Category.Engagement, Kind = RuleKind.ActivityVolume, Count = 3, WithinDays = 7, Points = 20 };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(burst));
        var lead = scoring.CreateLead(("lastname", "Doe"));
        for (var i = 0; i < 6; i++)
        {
            scoring.Advance(1);
            scoring.Download(lead);
        }

        Assert.Equal(200, scoring.Score(lead)); // 6 × 30 + 20 once
    }

    // model-format.md, activityVolume: an activity counts when it earned engagement points; one a rule's limit left without points does not.
    [Fact]
    public void Only_page_visits_that_earned_points_count_for_the_activity_bonus()
    {
        var burst = new ScoringRule { Id = "burst", Name = "Burst of activity", Category = Category.Engagement, Kind = RuleKind.ActivityVolume, Count = 3, WithinDays = 7, Points = 20 };
        var oncePerLead = PageVisit with { Limit = new RuleLimit(LimitType.PerLead) };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(oncePerLead, PageVisit with { Id = "visit2", Limit = new RuleLimit(LimitType.PerRecord), Points = 1 }, burst));
        var lead = scoring.CreateLead(("lastname", "Doe"));
        for (var i = 0; i < 2; i++)
        {
            scoring.Advance(1);
            scoring.Create(InteractionColumns.Table, (InteractionColumns.Name, "Page " + i), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
        }

        Assert.Equal(5 + 1 + 1, scoring.Score(lead)); // two visits: no bonus yet

        scoring.Advance(1);
        scoring.Create(InteractionColumns.Table, (InteractionColumns.Name, "Page 2"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));

        Assert.Equal(5 + 1 + 1 + 1 + 20, scoring.Score(lead)); // each visit earned points (the per-record rule), so three count
    }

    // model-format.md, Limits: a rule whose limit is spent awards nothing for a record; the record's other rules still score it.
    [Fact]
    public void A_second_pricing_page_visit_earns_its_rule_though_the_any_visit_rule_paid_once_per_lead()
    {
        var pricing = new ScoringRule
        {
            Id = "pricing",
            Name = "Visited the pricing page",
            Category = Category.Engagement,
            Table = "ls_interaction",
            Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, [(decimal)InteractionTypeValues.PageVisit]), new Condition("ls_url", ConditionOperator.Contains, ["/pricing"])],
            Points = 10,
            Limit = new RuleLimit(LimitType.PerRecord),
        };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(PageVisit with { Limit = new RuleLimit(LimitType.PerLead) }, pricing));
        var lead = scoring.CreateLead(("lastname", "Doe"));

        foreach (var day in new[] { 1, 2 })
        {
            scoring.Advance(day);
            scoring.Create(InteractionColumns.Table, (InteractionColumns.Name, "Pricing"), (InteractionColumns.Url, "https://contoso.com/pricing"),
                (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
        }

        Assert.Equal(5 + 10 + 10, scoring.Score(lead));
        Assert.Equal(scoring.SumOfEvents(lead), scoring.Score(lead));
    }

    // README/DESIGN: recalculation after a new version is activated, "as if it had always been active".
    [Fact]
    public void A_new_version_with_a_heavier_download_rescores_past_downloads_and_the_stage()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);
        org.Download(lead);
        Assert.Equal(LifecycleStage.Engaged, org.Stage(lead));

        org.Advance(1);
        org.CreateAndActivate(Model with { Version = 2, Rules = Model.Rules.Select(r => r.Id == "whitepaper" ? r with { Points = 45 } : r).ToList() });

        Assert.Equal(110, org.Score(lead));
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
    }

    // integrations.md: ls_RecordInteraction records "Event registration" (100000008); the org's own choice has it, so a rule on it should score.
    [Fact]
    public void An_event_registration_recorded_through_the_Custom_API_scores_under_a_rule_on_it()
    {
        var registered = new ScoringRule { Id = "registered", Name = "Registered for an event", Category = Category.Engagement, Table = "ls_interaction", Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, [(decimal)InteractionTypeValues.EventRegistered])], Points = 10, Limit = new RuleLimit(LimitType.PerRecord) };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(registered));
        var lead = scoring.CreateLead(("lastname", "Doe"), ("emailaddress1", "john@contoso.com"));

        scoring.Call(CustomApi.RecordInteraction, null, scoring.Integration, (CustomApi.Type, "Event registration"), (CustomApi.Source, "events"), (CustomApi.ExternalId, "reg-1"), (CustomApi.EmailAddress, "john@contoso.com"), (CustomApi.Name, "Summit"));

        Assert.Equal(10, scoring.Score(lead));
    }

    // A handed-back lead lands below the marketing qualified threshold (model-format.md, Hand-back); a model
    // without a hand-back policy (calibrate writes none) still hands back.
    [Fact]
    public void Without_a_hand_back_policy_a_handed_back_lead_still_lands_below_the_line()
    {
        var scoring = new ScoringOrganization(Model with { HandBack = null });
        var lead = scoring.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        scoring.Download(lead);
        scoring.Download(lead);
        scoring.Download(lead);

        scoring.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Not ready"));
        scoring.Advance(1);
        scoring.Update(LeadColumns.Table, lead, ("jobtitle", "Sales Director")); // a rescoring without new engagement

        Assert.Equal((LifecycleStage.Recycled, true), (scoring.Stage(lead), scoring.Score(lead) < 100)); // measured: (Marketing Qualified, 100)
    }

    [Fact]
    public void New_engagement_after_a_decay_debit_restarts_the_clock()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Download(lead);
        Decay(ScoringOrganization.Start.AddDays(30));
        Assert.Equal(25, org.Score(lead));

        org.Advance(1);
        org.Download(lead); // day 31
        Decay(ScoringOrganization.Start.AddDays(60));
        Assert.Equal(55, org.Score(lead));

        Decay(ScoringOrganization.Start.AddDays(61));
        Assert.Equal(50, org.Score(lead));
    }

    // model-format.md: "Fit ... kept at most fitCap"; losing a fit rule brings fit back below the cap.
    [Fact]
    public void Fit_stops_at_its_cap_and_follows_the_columns_back_down()
    {
        var scoring = new ScoringOrganization(Model with { FitCap = 50 });
        var lead = scoring.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"), ("numberofemployees", 800));
        Assert.Equal(50, scoring.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));

        scoring.Update(LeadColumns.Table, lead, ("jobtitle", "Analyst"));
        Assert.Equal(40, scoring.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));

        scoring.Update(LeadColumns.Table, lead, ("numberofemployees", 20));
        Assert.Equal(0, scoring.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));
        Assert.Equal(scoring.SumOfEvents(lead), scoring.Score(lead));
    }

    // The score card's reasons: "the reasons behind the score"; reasons (all, with Top large enough) add up to the score.
    [Fact]
    public void The_explanation_reasons_add_up_to_the_score_after_a_hand_back_decay_and_adjustment()
    {
        var lead = org.SalesReadyLead();
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, parameters: [(CustomApi.Points, 7), (CustomApi.Reason, "Met at the booth")]);
        Decay(ScoringOrganization.Start.AddDays(40));

        var explained = (string)org.Call(CustomApi.ExplainLeadScore, lead, parameters: (CustomApi.Top, 50))[CustomApi.Explanation];

        using var json = System.Text.Json.JsonDocument.Parse(explained);
        var sum = json.RootElement.GetProperty("reasons").EnumerateArray().Sum(r => r.GetProperty("points").GetInt32());
        Assert.Equal(org.Score(lead), json.RootElement.GetProperty("score").GetInt32());
        Assert.Equal(org.Score(lead), sum);
    }

    // plugins.md: "With ModelId it is a what-if: the lead recalculated exactly under that model, written nowhere."
    [Fact]
    public void Explaining_under_a_draft_model_is_a_what_if_that_writes_nothing()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);
        var draft = org.CreateDraft(Model with { Version = 2, Rules = Model.Rules.Select(r => r.Id == "whitepaper" ? r with { Points = 90 } : r).ToList() });
        var events = org.Org.GetRows(ScoreEventColumns.Table).Count;

        var explained = (string)org.Call(CustomApi.ExplainLeadScore, lead, parameters: [(CustomApi.Top, 50), ("ModelId", new EntityReference(ScoringModelColumns.Table, draft))])[CustomApi.Explanation];

        using var json = System.Text.Json.JsonDocument.Parse(explained);
        Assert.Equal(110, json.RootElement.GetProperty("score").GetInt32());
        Assert.Equal("MarketingQualified", json.RootElement.GetProperty("stage").GetString());
        Assert.Equal(50, org.Score(lead));
        Assert.Equal(events, org.Org.GetRows(ScoreEventColumns.Table).Count);
    }

    // README: "no retry or replay counts twice"; a recalculation of an unchanged lead books nothing.
    [Fact]
    public void Recalculating_a_lead_twice_books_nothing_new()
    {
        var lead = org.SalesReadyLead();
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        var events = org.Events(lead).Count;

        org.Call(CustomApi.RecalculateLeadScore, lead, org.Admin);
        org.Call(CustomApi.RecalculateLeadScore, lead, org.Admin);

        Assert.Equal(events, org.Events(lead).Count);
        Assert.Equal(70, org.Score(lead));
        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
    }

    // Fit columns such as job title, industry and buying timeline; a buying timeline of Immediate is choice value 0,
    // a budget is a money column, a decision maker a yes/no column.
    [Fact]
    public void Buying_timeline_Immediate_budget_and_decision_maker_score_fit()
    {
        var immediate = new ScoringRule { Id = "now", Name = "Buying now", Category = Category.Fit, Table = "lead", Conditions = [new Condition("purchasetimeframe", ConditionOperator.EqualsTo, [0m])], Points = 30 };
        var budget = new ScoringRule { Id = "budget", Name = "Budget of 10,000 or more", Category = Category.Fit, Table = "lead", Conditions = [new Condition("budgetamount", ConditionOperator.GreaterOrEqual, [10000m])], Points = 15 };
        var decides = new ScoringRule { Id = "decides", Name = "Decision maker", Category = Category.Fit, Table = "lead", Conditions = [new Condition("decisionmaker", ConditionOperator.EqualsTo, [true])], Points = 10 };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(immediate, budget, decides));

        var lead = scoring.CreateLead(("lastname", "Doe"), ("purchasetimeframe", new OptionSetValue(0)), ("budgetamount", new Money(25000m)), ("decisionmaker", true));
        Assert.Equal(55, scoring.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));

        scoring.Update(LeadColumns.Table, lead, ("purchasetimeframe", new OptionSetValue(4)), ("budgetamount", new Money(5000m)), ("decisionmaker", false));
        Assert.Equal(0, scoring.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));
    }

    // automation.md: the classic workflow hands back with "Stage set to Recycled" when the reason is empty; a rep setting Recycled on the form may leave the reason empty.
    [Fact]
    public void A_rep_setting_Recycled_without_a_reason_still_hands_the_lead_back()
    {
        var lead = org.SalesReadyLead();

        org.Update(LeadColumns.Table, lead, (LeadColumns.LifecycleStage, new OptionSetValue(LifecycleStageValues.Recycled)));

        Assert.All(org.Org.SystemJobs, j => Assert.Equal(LeadScoring.Emulator.SystemJobStatus.Succeeded, j.Status));
        Assert.Equal(70, org.Score(lead));
        Assert.Equal(1, org.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
    }

    [Fact]
    public void A_lead_that_requalified_and_is_handed_back_again_counts_two_hand_backs()
    {
        var lead = org.SalesReadyLead();
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        org.Advance(1);
        org.Download(lead);
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));

        org.Advance(1);
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Still no budget"));

        var row = org.Lead(lead);
        Assert.Equal((2, "Still no budget", LifecycleStage.Recycled), (row.GetAttributeValue<int>(LeadColumns.HandBackCount), row.GetAttributeValue<string>(LeadColumns.HandBackReason), org.Stage(lead)));
        Assert.Equal(60, org.Score(lead)); // 100 − max(40, 100 − 90)
    }

    // integrations.md: a held interaction is "scored as of its own OccurredOn, as if it had been matched at once (the points may have expired or decayed meanwhile, as they would have)".
    [Fact]
    public void A_download_held_for_40_days_counts_from_its_own_moment_and_has_decayed_as_it_would_have()
    {
        org.Call(CustomApi.RecordInteraction, null, org.Integration, (CustomApi.Type, "Asset download"), (CustomApi.Source, "web"), (CustomApi.ExternalId, "dl-1"), (CustomApi.EmailAddress, "jane@contoso.com"), (CustomApi.Name, "Whitepaper"), (CustomApi.OccurredOn, ScoringOrganization.Start));
        org.Advance(40);
        var lead = org.CreateLead(("lastname", "Doe"), ("emailaddress1", "jane@contoso.com"));
        Assert.Equal(30, org.Lead(lead).GetAttributeValue<int>(LeadColumns.EngagementScore));

        Decay(org.Org.Clock.UtcNow);

        Assert.Equal(20, org.Score(lead)); // debits on day 30 and day 37
        Assert.Equal(ScoringOrganization.Start, org.Lead(lead).GetAttributeValue<DateTime>(LeadColumns.LastEngagementOn));
    }

    // integrations.md: "when several open leads have it, the oldest".
    [Fact]
    public void An_interaction_for_an_address_two_open_leads_share_goes_to_the_oldest()
    {
        var oldest = org.CreateLead(("lastname", "Old"), ("emailaddress1", "pat@contoso.com"));
        org.Advance(1);
        var newer = org.CreateLead(("lastname", "New"), ("emailaddress2", "PAT@contoso.com"));

        org.Call(CustomApi.RecordInteraction, null, org.Integration, (CustomApi.Type, "Asset download"), (CustomApi.Source, "web"), (CustomApi.ExternalId, "dl-2"), (CustomApi.EmailAddress, " pat@contoso.com "), (CustomApi.Name, "Whitepaper"));

        Assert.Equal((30, 0), (org.Score(oldest), org.Score(newer)));
    }

    // model-format.md unansweredEmails: "when an outbound email is sent"; in Dynamics 365 an email is saved as a draft, then sent (status Sent).
    [Fact]
    public void Drafts_that_are_then_sent_count_towards_the_unanswered_streak()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Download(lead);
        for (var i = 0; i < 4; i++)
        {
            org.Advance(1);
            var email = org.Create(EmailColumns.Table, ("subject", "Tips " + i), (EmailColumns.DirectionCode, true), (EmailColumns.StatusCode, new OptionSetValue(1)), (EmailColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));
            org.Advance(0.01);
            org.Update(EmailColumns.Table, email, ("statecode", new OptionSetValue(1)), (EmailColumns.StatusCode, new OptionSetValue(EmailColumns.StatusSent)));
        }

        Assert.Equal(0, org.Score(lead));
    }

    // model-format.md: "It becomes sales-ready again only after requalifyEngagement new engagement points"; a manual
    // adjustment is booked as engagement (a person adds points for an offline event the lead attended).
    [Fact]
    public void A_manual_engagement_adjustment_after_a_hand_back_counts_as_new_engagement()
    {
        var lead = org.SalesReadyLead();
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Not ready"));
        org.Advance(2);

        org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, parameters: [(CustomApi.Points, 40), (CustomApi.Reason, "Came to our stand at the trade show")]);

        Assert.Equal(90, org.Lead(lead).GetAttributeValue<int>(LeadColumns.EngagementScore));
        Assert.Equal(110, org.Score(lead));
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead)); // measured: Recycled
    }

    // plugins.md ls_ExplainLeadScore: "decay":{"active":true,"lastEngagementOn":…,"nextDebitOn":…,"points":5,"daysUntilNextDebit":4}; salesReady true when the stage is Marketing Qualified.
    [Fact]
    public void The_explanation_says_when_the_next_decay_debit_falls_due()
    {
        var lead = org.SalesReadyLead();
        org.Advance(25);

        var explained = (string)org.Call(CustomApi.ExplainLeadScore, lead, parameters: (CustomApi.Top, 5))[CustomApi.Explanation];

        using var json = System.Text.Json.JsonDocument.Parse(explained);
        var decay = json.RootElement.GetProperty("decay");
        Assert.True(decay.GetProperty("active").GetBoolean());
        Assert.Equal(5, decay.GetProperty("points").GetInt32());
        Assert.Equal(5, decay.GetProperty("daysUntilNextDebit").GetInt32());
        Assert.Equal(ScoringOrganization.Start.AddDays(30), decay.GetProperty("nextDebitOn").GetDateTime().ToUniversalTime());
        Assert.True(json.RootElement.GetProperty("salesReady").GetBoolean());
        Assert.Equal(110, json.RootElement.GetProperty("score").GetInt32());
        Assert.Equal("C1", json.RootElement.GetProperty("grade").GetString());
    }

    // model-format.md: next scoring change due on = "the earlier of its next decay debit and the moment its next points expire"; a closed lead "has no next scoring change scheduled".
    [Fact]
    public void The_next_scoring_change_is_the_earlier_of_decay_and_expiry_and_none_once_closed()
    {
        var visit = PageVisit with { ExpiresAfterDays = 10 };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(visit));
        var lead = scoring.CreateLead(("lastname", "Doe"));
        scoring.Download(lead);
        Assert.Equal(ScoringOrganization.Start.AddDays(30), scoring.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.NextScoreChangeOn));

        scoring.Create(InteractionColumns.Table, (InteractionColumns.Name, "Pricing"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
        Assert.Equal(ScoringOrganization.Start.AddDays(10), scoring.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.NextScoreChangeOn));

        scoring.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(2)), (LeadColumns.StatusCode, new OptionSetValue(4)));
        Assert.Null(scoring.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.NextScoreChangeOn));
    }


    private void Visit(Guid lead) => org.Create(InteractionColumns.Table, (InteractionColumns.Name, "Pricing"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));

    private void Decay(DateTime asOf)
    {
        org.Org.Clock.Set(asOf);
        org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, asOf));
    }
}
