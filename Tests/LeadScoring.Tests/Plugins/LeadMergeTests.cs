using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Tests.Solution;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using EngineConditionOperator = LeadScoring.Engine.ConditionOperator;
using Flows = LeadScoring.SolutionTool.Definition.Flows;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Merging two leads (Emulator/MergeSpecs): the platform moves the subordinate's emails, appointments
/// and phone calls to the master (and its interactions and score events where those relationships'
/// Merge cascade is Cascade, which a solution cannot declare, so both are tested), applies
/// UpdateContent and deactivates the subordinate, with or without running the Update pipeline (Learn
/// does not say, so both are tested). The Lead Merge step then rescores both leads exactly.
/// </summary>
public class LeadMergeTests
{
    private static readonly ScoringRule Meeting = new()
    {
        Id = "meeting",
        Name = "Offline meeting held",
        Category = Category.Engagement,
        Table = "appointment",
        Conditions = [new Condition("statecode", EngineConditionOperator.EqualsTo, [1m])],
        Points = 25,
        Limit = new RuleLimit(LimitType.MaxTimes, 2),
    };

    private static readonly ScoringRule Reply = new()
    {
        Id = "reply",
        Name = "Email from the lead",
        Category = Category.Engagement,
        Table = "email",
        Conditions = [new Condition("directioncode", EngineConditionOperator.EqualsTo, [false])],
        Points = 10,
        Limit = new RuleLimit(LimitType.OncePerDays, 7),
    };

    private static readonly ScoringModel Model = LeadScoring.Tests.Engine.SampleModels.With(Meeting, Reply);

    private sealed class Story
    {
        public Story(string productCascade, bool throughPipeline)
        {
            S = new ScoringOrganization(Model);
            S.Org.DefaultCascadeMerge = productCascade; // ls_interaction and ls_scoreevent (the solution's relationships)
            S.Org.MergeRunsUpdatePipeline = throughPipeline;
            SalesReady = FlowReplayTests.Subscribe(S, Flows.NotifySalesReady);
            Master = S.CreateLead(("lastname", "Doe"), ("jobtitle", "Sales manager"));
            Subordinate = S.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
            MasterMeeting = Meet(Master);
            MasterEmail = Receive(Master);
            S.Advance(1);
            FirstMeeting = Meet(Subordinate);
            LateEmail = Receive(Subordinate); // the day after the master's, the same week: once per 7 days (Monday to Sunday) must hold after the merge
            S.Advance(1);
            SecondMeeting = Meet(Subordinate); // a third meeting: the master's at most two must hold after the merge
            Whitepaper = S.Download(Subordinate);
            S.Advance(1);
        }

        public ScoringOrganization S { get; }

        public System.Collections.Concurrent.ConcurrentQueue<Entity> SalesReady { get; }

        public Guid Master { get; }

        public Guid Subordinate { get; }

        public Guid MasterMeeting { get; }

        public Guid MasterEmail { get; }

        public Guid FirstMeeting { get; }

        public Guid SecondMeeting { get; }

        public Guid Whitepaper { get; }

        public Guid LateEmail { get; }

        private Guid Meet(Guid lead) => S.Create(AppointmentColumns.Table, ("subject", "Demo"), (AppointmentColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)), (AppointmentColumns.StateCode, new OptionSetValue(AppointmentColumns.StateCompleted)));

        private Guid Receive(Guid lead) => S.Create(EmailColumns.Table, ("subject", "Re: pricing"), (EmailColumns.DirectionCode, false), (EmailColumns.StatusCode, new OptionSetValue(EmailColumns.StatusReceived)), (EmailColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));

        /// <summary>The sales rep merges the duplicate into the master, keeping the duplicate's job title, as in the Merge dialog.</summary>
        public void MergeAsRep()
        {
            S.As(S.SalesRep).Execute(new MergeRequest
            {
                Target = new EntityReference(LeadColumns.Table, Master),
                SubordinateId = Subordinate,
                UpdateContent = new Entity(LeadColumns.Table) { ["jobtitle"] = "Director of Sales" },
                PerformParentingChecks = false,
            });
        }

        public int SalesReadyFires(Guid lead) => SalesReady.Count(row => row.Id == lead && FlowReplayTests.Matches(SalesReadyFilter, row));

        private static string SalesReadyFilter => (string)FlowReplayTests.Trigger(Flows.NotifySalesReady)["subscriptionRequest/filterexpression"]!;

        public int Points(Guid lead, Guid source) => S.Events(lead).Where(e => e.GetAttributeValue<string>(ScoreEventColumns.SourceId) == source.ToString("D")).Sum(e => e.GetAttributeValue<int>(ScoreEventColumns.Points));

        public void AssertTotalsAreTheSumOfEvents(Guid lead)
        {
            var row = S.Lead(lead);
            var events = S.Events(lead);
            int Sum(int? category) => events.Where(e => category == null || e.GetAttributeValue<OptionSetValue>(ScoreEventColumns.Category)?.Value == category).Sum(e => e.GetAttributeValue<int>(ScoreEventColumns.Points));
            Assert.Equal(Sum(null), row.GetAttributeValue<int>(LeadColumns.Score));
            Assert.Equal(Sum(CategoryValues.Fit), row.GetAttributeValue<int>(LeadColumns.FitScore));
            Assert.Equal(Sum(CategoryValues.Engagement), row.GetAttributeValue<int>(LeadColumns.EngagementScore));
        }
    }

    [Theory]
    [InlineData("NoCascade", true, false)]
    [InlineData("NoCascade", false, false)]
    [InlineData("NoCascade", true, true)]
    [InlineData("Cascade", true, false)]
    [InlineData("Cascade", false, false)]
    [InlineData("Cascade", true, true)]
    public void After_a_merge_the_master_is_scored_from_all_its_activities_once_within_its_limits_and_the_subordinate_is_disqualified(string productCascade, bool throughPipeline, bool mergeJobFirst)
    {
        var story = new Story(productCascade, throughPipeline);
        var s = story.S;
        Assert.Equal(DayOfWeek.Friday, ScoringOrganization.Start.DayOfWeek); // the master's email Friday, the subordinate's Saturday
        Assert.Equal(110, s.Score(story.Subordinate)); // 20 fit, 50 meetings, 10 email, 30 whitepaper: sales-ready
        Assert.Equal(LifecycleStage.MarketingQualified, s.Stage(story.Subordinate));
        Assert.Equal(1, story.SalesReadyFires(story.Subordinate));
        Assert.Equal(35, s.Score(story.Master)); // no fit (sales manager), 25 meeting, 10 email

        story.MergeAsRep();
        var mergeJob = s.Org.PendingJobs.Single(j => j.StepName == "Lead scoring: lead merge");
        if (mergeJobFirst)
        {
            s.Org.RunJob(mergeJob); // the order of the jobs the merge queued is the asynchronous service's
        }
        s.Org.DrainAsyncQueue();

        Assert.All(s.Org.SystemJobs, j => Assert.True(j.Status == LeadScoring.Emulator.SystemJobStatus.Succeeded, j + ": " + j.Message));
        var interactionsMoved = productCascade == "Cascade";
        // The master: fit from UpdateContent's title, two of three meetings (at most 2), one of two emails
        // (once per 7 days), the whitepaper when interactions moved with the merge.
        Assert.Equal(20, s.Lead(story.Master).GetAttributeValue<int>(LeadColumns.FitScore));
        Assert.Equal(interactionsMoved ? 90 : 60, s.Lead(story.Master).GetAttributeValue<int>(LeadColumns.EngagementScore));
        Assert.Equal(interactionsMoved ? 110 : 80, s.Score(story.Master));
        Assert.Equal(25, story.Points(story.Master, story.MasterMeeting));
        Assert.Equal(25, story.Points(story.Master, story.FirstMeeting));
        Assert.Equal(0, story.Points(story.Master, story.SecondMeeting));
        Assert.Equal(10, story.Points(story.Master, story.MasterEmail));
        Assert.Equal(0, story.Points(story.Master, story.LateEmail));
        Assert.Equal(interactionsMoved ? 30 : 0, story.Points(story.Master, story.Whitepaper));
        story.AssertTotalsAreTheSumOfEvents(story.Master);
        Assert.Equal(interactionsMoved ? LifecycleStage.MarketingQualified : LifecycleStage.Engaged, s.Stage(story.Master));
        Assert.Equal(interactionsMoved ? 1 : 0, story.SalesReadyFires(story.Master));

        // The subordinate: Disqualified, scored from what still regards it, its ledger only grown.
        var subordinate = s.Lead(story.Subordinate);
        Assert.Equal(2, subordinate.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode).Value);
        Assert.Equal(LifecycleStage.Disqualified, s.Stage(story.Subordinate));
        Assert.Equal(interactionsMoved ? 20 : 50, s.Score(story.Subordinate));
        story.AssertTotalsAreTheSumOfEvents(story.Subordinate);
        Assert.Equal(1, story.SalesReadyFires(story.Subordinate)); // the one before the merge: none since

        // A redelivered merge job, and a recalculation by hand, add nothing to either ledger.
        var events = s.Org.RowCount(ScoreEventColumns.Table);
        s.Org.RedeliverJob(mergeJob);
        s.Call(CustomApi.RecalculateLeadScore, story.Master, s.SalesRep);
        Assert.Equal(events, s.Org.RowCount(ScoreEventColumns.Table));
        Assert.Equal(interactionsMoved ? 110 : 80, s.Score(story.Master));
        Assert.Equal(interactionsMoved ? 1 : 0, story.SalesReadyFires(story.Master));
    }

    [Fact]
    public void The_explanation_of_the_master_names_the_merged_activities_and_adds_up_to_its_score()
    {
        var story = new Story("NoCascade", throughPipeline: true);
        story.MergeAsRep();
        story.S.Org.DrainAsyncQueue();

        var response = story.S.Call(CustomApi.ExplainLeadScore, story.Master, story.S.SalesRep, (CustomApi.Top, 10));
        using var explanation = JsonDocument.Parse((string)response[CustomApi.Explanation]);
        var root = explanation.RootElement;
        var reasons = root.GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("points").GetInt32());
        var history = root.GetProperty("history").EnumerateArray().ToList();

        Assert.Equal(80, root.GetProperty("score").GetInt32());
        Assert.Equal(80, reasons.Values.Sum()); // each rule once, its own and the merged activities together
        Assert.Equal(50, reasons[Meeting.Name]); // three meetings, at most two
        Assert.Equal(10, reasons[Reply.Name]);   // two emails within 7 days, once
        Assert.Equal(80, history[^1].GetProperty("score").GetInt32());
        var merged = history.Where(p => p.GetProperty("reason").GetString()!.StartsWith("Merged lead " + story.Subordinate.ToString("D") + " into this one: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(merged, p => p.GetProperty("reason").GetString()!.EndsWith(Meeting.Name, StringComparison.Ordinal) && p.GetProperty("points").GetInt32() == 25);
    }

    [Fact]
    public void A_user_who_cannot_write_the_subordinate_cannot_merge_it_and_nothing_changes()
    {
        var story = new Story("NoCascade", throughPipeline: true);
        // Reads every lead, writes only the leads the colleague owns (Basic): not the rep's two leads.
        story.S.Org.DefineRole("Own leads only", new[] { new KeyValuePair<string, LeadScoring.Emulator.PrivilegeDepth>("prvReadLead", LeadScoring.Emulator.PrivilegeDepth.Global), new("prvWriteLead", LeadScoring.Emulator.PrivilegeDepth.Basic) });
        var colleague = story.S.Org.AddUser("Casey Colleague", "Own leads only");

        Assert.ThrowsAny<Exception>(() => story.S.As(colleague).Execute(new MergeRequest
        {
            Target = new EntityReference(LeadColumns.Table, story.Master),
            SubordinateId = story.Subordinate,
            UpdateContent = new Entity(LeadColumns.Table),
            PerformParentingChecks = false,
        }));

        Assert.Equal(0, story.S.Lead(story.Subordinate).GetAttributeValue<OptionSetValue>(LeadColumns.StateCode).Value);
        Assert.Empty(story.S.Org.PendingJobs);
    }

    [Fact]
    public void Nobody_moves_a_score_event_by_hand_not_even_to_the_lead_it_was_booked_for()
    {
        var story = new Story("Cascade", throughPipeline: true);
        story.MergeAsRep();
        var moved = story.S.Events(story.Master).First(e => Ledger.BookedFor(e.GetAttributeValue<string>(ScoreEventColumns.IdempotencyKey)) == story.Subordinate);

        // Before the merge job runs, the subordinate's events sit on the master (the platform cascaded them);
        // only lead scoring moves them back; a System Administrator (every privilege: security off here) cannot, at depth 1.
        story.S.Org.EnforceSecurity = false;
        var error = Assert.ThrowsAny<Exception>(() => story.S.As(story.S.Admin).Update(new Entity(ScoreEventColumns.Table, moved.Id) { [ScoreEventColumns.LeadId] = new EntityReference(LeadColumns.Table, story.Subordinate) }));
        Assert.True(error.Message.Contains("append-only ledger", StringComparison.Ordinal), error.Message);

        story.S.Org.EnforceSecurity = true;
        story.S.Org.DrainAsyncQueue();
        Assert.Equal(story.Subordinate, story.S.Org.GetRow(ScoreEventColumns.Table, moved.Id)!.GetAttributeValue<EntityReference>(ScoreEventColumns.LeadId).Id);
    }
}
