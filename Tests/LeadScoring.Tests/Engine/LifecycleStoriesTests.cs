using LeadScoring.Engine;
using static LeadScoring.Tests.Engine.LeadTimeline;

namespace LeadScoring.Tests.Engine;

/// <summary>The stage follows the lead's own status in Dynamics 365: Disqualify, Qualify and Reactivate.</summary>
public class LifecycleStoriesTests
{
    [Fact]
    public void A_disqualified_lead_is_Disqualified_and_is_never_marked_Marketing_Qualified_later()
    {
        var lead = new LeadTimeline();
        lead.SetColumns(Start, ("jobtitle", "Director"));
        lead.Download("wp-1", Start);
        Assert.Equal(LifecycleStage.Engaged, lead.State.Stage);

        lead.SetStatus(LeadStatus.Disqualified, Start.AddDays(1));
        Assert.Equal(LifecycleStage.Disqualified, lead.State.Stage);

        lead.Download("wp-2", Start.AddDays(2));
        lead.Download("wp-3", Start.AddDays(3)); // 20 + 90 = 110: sales-ready by the numbers
        Assert.Equal(110, lead.Score);
        Assert.Equal(LifecycleStage.Disqualified, lead.State.Stage);
        Assert.Null(lead.State.SalesReadyOn);
    }

    [Fact]
    public void A_closed_lead_is_not_decayed_and_has_no_decay_scheduled()
    {
        var lead = new LeadTimeline();
        lead.Download("wp-1", Start);
        Assert.Equal(Start.AddDays(30), lead.State.NextChangeOn);

        lead.SetStatus(LeadStatus.Disqualified, Start.AddDays(1));

        Assert.Null(lead.State.NextChangeOn);
        Assert.Empty(lead.Decay(Start.AddDays(90)).NewEvents);
        Assert.Equal(30, lead.Score);
    }

    [Fact]
    public void A_qualified_lead_left_marketing_it_is_Sales_Accepted_and_keeps_when_it_became_sales_ready()
    {
        var lead = SalesReadyLead();
        var salesReadyOn = lead.State.SalesReadyOn;

        lead.SetStatus(LeadStatus.Qualified, Start.AddDays(1));

        Assert.Equal(LifecycleStage.SalesAccepted, lead.State.Stage);
        Assert.Equal(salesReadyOn, lead.State.SalesReadyOn);
        lead.Download("wp-4", Start.AddDays(2));
        Assert.Equal(LifecycleStage.SalesAccepted, lead.State.Stage);
    }

    [Fact]
    public void Reactivating_a_lead_recomputes_its_stage_from_its_score()
    {
        var ready = SalesReadyLead();
        ready.SetStatus(LeadStatus.Disqualified, Start.AddDays(1));
        ready.SetStatus(LeadStatus.Open, Start.AddDays(2));
        Assert.Equal(LifecycleStage.MarketingQualified, ready.State.Stage);
        Assert.Equal(Start.AddDays(2), ready.State.SalesReadyOn);

        var engaged = new LeadTimeline();
        engaged.Download("wp-1", Start);
        engaged.SetStatus(LeadStatus.Qualified, Start.AddDays(1));
        Assert.Equal(LifecycleStage.SalesAccepted, engaged.State.Stage);
        engaged.SetStatus(LeadStatus.Open, Start.AddDays(2));
        Assert.Equal(LifecycleStage.Engaged, engaged.State.Stage);
    }

    private static LeadTimeline SalesReadyLead()
    {
        var lead = new LeadTimeline();
        lead.SetColumns(Start, ("jobtitle", "Director"));
        lead.Download("wp-1", Start);
        lead.Download("wp-2", Start);
        lead.Download("wp-3", Start);
        Assert.Equal(LifecycleStage.MarketingQualified, lead.State.Stage);
        return lead;
    }
}
