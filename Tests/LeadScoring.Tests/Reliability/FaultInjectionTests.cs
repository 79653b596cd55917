using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Tests.Plugins;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Reliability;

/// <summary>
/// A service call failing at each point of each scoring step leaves no partial state that a retry
/// cannot mend: after the platform delivers the job again, the lead and its ledger are exactly
/// what an uninterrupted run gives.
/// </summary>
public class FaultInjectionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>0x80040216, the platform's generic "An unexpected error occurred".</summary>
    private const int UnexpectedError = -2147220970;

    public static TheoryData<string> Scenarios => new() { "download", "sent email completing a streak", "lead fit change", "hand-back", "decay page", "adjustment" };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_failure_at_any_service_call_then_a_retry_ends_like_an_uninterrupted_run(string scenario)
    {
        var expected = Run(scenario, failAt: null, out var calls);
        Assert.True(calls > 1, scenario + " made " + calls + " calls");

        for (var failAt = 1; failAt <= calls; failAt++)
        {
            var actual = Run(scenario, failAt, out _);
            Assert.True(expected == actual, scenario + ", call " + failAt + " of " + calls + " failed:\nexpected " + expected + "\nactual   " + actual);
        }

        output.WriteLine(scenario + ": " + calls + " faults injected, each survived");
    }

    /// <summary>Plays the scenario; the failAt-th service call of its last act fails once, and the act is retried.</summary>
    private static string Run(string scenario, int? failAt, out int callsOfLastAct)
    {
        var org = new ScoringOrganization();
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);
        org.Download(lead);
        org.Download(lead);
        for (var i = 0; i < 3; i++)
        {
            org.SendEmail(lead);
        }

        org.Advance(1);
        var before = org.Org.TotalCalls;
        var counted = 0;
        FaultRule? fault = null;
        if (failAt.HasValue)
        {
            fault = org.Org.FailCalls(call => call.Depth >= 1 && ++counted == failAt.Value, Faults.Create(UnexpectedError, "Injected: an unexpected error occurred."), times: 1);
        }

        Act(org, scenario, lead, retry: failAt.HasValue);
        Assert.True(fault == null || fault.Fired == 1, "the injected fault did not fire");
        callsOfLastAct = (int)(org.Org.TotalCalls - before);
        return Describe(org, lead);
    }

    private static void Act(ScoringOrganization org, string scenario, Guid lead, bool retry)
    {
        Action act = scenario switch
        {
            "download" => () => Queue(org, new Entity(InteractionColumns.Table) { [InteractionColumns.Type] = new OptionSetValue(InteractionTypeValues.AssetDownload), [InteractionColumns.LeadId] = new EntityReference(LeadColumns.Table, lead) }),
            "sent email completing a streak" => () => Queue(org, new Entity(EmailColumns.Table) { ["subject"] = "4th", [EmailColumns.DirectionCode] = true, [EmailColumns.StatusCode] = new OptionSetValue(EmailColumns.StatusSent), [EmailColumns.RegardingObjectId] = new EntityReference(LeadColumns.Table, lead) }),
            "lead fit change" => () => UpdateLead(org, lead),
            "hand-back" => () => org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget")),
            "decay page" => () =>
            {
                org.Org.Clock.Set(ScoringOrganization.Start.AddDays(45)); // decay runs as of now, never ahead
                org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, ScoringOrganization.Start.AddDays(45)));
            }
            ,
            "adjustment" => () => AdjustOnce(org, lead),
            _ => throw new ArgumentException(scenario),
        };
        try
        {
            act();
        }
        catch (Exception) when (retry)
        {
            // A synchronous call failed and rolled back: the caller (a person or a flow) tries again.
            act();
        }

        // An asynchronous job that failed is delivered again, as the platform retries it.
        org.Org.DrainAsyncQueue();
        foreach (var job in org.Org.SystemJobs.Where(j => j.Status == SystemJobStatus.Failed).ToList())
        {
            org.Org.RedeliverJob(job);
        }

        org.Org.DrainAsyncQueue();
    }

    private static void Queue(ScoringOrganization org, Entity row) => org.As(org.Writer(row.LogicalName)).Create(row);

    private static void UpdateLead(ScoringOrganization org, Guid lead) => org.As(org.SalesRep).Update(new Entity(LeadColumns.Table, lead) { ["jobtitle"] = "Intern" });

    private static readonly Guid AdjustmentRequest = new("5d4c3b2a-1908-4f7e-8d6c-5b4a39281706");

    private static void AdjustOnce(ScoringOrganization org, Guid lead)
    {
        // The same request id on the retry, as a client retrying its request sends it.
        var request = new OrganizationRequest(CustomApi.AdjustLeadScore) { RequestId = AdjustmentRequest };
        request[CustomApi.Target] = new EntityReference(LeadColumns.Table, lead);
        request[CustomApi.Points] = 10;
        request[CustomApi.Reason] = "Trade show";
        org.As(org.Admin).Execute(request); // adjusting is the Lead Scoring Admin's (ls_AdjustLeadScore needs prvCreatels_scoreevent)
    }

    private static string Describe(ScoringOrganization org, Guid lead)
    {
        var row = org.Lead(lead);
        var events = org.Events(lead).Select(e => e.GetAttributeValue<string>(ScoreEventColumns.IdempotencyKey).Split('|', 2)[1] + "=" + e.GetAttributeValue<int>(ScoreEventColumns.Points)).OrderBy(k => k, StringComparer.Ordinal);
        var columns = new List<string>();
        foreach (var column in new[] { LeadColumns.Score, LeadColumns.FitScore, LeadColumns.EngagementScore, LeadColumns.Grade, LeadColumns.HandBackCount, LeadColumns.UnansweredEmailIds })
        {
            columns.Add(column + "=" + (row.Contains(column) ? Convert.ToString(row[column], System.Globalization.CultureInfo.InvariantCulture) : ""));
        }

        columns.Add("stage=" + row.GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage)?.Value);
        return string.Join(" ", columns) + " | " + string.Join(" ", events);
    }
}
