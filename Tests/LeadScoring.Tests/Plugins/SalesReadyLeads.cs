using System;
using LeadScoring.Engine;

namespace LeadScoring.Tests.Plugins;

/// <summary>The lead most stories start from.</summary>
internal static class SalesReadyLeads
{
    /// <summary>A director who downloaded three whitepapers under the sample model: Marketing Qualified.</summary>
    public static Guid SalesReadyLead(this ScoringOrganization org)
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);
        org.Download(lead);
        org.Download(lead);
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));
        return lead;
    }
}
