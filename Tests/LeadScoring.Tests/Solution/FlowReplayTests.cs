using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadScoring.Dataverse;
using LeadScoring.SolutionTool.Definition;
using LeadScoring.Tests.Plugins;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// Cloud flows cannot run here, so these tests replay, on the emulator, the logic each flow relies on,
/// reading the parts that matter (action names, parameter wiring, trigger filters) from the flow
/// definitions in Solution/Workflows: the decay loop follows Continuation to the end; the sales-ready
/// and recycled triggers fire once per change of stage; only the first decay debit of an inactive
/// period starts re-engagement. A Dataverse "when a row is added or modified" trigger is replayed as
/// what it is on the platform: an asynchronous PostOperation subscription with the trigger's
/// filtering attributes, whose filter expression is evaluated on the row after the change.
/// </summary>
public class FlowReplayTests
{
    internal static JsonObject Definition(CloudFlow flow) => AutomationTests.Flow(flow.Name)["properties"]!["definition"]!.AsObject();

    private static IEnumerable<(string Name, JsonObject Action)> AllActions(JsonObject actions)
    {
        foreach (var (name, node) in actions)
        {
            var action = node!.AsObject();
            yield return (name, action);
            foreach (var inner in new[] { action["actions"], action["else"]?["actions"], action["default"]?["actions"] }.OfType<JsonObject>())
            {
                foreach (var a in AllActions(inner))
                {
                    yield return a;
                }
            }
        }
    }

    internal static JsonObject Trigger(CloudFlow flow) => Definition(flow)["triggers"]!.AsObject().Single().Value!["inputs"]!["parameters"]!.AsObject();

    /// <summary>The trigger's filter expression, "column eq value and ...", evaluated on a row.</summary>
    internal static bool Matches(string expression, Entity row) =>
        Regex.Matches(expression, @"(\w+) eq (\d+)").All(m =>
            row.GetAttributeValue<OptionSetValue>(m.Groups[1].Value)?.Value == int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    /// <summary>Subscribes a recorder to what the flow's trigger subscribes to, as a pac-config step.</summary>
    internal static ConcurrentQueue<Entity> Subscribe(ScoringOrganization s, CloudFlow flow)
    {
        var trigger = Trigger(flow);
        string message = (int)trigger["subscriptionRequest/message"]! switch { 1 => "Create", 3 => "Update", var m => throw new InvalidOperationException("message " + m) };
        string key = Guid.NewGuid().ToString("N");
        var filtering = ((string?)trigger["subscriptionRequest/filteringattributes"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var step = new JsonObject
        {
            ["name"] = "flow trigger: " + flow.Name,
            ["plugin"] = typeof(TriggerRecorder).FullName,
            ["message"] = message,
            ["table"] = (string)trigger["subscriptionRequest/entityname"]!,
            ["stage"] = 40,
            ["mode"] = "Async",
            ["filteringAttributes"] = new JsonArray(filtering.Select(f => (JsonNode)f).ToArray()),
            ["images"] = new JsonArray(new JsonObject { ["name"] = "PostImage", ["type"] = "Post", ["attributes"] = new JsonArray() }),
            ["unsecureConfiguration"] = key,
        };
        s.Org.LoadPacConfigJson(new JsonObject { ["steps"] = new JsonArray(step) }.ToJsonString(), typeof(TriggerRecorder).Assembly);
        return TriggerRecorder.Fired.GetOrAdd(key, _ => new ConcurrentQueue<Entity>());
    }

    [Fact]
    public void The_nightly_decay_flow_follows_the_continuation_to_the_end_and_adds_up_the_pages()
    {
        var definition = Definition(Flows.DecayNightly);
        var actions = AllActions(definition["actions"]!.AsObject()).ToDictionary(a => a.Name, a => a.Action);
        var until = actions.Values.Single(a => (string?)a["type"] == "Until");
        var call = actions["Apply_score_decay_page"];
        var parameters = call["inputs"]!["parameters"]!.AsObject();

        // The wiring the loop depends on.
        Assert.Equal("@equals(variables('Done'), true)", (string)until["expression"]!);
        Assert.Equal("@variables('Continuation')", (string)parameters["item/" + CustomApi.Continuation]!);
        Assert.Equal("@variables('AsOf')", (string)parameters["item/" + CustomApi.AsOf]!);
        Assert.Contains(Automation.DecayPageSize.SchemaName, (string)parameters["item/" + CustomApi.PageSize]!, StringComparison.Ordinal);
        Assert.Contains("body/" + CustomApi.Continuation, (string)actions["Set_Continuation"]["inputs"]!["value"]!, StringComparison.Ordinal);
        Assert.Equal("@empty(variables('Continuation'))", (string)actions["Set_Done"]["inputs"]!["value"]!);
        Assert.Equal("@variables('AsOf')", (string)actions["Create_the_decay_run"]["inputs"]!["parameters"]!["item/" + DecayRunColumns.AsOf]!);

        // Seven engaged leads go quiet; an admin set ls_DecayPageSize to 3, so the run takes several pages.
        var s = new ScoringOrganization();
        var leads = Enumerable.Range(0, 7).Select(i => s.CreateLead(("lastname", "Quiet " + i), ("jobtitle", "Director"))).ToList();
        leads.ForEach(lead => s.Download(lead));
        s.Advance(45);
        int pageSize = 3;

        string actionName = (string)parameters["actionName"]!;
        var asOf = s.Org.Clock.UtcNow;
        string continuation = "";
        int pages = 0, leadsProcessed = 0, pointsDebited = 0;
        bool done = false;
        int limit = (int)until["limit"]!["count"]!;
        while (!done)
        {
            Assert.True(pages < limit, "the loop did not end within the flow's limit");
            var request = new OrganizationRequest(actionName)
            {
                [CustomApi.AsOf] = asOf,
                [CustomApi.PageSize] = pageSize,
                [CustomApi.Continuation] = continuation,
            };
            var response = s.As(s.Admin).Execute(request);
            s.Org.DrainAsyncQueue();
            leadsProcessed += (int)response[CustomApi.LeadsProcessed];
            pointsDebited += (int)response[CustomApi.PointsDebited];
            pages++;
            continuation = (string?)response[CustomApi.Continuation] ?? "";
            done = continuation.Length == 0;
        }

        Assert.True(pages >= 3, $"expected several pages of 3, got {pages}");
        Assert.Equal(leads.Count, leadsProcessed);
        var decay = s.Org.GetRows(ScoreEventColumns.Table).Where(e => e.GetAttributeValue<OptionSetValue>(ScoreEventColumns.Kind).Value == ScoreEventKindValues.Decay).ToList();
        Assert.Equal(-decay.Sum(e => e.GetAttributeValue<int>(ScoreEventColumns.Points)), pointsDebited);
        Assert.True(pointsDebited > 0);

        // A second run as of the same moment changes nothing (what makes "run the flow again" safe).
        var again = s.As(s.Admin).Execute(new OrganizationRequest(actionName) { [CustomApi.AsOf] = asOf, [CustomApi.PageSize] = 1000 });
        Assert.Equal(0, (int)again[CustomApi.PointsDebited]);
    }

    [Fact]
    public void The_sales_ready_and_recycled_triggers_fire_once_per_change_of_stage()
    {
        var s = new ScoringOrganization();
        var salesReady = Subscribe(s, Flows.NotifySalesReady);
        var recycled = Subscribe(s, Flows.ReengageRecycled);
        string salesReadyFilter = (string)Trigger(Flows.NotifySalesReady)["subscriptionRequest/filterexpression"]!;
        string recycledFilter = (string)Trigger(Flows.ReengageRecycled)["subscriptionRequest/filterexpression"]!;
        Assert.Equal($"{LeadColumns.LifecycleStage} eq {LifecycleStageValues.MarketingQualified} and {LeadColumns.StateCode} eq 0", salesReadyFilter);
        Assert.Equal($"{LeadColumns.LifecycleStage} eq {LifecycleStageValues.Recycled} and {LeadColumns.StateCode} eq 0", recycledFilter);

        var lead = s.CreateLead(("lastname", "Doe"), ("jobtitle", "Director of Sales"));
        s.Download(lead);
        s.Download(lead);
        s.Download(lead);
        s.Download(lead); // sales-ready by now
        Assert.Equal(LeadScoring.Engine.LifecycleStage.MarketingQualified, s.Stage(lead));
        s.Download(lead); // more engagement: the stage does not change, the trigger must not fire again
        s.Update(LeadColumns.Table, lead, ("jobtitle", "Director of Sales Operations"));

        int Fires(ConcurrentQueue<Entity> fired, string filter) => fired.Count(row => row.Id == lead && Matches(filter, row));
        Assert.Equal(1, Fires(salesReady, salesReadyFilter));
        Assert.Equal(0, Fires(recycled, recycledFilter));

        s.Call(CustomApi.HandBackLead, lead, s.SalesRep, (CustomApi.Reason, "Not now"));
        Assert.Equal(1, Fires(recycled, recycledFilter));
        Assert.Equal(1, Fires(salesReady, salesReadyFilter));

        // Requalifying with new engagement is a new change to Marketing Qualified: one more notification.
        s.Advance(1);
        for (int i = 0; i < 4; i++)
        {
            s.Download(lead);
        }

        Assert.Equal(LeadScoring.Engine.LifecycleStage.MarketingQualified, s.Stage(lead));
        Assert.Equal(2, Fires(salesReady, salesReadyFilter));
        Assert.Equal(1, Fires(recycled, recycledFilter));

        // A closed lead is never sales-ready: disqualifying and scoring it again notifies nobody.
        s.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(2)), (LeadColumns.StatusCode, new OptionSetValue(4)));
        s.Download(lead);
        Assert.Equal(LeadScoring.Engine.LifecycleStage.Disqualified, s.Stage(lead));
        Assert.Equal(2, Fires(salesReady, salesReadyFilter));
    }

    [Fact]
    public void Only_the_first_decay_debit_of_an_inactive_period_starts_re_engagement()
    {
        var definition = Definition(Flows.ReengageDecaying);
        var actions = AllActions(definition["actions"]!.AsObject()).ToDictionary(a => a.Name, a => a.Action);
        var query = actions["List_the_first_decay_since_the_last_engagement"]["inputs"]!["parameters"]!;
        Assert.Contains($"{ScoreEventColumns.Kind} eq {ScoreEventKindValues.Decay}", (string)query["$filter"]!, StringComparison.Ordinal);
        Assert.Contains($"{ScoreEventColumns.OccurredOn} gt", (string)query["$filter"]!, StringComparison.Ordinal);
        Assert.Equal($"{ScoreEventColumns.OccurredOn} asc,createdon asc", (string)query["$orderby"]!);
        Assert.Equal(1, (int)query["$top"]!);
        Assert.Contains("Add_the_lead_to_the_list", AllActions(actions["This_is_the_first_decay"]["actions"]!.AsObject()).Select(a => a.Name));

        var s = new ScoringOrganization();
        var fired = Subscribe(s, Flows.ReengageDecaying);
        string filter = (string)Trigger(Flows.ReengageDecaying)["subscriptionRequest/filterexpression"]!;
        var lead = s.CreateLead(("lastname", "Roe"), ("jobtitle", "Director"));
        s.Download(lead);
        int seen = 0;

        // What the flow does for each decay debit written since the last look: the first decay since the
        // lead's last engagement (by occurred on, then created on) is the debit that triggered it?
        int Starts()
        {
            var runs = fired.Skip(seen).Where(row => Matches(filter, row)).ToList();
            seen = fired.Count;
            var lastEngagement = s.Lead(lead).GetAttributeValue<DateTime>(LeadColumns.LastEngagementOn);
            var first = new QueryExpression(ScoreEventColumns.Table) { ColumnSet = new ColumnSet(ScoreEventColumns.Id), TopCount = 1 };
            first.Criteria.AddCondition(ScoreEventColumns.LeadId, ConditionOperator.Equal, lead);
            first.Criteria.AddCondition(ScoreEventColumns.Kind, ConditionOperator.Equal, ScoreEventKindValues.Decay);
            first.Criteria.AddCondition(ScoreEventColumns.OccurredOn, ConditionOperator.GreaterThan, lastEngagement);
            first.AddOrder(ScoreEventColumns.OccurredOn, OrderType.Ascending);
            first.AddOrder("createdon", OrderType.Ascending);
            var firstId = s.Org.Service.RetrieveMultiple(first).Entities.Single().Id;
            return runs.Count(row => row.Id == firstId);
        }

        // 50 quiet days with decay after 30 and every 7: debits on days 30, 37, 44, written by one catch-up run.
        s.Advance(50);
        s.Call(CustomApi.ApplyScoreDecay, null, s.Admin);
        Assert.True(fired.Count >= 3, "expected several decay debits");
        Assert.Equal(1, Starts());

        // A later nightly run that writes one more debit of the same quiet period starts nothing.
        s.Advance(7);
        s.Call(CustomApi.ApplyScoreDecay, null, s.Admin);
        Assert.Equal(0, Starts());

        // New engagement, then another quiet period: one more re-engagement.
        s.Download(lead);
        s.Advance(40);
        s.Call(CustomApi.ApplyScoreDecay, null, s.Admin);
        Assert.Equal(1, Starts());
    }
}

/// <summary>Records the post image of every row a flow trigger would see, per subscription (its unsecure configuration).</summary>
public sealed class TriggerRecorder : IPlugin
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<Entity>> Fired = new();

    private readonly string key;

    public TriggerRecorder(string? unsecure, string? secure)
    {
        key = unsecure ?? "";
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var row = context.PostEntityImages.TryGetValue("PostImage", out var image) ? image : (Entity)context.InputParameters["Target"];
        Fired.GetOrAdd(key, _ => new ConcurrentQueue<Entity>()).Enqueue(row);
    }
}
