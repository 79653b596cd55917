using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Crm.Sdk.Messages;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Stories at the edges of awards, the decay clock, hand-backs and the history guards, each acted
/// through the registered plug-ins and Custom APIs on the emulator.
/// </summary>
public class EdgeStoriesTests
{
    private static readonly ScoringRule Burst = new() { Id = "burst", Name = "Burst of activity", Category = Category.Engagement, Kind = RuleKind.ActivityVolume, Count = 3, WithinDays = 7, Points = 20 };

    // model-format.md, Decay: "New engagement restarts the clock: an activity that a positive engagement rule awards".
    // An email sales sends is no engagement of the lead; the activity bonus, already paid once per lead, awards it nothing.
    [Fact]
    public void An_email_sales_sends_after_an_activity_burst_does_not_restart_the_decay_clock()
    {
        var scoring = new ScoringOrganization(SampleModels.Default with { Rules = [SampleModels.Whitepaper, Burst] });
        var lead = scoring.CreateLead(("lastname", "Doe"));
        for (var i = 0; i < 3; i++)
        {
            scoring.Advance(1);
            scoring.Download(lead); // days 1, 2, 3: 90 + the bonus 20
        }

        scoring.Advance(2);
        scoring.SendEmail(lead); // day 5: sales writes to the lead

        Assert.Equal(ScoringOrganization.Start.AddDays(3), scoring.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.LastEngagementOn));
        Decay(scoring, ScoringOrganization.Start.AddDays(33)); // 30 quiet days after the last download
        Assert.Equal(105, scoring.Score(lead));
    }

    // The same path: a rep editing the lead's phone number is no engagement either.
    [Fact]
    public void Editing_the_lead_after_an_activity_burst_does_not_restart_the_decay_clock()
    {
        var scoring = new ScoringOrganization(SampleModels.Default with { Rules = [SampleModels.Whitepaper, Burst] });
        var lead = scoring.CreateLead(("lastname", "Doe"));
        for (var i = 0; i < 3; i++)
        {
            scoring.Advance(1);
            scoring.Download(lead);
        }

        scoring.Advance(2);
        scoring.Update(LeadColumns.Table, lead, ("telephone1", "+1 555 0100"));

        Assert.Equal(ScoringOrganization.Start.AddDays(3), scoring.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.LastEngagementOn));
    }

    // model-format.md, Hand-back: "Handing back a lead that is still Recycled from a hand-back, with no new engagement
    // points since, debits nothing and does not count again". A second webinar under a once-per-lead rule earns no points.
    [Fact]
    public void A_second_hand_back_after_an_activity_that_earned_no_points_debits_and_counts_nothing()
    {
        var scoring = new ScoringOrganization(SampleModels.With(SampleModels.Webinar));
        var lead = scoring.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        scoring.AttendWebinar(lead);
        for (var i = 0; i < 3; i++)
        {
            scoring.Download(lead);
        }

        Assert.Equal(135, scoring.Score(lead));
        scoring.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        Assert.Equal(90, scoring.Score(lead));

        scoring.Advance(1);
        scoring.AttendWebinar(lead); // the once-per-lead rule is spent: no points
        Assert.Equal(90, scoring.Score(lead));
        Assert.Equal(LifecycleStage.Recycled, scoring.Stage(lead));

        scoring.Advance(1);
        scoring.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Still no budget"));

        Assert.Equal(1, scoring.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal(90, scoring.Score(lead));
    }

    // model-format.md, Hand-back: new engagement points are "positive engagement points booked after the hand-back by
    // rules or by a person's manual adjustment"; a hand-back after such points is a new hand-back, counted.
    [Fact]
    public void A_hand_back_after_a_manual_engagement_adjustment_counts_as_a_new_hand_back()
    {
        var scoring = new ScoringOrganization();
        var lead = scoring.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        for (var i = 0; i < 3; i++)
        {
            scoring.Download(lead);
        }

        scoring.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        Assert.Equal(70, scoring.Score(lead));

        scoring.Advance(1);
        scoring.Call(CustomApi.AdjustLeadScore, lead, scoring.Admin, parameters: [(CustomApi.Points, 10), (CustomApi.Reason, "Met at our booth")]);
        Assert.Equal(LifecycleStage.Recycled, scoring.Stage(lead)); // 10 < requalifyEngagement 20

        scoring.Advance(1);
        scoring.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Still no budget"));

        Assert.Equal(2, scoring.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
    }

    // README: "no retry or replay counts twice" — and none may be lost. Two limited rules fire on one download; while
    // its job books them, another job takes the second rule's first slot. The retry must take the next slot.
    [Fact]
    public void A_job_that_loses_one_slot_of_two_limited_rules_to_another_job_takes_the_next_slot()
    {
        var download = new ScoringRule
        {
            Id = "download",
            Name = "Download, at most 5 times",
            Category = Category.Engagement,
            Table = "ls_interaction",
            Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, [(decimal)InteractionTypeValues.AssetDownload])],
            Points = 30,
            Limit = new RuleLimit(LimitType.MaxTimes, 5),
        };
        var guide = new ScoringRule
        {
            Id = "guide",
            Name = "Anything about the buyer's guide, at most 5 times",
            Category = Category.Engagement,
            Table = "ls_interaction",
            Conditions = [new Condition("ls_name", ConditionOperator.Contains, ["guide"])],
            Points = 10,
            Limit = new RuleLimit(LimitType.MaxTimes, 5),
        };
        var org = new ScoringOrganization(SampleModels.Default with { Rules = [download, guide] });
        var lead = org.CreateLead(("lastname", "Doe"));
        Queue(org, lead, InteractionTypeValues.AssetDownload, "Buyer's guide"); // both rules: download slot 1, guide slot 1
        Queue(org, lead, InteractionTypeValues.PageVisit, "Buyer's guide page"); // the guide rule only
        var jobs = org.Org.PendingJobs.ToList();
        var interleaved = false;
        org.Org.FailCalls(call =>
        {
            if (!interleaved && call.MessageName == "Create" && call.Table == ScoreEventColumns.Table && call.FromExecution != null)
            {
                interleaved = true;
                org.Org.RunJob(jobs[1]); // the page visit's job books guide slot 1 before the download's job books its second event
            }

            return false;
        }, new InvalidOperationException("never thrown"));

        org.Org.RunJob(jobs[0]);
        org.Org.DrainAsyncQueue();

        Assert.True(interleaved);
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
        Assert.Equal(30 + 10 + 10, org.Score(lead));
    }

    // plugins.md, Stage history: a merge reaches a row only as an update of its lead lookup alone, to the merge's Target;
    // a step of another solution on lead Merge cannot rewrite a third lead's history.
    [Fact]
    public void A_step_running_under_a_lead_merge_cannot_rewrite_another_leads_stage_history()
    {
        var org = new ScoringOrganization();
        var third = org.CreateLead(("lastname", "Third"));
        var row = org.Org.GetRows(StageChangeColumns.Table).Single(r => r.GetAttributeValue<EntityReference>(StageChangeColumns.LeadId).Id == third);
        var master = org.CreateLead(("lastname", "Doe"));
        var subordinate = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        RewriteHistoryOnMerge.Rows[master] = row.Id;
        var step = new JsonObject { ["name"] = "rewrite a stage change on merge", ["plugin"] = typeof(RewriteHistoryOnMerge).FullName, ["message"] = "Merge", ["table"] = LeadColumns.Table, ["stage"] = 40, ["mode"] = "Sync" };
        org.Org.LoadPacConfigJson(new JsonObject { ["steps"] = new JsonArray(step) }.ToJsonString(), typeof(RewriteHistoryOnMerge).Assembly);

        try
        {
            org.As(org.SalesRep).Execute(new MergeRequest { Target = new EntityReference(LeadColumns.Table, master), SubordinateId = subordinate, UpdateContent = new Entity(LeadColumns.Table), PerformParentingChecks = false });
        }
        catch (Exception refused) when (refused is InvalidPluginExecutionException or System.ServiceModel.FaultException<OrganizationServiceFault>)
        {
            // the guard refusing the rewrite refuses the merge with it: what the test wants is the third lead's history unchanged
        }

        var after = org.Org.GetRows(StageChangeColumns.Table).Single(r => r.Id == row.Id);
        Assert.Equal(LifecycleStageValues.New, after.GetAttributeValue<OptionSetValue>(StageChangeColumns.ToStage).Value);
    }

    // workbench.md: --split-salt is another split of a leads table; an events file has no split, so it is refused there.
    [Fact]
    public void Backtest_on_an_events_file_refuses_a_split_salt_it_cannot_use()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("leadscoring-edges-").FullName;
        try
        {
            string Write(string name, params string[] lines)
            {
                var path = System.IO.Path.Combine(folder, name);
                System.IO.File.WriteAllText(path, string.Join("\n", lines) + "\n");
                return path;
            }

            var run = LeadScoring.Tests.Workbench.WorkbenchCommandTests.Run("backtest", "--model", Write("model.json", LeadScoring.Tests.Workbench.SimulateCommandTests.Model),
                "--events", Write("events.jsonl", [.. LeadScoring.Tests.Workbench.SimulateCommandTests.SalesReadyMary(), LeadScoring.Tests.Workbench.SimulateCommandTests.Line("2026-05-07T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe"}}""")]),
                "--outcomes", Write("outcomes.csv", "id,bought", "mary,1", "john,0"),
                "--outcome", "bought", "--split-salt", "1");

            Assert.Equal(1, run.Exit);
            Assert.Contains("--split-salt", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static void Queue(ScoringOrganization org, Guid lead, int type, string name) =>
        org.As(org.Writer(InteractionColumns.Table)).Create(new Entity(InteractionColumns.Table)
        {
            [InteractionColumns.Name] = name,
            [InteractionColumns.Type] = new OptionSetValue(type),
            [InteractionColumns.LeadId] = new EntityReference(LeadColumns.Table, lead),
        });

    private static void Decay(ScoringOrganization scoring, DateTime asOf)
    {
        scoring.Org.Clock.Set(asOf);
        scoring.Call(CustomApi.ApplyScoreDecay, null, scoring.Admin, (CustomApi.AsOf, asOf));
    }
}

/// <summary>A step of another solution on lead Merge: as SYSTEM, it sets a stage change row (of any lead) to Sales Accepted.</summary>
public sealed class RewriteHistoryOnMerge : IPlugin
{
    public static readonly ConcurrentDictionary<Guid, Guid> Rows = new();

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var system = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        if (context.InputParameters["Target"] is EntityReference master && Rows.TryGetValue(master.Id, out var row))
        {
            system.Update(new Entity(StageChangeColumns.Table, row) { [StageChangeColumns.ToStage] = new OptionSetValue(LifecycleStageValues.SalesAccepted) });
        }
    }
}
