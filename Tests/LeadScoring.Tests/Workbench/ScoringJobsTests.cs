using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Tests.Plugins;
using LeadScoring.Workbench.Connection;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Workbench;

/// <summary>
/// The batch jobs the workbench runs against an org (recalculate, decay), run against the emulator
/// with service protection faults injected: they wait as the platform asks, back off, and resume.
/// Learn: https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
/// </summary>
public sealed class ScoringJobsTests
{
    private readonly ScoringOrganization _org = new();
    private readonly List<TimeSpan> _waits = new();

    public ScoringJobsTests()
    {
        Leads = Enumerable.Range(0, 7).Select(i => _org.CreateLead(("lastname", "Lead " + i), ("jobtitle", "Director"))).ToList();
        Leads.ForEach(l => _org.Download(l));
    }

    private List<Guid> Leads { get; }

    [Fact]
    public void A_throttled_request_is_sent_again_after_the_Retry_After_the_fault_carries()
    {
        _org.Org.FailCalls(call => call.MessageName == CustomApi.RecalculateLeadScore, Throttled(ServiceProtection.RequestsExceeded, TimeSpan.FromSeconds(7)), times: 2);
        var service = Retrying();

        int done = ScoringJobs.Recalculate(service, Guid.Empty, pageSize: 3);

        Assert.Equal(7, done);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) }, _waits);
        Assert.Equal(2, service.Retries);
        Assert.Equal(7 + 2, _org.Org.CallCounts[CustomApi.RecalculateLeadScore]);
    }

    [Fact]
    public void Without_Retry_After_the_waits_double()
    {
        _org.Org.FailCalls(call => call.MessageName == "RetrieveMultiple" && call.Depth == 1, Throttled(ServiceProtection.ConcurrentRequestsExceeded, null), times: 3);

        ScoringJobs.Recalculate(Retrying(), Guid.Empty, pageSize: 10);

        Assert.Equal(new[] { 1.0, 2.0, 4.0 }, _waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public void Other_faults_are_not_retried_and_a_stopped_run_resumes_after_the_last_lead_it_did()
    {
        var ordered = InIdOrder();
        var third = ordered[2];
        var broken = _org.Org.FailCalls(call => call.MessageName == CustomApi.RecalculateLeadScore && ((EntityReference)call.Request[CustomApi.Target]).Id == third,
            Faults.Create(unchecked((int)0x80040265), "A plug-in failed"));
        var service = Retrying();

        var stopped = Assert.Throws<JobStoppedException>(() => ScoringJobs.Recalculate(service, Guid.Empty, pageSize: 3));
        broken.Cancel();
        int rest = ScoringJobs.Recalculate(service, Guid.Parse(stopped.Resume), pageSize: 3);

        Assert.Equal((2, "A plug-in failed"), (stopped.Done, stopped.Message));
        Assert.Equal(ordered[1], Guid.Parse(stopped.Resume));
        Assert.Equal(5, rest);
        Assert.Empty(_waits);
    }

    [Fact]
    public void Throttling_that_outlasts_the_attempts_stops_the_run_with_the_point_to_resume_from()
    {
        _org.Org.FailCalls(call => call.MessageName == CustomApi.RecalculateLeadScore, Throttled(ServiceProtection.ExecutionTimeExceeded, TimeSpan.FromSeconds(30)), times: 4);
        var service = new RetryingOrganizationService(_org.As(_org.Admin), maxAttempts: 3, wait: _waits.Add);

        var stopped = Assert.Throws<JobStoppedException>(() => ScoringJobs.Recalculate(service, Guid.Empty, pageSize: 3));
        int rest = ScoringJobs.Recalculate(service, stopped.Resume.Length == 0 ? Guid.Empty : Guid.Parse(stopped.Resume), pageSize: 3);

        Assert.Equal((0, ""), (stopped.Done, stopped.Resume));
        Assert.Equal(7, rest);
        Assert.Equal(3, _waits.Count);
    }

    [Fact]
    public void Decay_pages_through_the_continuation_retries_throttling_and_resumes_from_the_continuation()
    {
        var asOf = ScoringOrganization.Start.AddDays(31);
        _org.Org.Clock.Set(asOf); // decay runs as of now or earlier, never ahead of the org's clock
        _org.Org.FailCalls(call => call.MessageName == CustomApi.ApplyScoreDecay, Throttled(ServiceProtection.RequestsExceeded, TimeSpan.FromSeconds(3)), times: 1);
        var second = _org.Org.FailCalls(call => call.MessageName == CustomApi.ApplyScoreDecay && (string?)call.Request[CustomApi.Continuation] != "",
            Faults.Create(unchecked((int)0x80040265), "Decay failed"), times: 1);
        var service = Retrying();

        var stopped = Assert.Throws<JobStoppedException>(() => ScoringJobs.Decay(service, asOf, pageSize: 3, continuation: ""));
        int rest = ScoringJobs.Decay(service, asOf, pageSize: 3, continuation: stopped.Resume);

        Assert.Equal(1, second.Fired);
        Assert.Equal(3, stopped.Done);
        Assert.Equal(4, rest);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, _waits);
        Assert.All(Leads, l => Assert.Equal(20 + 25, _org.Score(l)));
    }

    /// <summary>The leads in the order the org sorts their ids (SQL Server's uniqueidentifier order, not .NET's).</summary>
    private List<Guid> InIdOrder()
    {
        var query = new Microsoft.Xrm.Sdk.Query.QueryExpression(LeadColumns.Table) { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false) };
        query.AddOrder(LeadColumns.Id, Microsoft.Xrm.Sdk.Query.OrderType.Ascending);
        return _org.As(_org.Admin).RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();
    }

    private RetryingOrganizationService Retrying() => new(_org.As(_org.Admin), wait: _waits.Add);

    /// <summary>A service protection fault as the platform sends it: its code and, for two of the three limits, Retry-After in ErrorDetails.</summary>
    internal static Exception Throttled(int code, TimeSpan? retryAfter)
    {
        var fault = Faults.Create(code, "Number of requests exceeded the limit of 6000 over time window of 300 seconds.");
        if (retryAfter is TimeSpan wait)
        {
            fault.Detail.ErrorDetails = new ErrorDetailCollection { [ServiceProtection.RetryAfter] = wait };
        }

        return fault;
    }
}
