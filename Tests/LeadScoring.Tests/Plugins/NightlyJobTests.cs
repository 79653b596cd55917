using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// The nightly job (ls_ApplyScoreDecay) through the emulator: it reads only open leads whose next
/// scoring change (a decay debit or an expiry) is due, so expired points leave on schedule and
/// leads with nothing due are not read. The lead's own status sets its stage.
/// </summary>
public class NightlyJobTests
{
    private static readonly ScoringRule Webinar = new() { Id = "webinar", Name = "Webinar attended", Category = Category.Engagement, Table = InteractionColumns.Table, Conditions = [new Condition(InteractionColumns.Type, ConditionOperator.EqualsTo, [InteractionTypeValues.WebinarAttended])], Points = 25, Limit = new RuleLimit(LimitType.PerRecord), ExpiresAfterDays = 10 };

    private readonly ScoringOrganization org = new(Engine.SampleModels.With(Webinar));
    private readonly ITestOutputHelper output;

    public NightlyJobTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void A_nightly_run_reads_the_leads_due_that_night_not_every_inactive_lead()
    {
        // 70 leads, one engaging each day (30 points); the nightly job runs every night from day 30 on.
        var start = org.Org.Clock.UtcNow;
        var leads = Enumerable.Range(0, 70).Select(i =>
        {
            org.Org.Clock.Set(start.AddDays(i));
            return Downloaded();
        }).ToList();
        for (var night = 30; night <= 100; night++)
        {
            Nightly(start.AddDays(night));
        }

        var asOf = start.AddDays(101);
        var inactiveAboveFloor = leads.Select(org.Lead).Count(l => l.GetAttributeValue<int>(LeadColumns.EngagementScore) > 0 && l.GetAttributeValue<DateTime>(LeadColumns.LastEngagementOn) <= asOf.AddDays(-30));
        var read = Nightly(asOf);
        output.WriteLine("night 101: {0} leads read and debited; {1} inactive leads above the decay floor (what the page query read before), {2} skipped", read, inactiveAboveFloor, inactiveAboveFloor - read);

        Assert.Equal(5, read); // inactive 37, 44, 51, 58 and 65 days: a debit falls due tonight
        Assert.Equal(34, inactiveAboveFloor); // inactive 32 to 65 days with points left
        Assert.All(leads, l => Assert.Equal(org.SumOfEvents(l), org.Score(l)));
    }

    [Fact]
    public void Expired_points_leave_on_schedule_and_leads_with_nothing_due_are_not_read()
    {
        var start = org.Org.Clock.UtcNow;
        var a = Downloaded();
        var b = Downloaded();
        var c = org.CreateLead(("lastname", "Webinar"));
        org.Create(InteractionColumns.Table, (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.WebinarAttended)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, c)));
        var closed = Downloaded();
        org.Update(LeadColumns.Table, closed, (LeadColumns.StateCode, new OptionSetValue(2)), (LeadColumns.StatusCode, new OptionSetValue(4)));
        Assert.Equal(LifecycleStage.Disqualified, org.Stage(closed));
        Assert.Equal(start.AddDays(10), org.Lead(c).GetAttributeValue<DateTime?>(LeadColumns.NextScoreChangeOn));

        Assert.Equal(1, Nightly(start.AddDays(12))); // only the webinar's points are due: they expire though no decay is due
        Assert.Equal(0, org.Score(c));
        Assert.Equal(2, Nightly(start.AddDays(31))); // the first decay debit of a and b; the closed lead is not decayed
        Assert.Equal((25, 25, 30), (org.Score(a), org.Score(b), org.Score(closed)));
        Assert.Equal(0, Nightly(start.AddDays(33))); // a and b are inactive, but their next debit is on day 37: not read
        Assert.Equal(2, Nightly(start.AddDays(37)));
        Assert.Equal(org.SumOfEvents(a), org.Score(a));
    }

    [Fact]
    public void Disqualify_and_reactivate_through_the_lead_status()
    {
        var lead = org.CreateLead(("lastname", "Major"), ("jobtitle", "Director of IT"));
        for (var i = 0; i < 3; i++)
        {
            org.Download(lead);
        }

        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));

        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(2)), (LeadColumns.StatusCode, new OptionSetValue(4)));
        Assert.Equal(LifecycleStage.Disqualified, org.Stage(lead));
        Assert.NotNull(org.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn)); // when it became sales-ready stays as history

        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(0)), (LeadColumns.StatusCode, new OptionSetValue(1)));
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));
    }

    private Guid Downloaded()
    {
        var lead = org.CreateLead(("lastname", "Lead"));
        org.Download(lead);
        return lead;
    }

    /// <summary>The nightly flow: ls_ApplyScoreDecay page after page; the number of leads it read.</summary>
    private int Nightly(DateTime asOf)
    {
        var read = 0;
        var continuation = "";
        if (org.Org.Clock.UtcNow < asOf)
        {
            org.Org.Clock.Set(asOf); // decay runs as of now or earlier, never ahead of the org's clock
        }

        do
        {
            var page = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, asOf), (CustomApi.PageSize, 250), (CustomApi.Continuation, continuation));
            read += (int)page[CustomApi.LeadsProcessed]!;
            continuation = (string?)page[CustomApi.Continuation] ?? "";
        }
        while (continuation.Length > 0);
        return read;
    }
}
