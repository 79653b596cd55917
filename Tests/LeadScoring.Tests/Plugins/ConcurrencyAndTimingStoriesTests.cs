using System;
using System.Linq;
using System.Text.Json.Nodes;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Tests.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Stories of concurrent jobs, two Active models and interactions dated ahead, each acted through the
/// registered plug-ins and Custom APIs on the emulator.
/// </summary>
public class ConcurrencyAndTimingStoriesTests
{
    private static ScoringRule OnDownload(string id, int points, LimitType limit = LimitType.None) => new()
    {
        Id = id,
        Name = "Download (" + id + ")",
        Category = Category.Engagement,
        Table = "ls_interaction",
        Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, [(decimal)InteractionTypeValues.AssetDownload])],
        Points = points,
        Limit = new RuleLimit(limit),
    };

    // README: "no retry or replay counts twice" — and none may be lost. Three rules fire on each download: a
    // per-change rule, a once-per-lead rule and another per-change rule. The second download's job books its first
    // per-change award, then finds the once-per-lead key taken by the first download's job (which ran meanwhile).
    // Its retry must still book the second per-change rule; recalculation gives it.
    [Fact]
    public void A_job_that_loses_a_once_per_lead_key_midway_still_books_the_changes_other_rules()
    {
        var org = new ScoringOrganization(SampleModels.Default with { Rules = [OnDownload("first", 5), OnDownload("once", 10, LimitType.PerLead), OnDownload("second", 7)] });
        var lead = org.CreateLead(("lastname", "Doe"));
        Queue(org, lead);
        Queue(org, lead);
        var jobs = org.Org.PendingJobs.ToList();
        Assert.Equal(2, jobs.Count);
        var interleaved = false;
        org.Org.FailCalls(call =>
        {
            if (!interleaved && call.MessageName == "Create" && call.Table == ScoreEventColumns.Table && call.FromExecution != null)
            {
                interleaved = true;
                org.Org.RunJob(jobs[0]); // the first download's job books first, once and second before this job books its once-per-lead key
            }

            return false;
        }, new InvalidOperationException("never thrown"));

        org.Org.RunJob(jobs[1]);
        org.Org.DrainAsyncQueue();

        Assert.True(interleaved);
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
        Assert.Equal(5 + 10 + 7 + 5 + 7, org.Score(lead));
    }

    // plugins.md: of two Active models only the one that does not score may be retired directly, "so nobody stops
    // scoring ... alone". The admin sends both retirements at once (two tabs, two flow runs); another solution's
    // PreOperation step on the model (it reads the row) marks the moment between the check and the write.
    [Fact]
    public void Two_retirements_at_once_of_the_two_active_models_leave_one_active()
    {
        var org = new ScoringOrganization();
        var older = org.ModelId;
        var shadow = ModelRows.ModelRow(SampleModels.Default with { Name = "Shadow", Version = 2 });
        shadow[ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Active);
        shadow[ScoringModelColumns.ActivatedOn] = org.Org.Clock.UtcNow.AddMinutes(1); // a direct data edit, past the activation step
        var shadowId = org.Org.Seed(shadow);
        var step = new JsonObject { ["name"] = "another solution reads the model on update", ["plugin"] = typeof(ReadModelOnUpdate).FullName, ["message"] = "Update", ["table"] = ScoringModelColumns.Table, ["stage"] = 20, ["rank"] = 2, ["mode"] = "Sync" };
        org.Org.LoadPacConfigJson(new JsonObject { ["steps"] = new JsonArray(step) }.ToJsonString(), typeof(ReadModelOnUpdate).Assembly);
        var interleaved = false;
        org.Org.FailCalls(call =>
        {
            if (!interleaved && call.MessageName == "Retrieve" && call.FromExecution?.PluginType == typeof(ReadModelOnUpdate))
            {
                interleaved = true;
                Retire(org, shadowId); // the other request: its check runs before this one writes
            }

            return false;
        }, new InvalidOperationException("never thrown"));

        try
        {
            Retire(org, older);
        }
        catch (Exception refused) when (refused is InvalidPluginExecutionException or System.ServiceModel.FaultException<OrganizationServiceFault>)
        {
            // one of the two may be refused: what the test wants is a model left Active
        }

        Assert.True(interleaved);
        Assert.Contains(org.Org.GetRows(ScoringModelColumns.Table), m => m.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status)?.Value == ModelStatusValues.Active);
    }

    // plugins.md: the model that scores (the latest activated) may not be retired directly: one person would undo an
    // activation marketing and sales approved.
    [Fact]
    public void With_two_active_models_one_admin_cannot_retire_the_one_that_scores()
    {
        var org = new ScoringOrganization();
        var older = org.ModelId;
        var newer = ModelRows.ModelRow(SampleModels.Default with { Name = "Newer", Version = 2 });
        newer[ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Active);
        newer[ScoringModelColumns.ActivatedOn] = org.Org.Clock.UtcNow.AddMinutes(1);
        var newerId = org.Org.Seed(newer);

        try
        {
            Retire(org, newerId);
        }
        catch (Exception refused) when (refused is InvalidPluginExecutionException or System.ServiceModel.FaultException<OrganizationServiceFault>)
        {
            // refused: the model that scores stays Active
        }

        Assert.Equal(ModelStatusValues.Active, org.Org.GetRow(ScoringModelColumns.Table, newerId)!.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status).Value);
        Assert.Equal(ModelStatusValues.Active, org.Org.GetRow(ScoringModelColumns.Table, older)!.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status).Value);
    }

    // model-format.md, Hand-back: "Handing back a lead that is still Recycled from a hand-back, with no new engagement
    // points since, debits nothing and does not count again; its reason replaces the earlier one, so a retried call is
    // harmless". integrations.md: OccurredOn may be up to an hour ahead. An interaction booked before the hand-back,
    // dated 30 minutes ahead, is no new engagement since the hand-back: the flow's retry must change nothing.
    [Fact]
    public void A_retried_hand_back_after_an_interaction_dated_ahead_debits_and_counts_once()
    {
        var org = new ScoringOrganization();
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);
        org.Download(lead);
        org.Download(lead);
        org.Call(CustomApi.RecordInteraction, null, org.Integration,
            (CustomApi.Type, "Asset download"), (CustomApi.Source, "webinar-platform"), (CustomApi.ExternalId, "evt-1"), (CustomApi.Name, "Pricing whitepaper"),
            (CustomApi.LeadId, lead), (CustomApi.OccurredOn, org.Org.Clock.UtcNow.AddMinutes(30)));
        org.Org.DrainAsyncQueue();
        Assert.Equal(140, org.Score(lead));

        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        var afterHandBack = org.Score(lead);
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget")); // the flow's retry

        Assert.Equal(1, org.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal(afterHandBack, org.Score(lead));
    }

    // plugins.md: recalculation rescores exactly from the source records; integrations.md: an OccurredOn up to an hour
    // ahead counts from when the interaction was recorded. Recalculating right after such an interaction was scored
    // must agree with the incremental score (the points are in the ledger already).
    [Fact]
    public void Recalculating_right_after_an_interaction_dated_ahead_keeps_its_points()
    {
        var org = new ScoringOrganization();
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Call(CustomApi.RecordInteraction, null, org.Integration,
            (CustomApi.Type, "Asset download"), (CustomApi.Source, "webinar-platform"), (CustomApi.ExternalId, "evt-1"), (CustomApi.Name, "Pricing whitepaper"),
            (CustomApi.LeadId, lead), (CustomApi.OccurredOn, org.Org.Clock.UtcNow.AddMinutes(30)));
        org.Org.DrainAsyncQueue();
        var incremental = org.Score(lead);

        org.Call(CustomApi.RecalculateLeadScore, lead, org.Admin);

        Assert.Equal(incremental, org.Score(lead));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
    }

    private static void Retire(ScoringOrganization org, Guid model) =>
        org.As(org.Admin).Update(new Entity(ScoringModelColumns.Table, model) { [ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Retired) });

    private static void Queue(ScoringOrganization org, Guid lead) =>
        org.As(org.Writer(InteractionColumns.Table)).Create(new Entity(InteractionColumns.Table)
        {
            [InteractionColumns.Name] = "Whitepaper",
            [InteractionColumns.Type] = new OptionSetValue(InteractionTypeValues.AssetDownload),
            [InteractionColumns.LeadId] = new EntityReference(LeadColumns.Table, lead),
        });

    // README: no retry or replay counts twice, and none may be lost. A download fires two rules; the second event's
    // create fails (a transient platform error), so the asynchronous job fails after booking the first. Delivered
    // again, the job books the second rule and not the first again.
    [Fact]
    public void A_job_retried_after_failing_between_two_awards_of_one_change_books_the_second()
    {
        ScoringRule OnDownload(string id, int points) => new()
        {
            Id = id,
            Name = "Download (" + id + ")",
            Category = Category.Engagement,
            Table = "ls_interaction",
            Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, [(decimal)InteractionTypeValues.AssetDownload])],
            Points = points,
        };
        var org = new ScoringOrganization(SampleModels.Default with { Rules = [OnDownload("first", 5), OnDownload("second", 7)] });
        var lead = org.CreateLead(("lastname", "Doe"));
        var creates = 0;
        org.Org.FailCalls(call => call.MessageName == "Create" && call.Table == ScoreEventColumns.Table && call.FromExecution != null && ++creates == 2, new TimeoutException("SQL timeout"), times: 1);

        org.Download(lead);
        var job = org.Org.SystemJobs.Last(j => j.PrimaryEntityName == InteractionColumns.Table);
        Assert.Equal(2, creates);
        org.Org.RedeliverJob(job);

        Assert.Equal(5 + 7, org.Score(lead));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
    }
}

/// <summary>A step of another solution on ls_scoringmodel Update (PreOperation, after lead scoring's): reads the model row as SYSTEM.</summary>
public sealed class ReadModelOnUpdate : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var system = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        system.Retrieve(context.PrimaryEntityName, context.PrimaryEntityId, new Microsoft.Xrm.Sdk.Query.ColumnSet(ScoringModelColumns.Name));
    }
}
