using System;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

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
        Assert.Null(org.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn));

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
