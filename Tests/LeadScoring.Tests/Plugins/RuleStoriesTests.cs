using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Rules written the way sales and marketing talk about them, scored by the registered plug-ins:
/// video views weigh more for engineers (seed 002), a no-show flagged in a custom appointment column
/// costs points and a completed sales call earns them (seed 001).
/// </summary>
public sealed class RuleStoriesTests
{
    private static readonly ScoringRule Video = Rule("video", "Watched a product video", InteractionColumns.Table, 10,
        new Condition(InteractionColumns.Type, ConditionOperator.EqualsTo, ["Video View"]));

    private static readonly ScoringRule EngineerVideo = Rule("video.engineer", "Engineer watched a product video", InteractionColumns.Table, 15,
        new Condition(InteractionColumns.Type, ConditionOperator.EqualsTo, ["Video View"]),
        new Condition("jobtitle", ConditionOperator.Contains, ["engineer"]) { Table = LeadColumns.Table });

    [Fact]
    public void Engineers_video_views_score_more_than_others()
    {
        var org = new ScoringOrganization(Tests.Engine.SampleModels.With(Video, EngineerVideo));
        var engineer = org.CreateLead(("lastname", "Ng"), ("jobtitle", "Senior Software Engineer"));
        var manager = org.CreateLead(("lastname", "Roe"), ("jobtitle", "Office Manager"));

        WatchVideo(org, engineer);
        WatchVideo(org, manager);

        Assert.Equal(25, Engagement(org, engineer));
        Assert.Equal(10, Engagement(org, manager));
        Assert.Equal(new[] { "Engineer watched a product video", "Watched a product video" }, org.Events(engineer).Select(e => e.GetAttributeValue<string>(ScoreEventColumns.Reason)).Order());
    }

    [Fact]
    public void A_lead_who_becomes_an_engineer_earns_the_persona_points_from_the_next_view_on_and_recalculation_rereads_the_persona()
    {
        var org = new ScoringOrganization(Tests.Engine.SampleModels.With(Video, EngineerVideo));
        var lead = org.CreateLead(("lastname", "Roe"), ("jobtitle", "Office Manager"));
        WatchVideo(org, lead);

        org.Update(LeadColumns.Table, lead, ("jobtitle", "Field Engineer"));
        Assert.Equal(10, Engagement(org, lead)); // the change alone rescores no past activity

        WatchVideo(org, lead);
        Assert.Equal(35, Engagement(org, lead)); // the next view earns the engineer's points

        org.Call(CustomApi.RecalculateLeadScore, lead);
        Assert.Equal(50, Engagement(org, lead)); // recalculation re-reads the persona: the first view counts as an engineer's too
    }

    [Fact]
    public void A_no_show_flagged_in_a_custom_appointment_column_debits_points()
    {
        var noShow = Rule("noshow", "Did not show up for a meeting", AppointmentColumns.Table, -20, new Condition("new_noshow", ConditionOperator.EqualsTo, [true]));
        var org = new ScoringOrganization(activate: false, customColumns: [(AppointmentColumns.Table, new TableColumn("new_noshow", ColumnType.Boolean))]);
        org.CreateAndActivate(Tests.Engine.SampleModels.Default with { Rules = [Tests.Engine.SampleModels.Whitepaper, noShow] });
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Download(lead);
        var meeting = org.Create(AppointmentColumns.Table, ("subject", "Discovery call"), (AppointmentColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));
        Assert.Equal(30, Engagement(org, lead));

        org.Update(AppointmentColumns.Table, meeting, ("new_noshow", true));

        Assert.Equal(10, Engagement(org, lead));
        Assert.Equal(-20, org.Events(lead).Single(e => e.GetAttributeValue<string>(ScoreEventColumns.RuleKey) == "noshow").GetAttributeValue<int>(ScoreEventColumns.Points));
    }

    [Fact]
    public void An_update_that_changes_no_column_the_rules_read_is_skipped_before_any_service_call()
    {
        var org = new ScoringOrganization(Tests.Engine.SampleModels.Default);
        var lead = org.CreateLead(("lastname", "Doe"));
        var meeting = org.Create(AppointmentColumns.Table, ("subject", "Discovery call"), (AppointmentColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));
        org.Org.ResetDiagnostics();

        org.Update(AppointmentColumns.Table, meeting, ("description", "Agenda: pricing"));

        var run = org.Org.Executions.Single(e => e.StepName == WatchedColumns.UpdateStep(AppointmentColumns.Table));
        Assert.Equal(0, run.Calls.Values.Sum());
    }

    [Fact]
    public void A_completed_sales_call_scores()
    {
        var call = Rule("call", "Had a call with sales", PhoneCallColumns.Table, 25,
            new Condition(PhoneCallColumns.StateCode, ConditionOperator.EqualsTo, ["Completed"]),
            new Condition(PhoneCallColumns.ActualDurationMinutes, ConditionOperator.GreaterOrEqual, [5m])) with
        { Limit = new RuleLimit(LimitType.PerRecord) };
        var org = new ScoringOrganization(Tests.Engine.SampleModels.With(call));
        var lead = org.CreateLead(("lastname", "Doe"));
        var phone = org.Create(PhoneCallColumns.Table, ("subject", "Intro call"), (PhoneCallColumns.DirectionCode, true), (PhoneCallColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));
        Assert.Equal(0, Engagement(org, lead));

        org.Update(PhoneCallColumns.Table, phone, (PhoneCallColumns.StateCode, new OptionSetValue(PhoneCallColumns.StateCompleted)), (PhoneCallColumns.StatusCode, new OptionSetValue(PhoneCallColumns.StatusMade)), (PhoneCallColumns.ActualDurationMinutes, 22));

        Assert.Equal(25, Engagement(org, lead));
        var condition = org.Org.GetRows(ScoringConditionColumns.Table).Single(c => c.GetAttributeValue<string>(ScoringConditionColumns.Attribute) == PhoneCallColumns.StateCode);
        Assert.Equal(("1", "Completed"), (condition.GetAttributeValue<string>(ScoringConditionColumns.Value), condition.GetAttributeValue<string>(ScoringConditionColumns.ValueLabel)));
    }

    [Fact]
    public void Activation_tells_the_admin_when_a_rule_reads_a_column_no_step_watches_and_leaves_the_registrations_alone()
    {
        var region = new ScoringRule
        {
            Id = "region",
            Name = "EMEA region",
            Category = Category.Fit,
            Table = LeadColumns.Table,
            Points = 10,
            Conditions = [new Condition("new_region", ConditionOperator.EqualsTo, ["EMEA"])],
        };
        var org = new ScoringOrganization(activate: false, customColumns: [(LeadColumns.Table, new TableColumn("new_region", ColumnType.Text))]);
        var registered = org.Org.GetRows("sdkmessageprocessingstep").ToDictionary(s => s.Id, s => s.GetAttributeValue<string>("filteringattributes"));

        var plain = org.CreateAndActivate(Tests.Engine.SampleModels.Default);
        var custom = org.CreateAndActivate(Tests.Engine.SampleModels.With(region) with { Version = 2 });

        Assert.Equal("Every column the rules read starts scoring when it changes.", Notes(org, plain));
        Assert.Equal(
            "Rule 'region' reads lead.new_region, which the step 'Lead scoring: lead update' does not watch: a change of it alone scores nothing until the lead is scored again (another watched change, an activity, ls_RecalculateLeadScore).",
            Notes(org, custom));
        Assert.Equal(registered, org.Org.GetRows("sdkmessageprocessingstep").ToDictionary(s => s.Id, s => s.GetAttributeValue<string>("filteringattributes")));
    }

    private static string? Notes(ScoringOrganization org, Guid model) => org.Org.GetRow(ScoringModelColumns.Table, model)!.GetAttributeValue<string>(ScoringModelColumns.ActivationNotes);

    private static void WatchVideo(ScoringOrganization org, Guid lead) =>
        org.Create(InteractionColumns.Table, (InteractionColumns.Name, "Product tour"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.VideoView)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));

    private static int Engagement(ScoringOrganization org, Guid lead) => org.Lead(lead).GetAttributeValue<int?>(LeadColumns.EngagementScore) ?? 0;

    private static ScoringRule Rule(string id, string name, string table, int points, params Condition[] conditions) => new()
    {
        Id = id,
        Name = name,
        Category = Category.Engagement,
        Table = table,
        Points = points,
        Conditions = conditions,
    };
}
