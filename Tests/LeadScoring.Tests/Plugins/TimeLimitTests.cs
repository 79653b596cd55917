using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using LeadScoring.Workbench.Connection;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// The two-minute limit on every execution, on the emulator's virtual execution clock (each service call
/// costs CallCost): the decay job checks its budget before every lead, and a page pushed past the limit
/// anyway is rolled back and resumed from its continuation, ending as an uninterrupted run would.
/// Learn: https://learn.microsoft.com/power-apps/developer/data-platform/analyze-performance
/// </summary>
public class TimeLimitTests
{
    private readonly ScoringOrganization org = new();

    private Guid[] DecayingLeads(int count)
    {
        var leads = Enumerable.Range(0, count).Select(i => org.CreateLead(("lastname", "Lead " + i))).ToArray();
        foreach (var lead in leads)
        {
            org.Download(lead);
        }

        return leads;
    }

    [Fact]
    public void A_decay_page_stops_at_its_budget_and_the_next_calls_finish_the_job_with_every_lead_debited_once()
    {
        var leads = DecayingLeads(12);
        org.Org.CallCost = TimeSpan.FromSeconds(4); // a lead due a debit costs 5 calls: 20 s
        var asOf = ScoringOrganization.Start.AddDays(31);
        org.Org.Clock.Set(asOf); // decay runs as of now or earlier, never ahead of the org's clock

        var first = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, asOf));
        var calls = 1;
        var continuation = (string)first[CustomApi.Continuation];
        while (continuation.Length > 0)
        {
            continuation = (string)org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, asOf), (CustomApi.Continuation, continuation))[CustomApi.Continuation];
            calls++;
        }

        Assert.InRange((int)first[CustomApi.LeadsProcessed], 2, 5); // the budget (90 s) stopped the page of 250 after a few leads
        Assert.True(calls >= 3);
        Assert.All(org.Org.Executions.Where(e => e.StepName == CustomApi.ApplyScoreDecay), e => Assert.True(e.ExecutionTime <= RunDecay.ExecutionLimit, e.ExecutionTime.ToString()));
        Assert.All(leads, l => Assert.Equal(25, org.Score(l)));
        Assert.All(leads, l => Assert.Equal(org.SumOfEvents(l), org.Score(l)));
    }

    [Fact]
    public void A_page_pushed_past_two_minutes_is_rolled_back_and_resumes_from_its_continuation()
    {
        var leads = DecayingLeads(6);
        var asOf = ScoringOrganization.Start.AddDays(31);
        org.Org.Clock.Set(asOf); // decay runs as of now or earlier, never ahead of the org's clock
        var slowLead = leads.OrderBy(l => l).ElementAt(3);

        // One lead's ledger read is stuck for 150 s: the execution passes the limit before its budget check can help.
        var stuck = true;
        org.Org.SlowCalls(call => stuck && call.MessageName == "RetrieveMultiple" && call.Table == ScoreEventColumns.Table && call.FromExecution?.StepName == CustomApi.ApplyScoreDecay
            && call.Request.Parameters["Query"] is Microsoft.Xrm.Sdk.Query.QueryExpression q && q.Criteria.Conditions.Any(c => c.Values.Contains(slowLead)), TimeSpan.FromSeconds(150));

        var stopped = Assert.Throws<JobStoppedException>(() => ScoringJobs.Decay(org.As(org.Admin), asOf, pageSize: 3, continuation: ""));
        Assert.IsType<TimeoutException>(stopped.InnerException);
        var debitedBeforeResume = leads.Count(l => org.Score(l) == 25);
        stuck = false;
        ScoringJobs.Decay(org.As(org.Admin), asOf, pageSize: 3, continuation: stopped.Resume);

        Assert.Equal(3, debitedBeforeResume); // the first page committed; the timed-out page wrote nothing
        Assert.Equal(3, stopped.Done);
        Assert.All(leads, l => Assert.Equal(25, org.Score(l)));
        Assert.All(leads, l => Assert.Equal(org.SumOfEvents(l), org.Score(l)));
        Assert.Equal(6, org.Org.GetRows(ScoreEventColumns.Table).Count(e => e.GetAttributeValue<Microsoft.Xrm.Sdk.OptionSetValue>(ScoreEventColumns.Kind).Value == ScoreEventKindValues.Decay));
    }
}
