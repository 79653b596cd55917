using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>The seeds' stories, end to end: rows are saved through the emulator and the registered steps score them.</summary>
public class ScoringStepsTests
{
    private readonly ScoringOrganization org = new();

    [Fact]
    public void A_download_earns_30_and_four_unclicked_emails_take_30_away()
    {
        var lead = org.CreateLead(("lastname", "Doe"));

        org.Download(lead);
        Assert.Equal(30, org.Score(lead));
        Assert.Equal(LifecycleStage.Engaged, org.Stage(lead));

        for (var i = 0; i < 4; i++)
        {
            org.Advance(1);
            org.SendEmail(lead);
        }

        Assert.Equal(0, org.Score(lead));
        Assert.Equal(new[] { 30, -30 }, org.Events(lead).OrderBy(e => e.GetAttributeValue<DateTime>(ScoreEventColumns.OccurredOn)).Select(e => e.GetAttributeValue<int>(ScoreEventColumns.Points)));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
    }

    [Fact]
    public void A_director_title_adds_fit_and_removing_it_takes_it_away()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Sales Director"));
        Assert.Equal(20, org.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));
        Assert.Equal("C3", org.Lead(lead).GetAttributeValue<string>(LeadColumns.Grade));

        org.Update(LeadColumns.Table, lead, ("jobtitle", "Analyst"));

        Assert.Equal(0, org.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));
        Assert.Equal(0, org.SumOfEvents(lead));
    }

    [Fact]
    public void A_lead_update_of_an_unwatched_column_runs_no_scoring()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Org.ResetDiagnostics();

        org.Update(LeadColumns.Table, lead, ("description", "Met at the fair"));

        Assert.DoesNotContain(org.Org.Executions, e => e.StepName == "Lead scoring: lead update");
    }

    [Fact]
    public void A_handed_back_lead_lands_below_the_line_and_needs_new_engagement_to_requalify()
    {
        var lead = org.SalesReadyLead(); // fit 20 + engagement 90

        var response = org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget this year"));

        Assert.Equal(70, response[CustomApi.Score]);
        Assert.Equal(LifecycleStageValues.Recycled, response[CustomApi.LifecycleStage]);
        var row = org.Lead(lead);
        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
        Assert.Equal(1, row.GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal("No budget this year", row.GetAttributeValue<string>(LeadColumns.HandBackReason));

        org.Advance(1);
        org.Download(lead);
        org.Download(lead);
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));
    }

    [Fact]
    public void A_person_setting_the_stage_to_Recycled_hands_the_lead_back()
    {
        var lead = org.SalesReadyLead();

        org.Update(LeadColumns.Table, lead, (LeadColumns.LifecycleStage, new OptionSetValue(LifecycleStageValues.Recycled)), (LeadColumns.HandBackReason, "Wrong contact"));

        Assert.Equal(70, org.Score(lead));
        Assert.Equal(1, org.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
    }

    [Fact]
    public void SalesAccepted_set_by_a_person_is_kept_while_points_move()
    {
        var lead = org.SalesReadyLead();
        org.Update(LeadColumns.Table, lead, (LeadColumns.LifecycleStage, new OptionSetValue(LifecycleStageValues.SalesAccepted)));

        org.Update(LeadColumns.Table, lead, ("jobtitle", "Intern"));

        Assert.Equal(90, org.Score(lead));
        Assert.Equal(LifecycleStage.SalesAccepted, org.Stage(lead));
    }

    [Fact]
    public void Decay_debits_on_schedule_through_the_Custom_API_and_not_twice()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Download(lead);
        org.Download(lead);
        var asOf = ScoringOrganization.Start.AddDays(44);
        org.Org.Clock.Set(asOf);

        var page = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, asOf));
        Assert.Equal(1, page[CustomApi.LeadsProcessed]);
        Assert.Equal(15, page[CustomApi.PointsDebited]);
        Assert.Equal("", page[CustomApi.Continuation]);
        Assert.Equal(45, org.Score(lead));

        var again = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, asOf));
        Assert.Equal(0, again[CustomApi.PointsDebited]);
        Assert.Equal(45, org.Score(lead));
    }

    [Fact]
    public void The_decay_job_pages_with_a_continuation_until_done()
    {
        var leads = Enumerable.Range(0, 7).Select(i => org.CreateLead(("lastname", "Lead " + i))).ToList();
        leads.ForEach(l => org.Download(l));
        var asOf = ScoringOrganization.Start.AddDays(31);
        org.Org.Clock.Set(asOf);

        var processed = 0;
        var calls = 0;
        string continuation = "";
        do
        {
            var page = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, asOf), (CustomApi.PageSize, 3), (CustomApi.Continuation, continuation));
            processed += (int)page[CustomApi.LeadsProcessed];
            continuation = (string)page[CustomApi.Continuation];
            calls++;
        }
        while (continuation.Length > 0);

        Assert.Equal(7, processed);
        Assert.Equal(3, calls);
        Assert.All(leads, l => Assert.Equal(25, org.Score(l)));
    }

    [Fact]
    public void An_offline_meeting_held_adds_points()
    {
        var meeting = new ScoringRule { Id = "meeting", Name = "Offline meeting held", Category = Category.Engagement, Table = "appointment", Conditions = [new Condition("statecode", ConditionOperator.EqualsTo, [1m])], Points = 25, Limit = new RuleLimit(LimitType.PerRecord) };
        var scoring = new ScoringOrganization(Engine.SampleModels.With(meeting));
        var lead = scoring.CreateLead(("lastname", "Doe"));
        var appointment = scoring.Create("appointment", ("subject", "Demo"), ("regardingobjectid", new EntityReference("lead", lead)), ("statecode", new OptionSetValue(0)));
        Assert.Equal(0, scoring.Score(lead));

        scoring.Update("appointment", appointment, ("statecode", new OptionSetValue(1)), ("statuscode", new OptionSetValue(3)));

        Assert.Equal(25, scoring.Score(lead));
        Assert.Equal("Offline meeting held", scoring.Events(lead).Single().GetAttributeValue<string>(ScoreEventColumns.Reason));
    }

    [Fact]
    public void An_email_regarding_anything_but_a_lead_is_ignored_without_error()
    {
        var account = org.Create("account", ("name", "Contoso"));

        org.Create(EmailColumns.Table, ("subject", "Hi"), (EmailColumns.DirectionCode, true), (EmailColumns.StatusCode, new OptionSetValue(3)), (EmailColumns.RegardingObjectId, new EntityReference("account", account)));

        Assert.All(org.Org.SystemJobs, j => Assert.Equal(LeadScoring.Emulator.SystemJobStatus.Succeeded, j.Status));
        Assert.Empty(org.Org.GetRows(ScoreEventColumns.Table));
    }

    [Fact]
    public void A_manual_adjustment_and_an_explanation_through_the_Custom_APIs()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);

        var adjusted = org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, parameters: [(CustomApi.Points, 15), (CustomApi.Reason, "Met at the trade show")]);
        var explained = org.Call(CustomApi.ExplainLeadScore, lead, parameters: (CustomApi.Top, 3));

        Assert.Equal(65, adjusted[CustomApi.Score]);
        var json = (string)explained[CustomApi.Explanation];
        Assert.Contains("\"score\":65", json, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Whitepaper download\",\"category\":\"engagement\",\"points\":30", json, StringComparison.Ordinal);
        Assert.Contains("Manual adjustment: Met at the trade show", json, StringComparison.Ordinal);
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(3, parsed.RootElement.GetProperty("reasons").GetArrayLength());
    }

    [Fact]
    public void A_retried_scoring_job_writes_nothing_new()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Download(lead);
        var job = org.Org.SystemJobs.Last(j => j.PrimaryEntityName == InteractionColumns.Table);
        var events = org.Events(lead).Count;

        org.Org.RedeliverJob(job);

        Assert.Equal(events, org.Events(lead).Count);
        Assert.Equal(30, org.Score(lead));
    }

    [Fact]
    public void A_lead_deleted_while_its_scoring_jobs_wait_ends_them_with_a_traced_skip()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.As(org.SalesRep).Update(new Entity(LeadColumns.Table, lead) { ["jobtitle"] = "Sales Director" });
        var created = org.As(org.SalesRep).Create(new Entity(LeadColumns.Table) { ["lastname"] = "Roe", ["jobtitle"] = "Director" });
        org.As(org.SalesRep).Delete(LeadColumns.Table, lead);
        org.As(org.SalesRep).Delete(LeadColumns.Table, created);

        org.Org.DrainAsyncQueue();

        Assert.All(org.Org.SystemJobs, j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
        Assert.Equal(2, org.Org.Executions.SelectMany(e => e.Traces).Count(t => t.Contains("no longer exists: nothing scored", StringComparison.Ordinal)));
        Assert.Null(org.Org.GetRow(LeadColumns.Table, lead));
    }

    [Fact]
    public void A_stale_lead_update_job_delivered_again_appends_nothing()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Update(LeadColumns.Table, lead, ("jobtitle", "Sales Director"));
        var directorJob = org.Org.SystemJobs.Last(j => j.PrimaryEntityName == LeadColumns.Table);
        org.Advance(1);
        org.Update(LeadColumns.Table, lead, ("jobtitle", "Clerk"));
        var events = org.Events(lead).Count;

        org.Org.RedeliverJob(directorJob); // its images still say "Sales Director"

        Assert.Equal(SystemJobStatus.Succeeded, directorJob.Status);
        Assert.Equal(events, org.Events(lead).Count);
        Assert.Equal(0, org.Score(lead));
    }

}
