using System.Linq;
using LeadScoring.Engine;
using static LeadScoring.Tests.Engine.LeadTimeline;

namespace LeadScoring.Tests.Engine;

/// <summary>
/// Points with expiresAfterDays leave on schedule: every scoring keeps "next scoring change due on"
/// (the earlier of the next decay debit and the next expiry), and the nightly job runs for a lead then.
/// </summary>
public class ExpiryStoriesTests
{
    private static readonly ScoringRule Webinar = SampleModels.Whitepaper with { Id = "webinar", Name = "Webinar", ExpiresAfterDays = 10 };

    [Fact]
    public void Without_decay_the_expiry_is_the_next_change_and_the_points_leave_on_that_day()
    {
        var lead = new LeadTimeline(SampleModels.Default with { Decay = null, Rules = [SampleModels.Director, Webinar] });
        lead.SetColumns(Start, ("jobtitle", "Director"));
        lead.Download("w-1", Start);
        lead.Download("w-2", Start.AddDays(1));
        lead.Download("w-3", Start.AddDays(2));
        Assert.Equal(LifecycleStage.MarketingQualified, lead.State.Stage);
        Assert.Equal(Start.AddDays(10), lead.State.NextChangeOn);

        lead.Decay(lead.State.NextChangeOn!.Value); // the nightly job, on the day it is due

        Assert.Equal(80, lead.Score);
        Assert.Equal(LifecycleStage.Engaged, lead.State.Stage); // no longer sales-ready on expired points
        Assert.Equal(Start.AddDays(11), lead.State.NextChangeOn);
        lead.Decay(Start.AddDays(12));
        Assert.Equal(20, lead.Score);
        Assert.Null(lead.State.NextChangeOn);
    }

    [Fact]
    public void With_decay_the_earlier_of_expiry_and_the_next_debit_is_due()
    {
        var lead = new LeadTimeline(SampleModels.Default with { Rules = [Webinar, SampleModels.Whitepaper with { Limit = RuleLimit.None }] });
        lead.Download("w-1", Start); // webinar 30 (expires day 10) and whitepaper 30 (decays from day 30)
        Assert.Equal(60, lead.Score);
        Assert.Equal(Start.AddDays(10), lead.State.NextChangeOn);

        Assert.Empty(lead.Decay(Start.AddDays(9)).NewEvents); // nothing is due before the date
        lead.Decay(Start.AddDays(10));
        Assert.Equal(30, lead.Score);
        Assert.Equal(Start.AddDays(30), lead.State.NextChangeOn); // now the first decay debit

        lead.Decay(Start.AddDays(30));
        Assert.Equal(25, lead.Score);
        Assert.Equal(Start.AddDays(37), lead.State.NextChangeOn);
        Assert.Equal(new[] { ScoreEventKind.Expiry, ScoreEventKind.Decay }, lead.Ledger.Skip(2).Select(e => e.Kind));
    }
}
