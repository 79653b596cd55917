using System;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>Steps many stories share.</summary>
internal static class StorySteps
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

    /// <summary>The lead attends a webinar (an ls_interaction of type Webinar attendance).</summary>
    public static void AttendWebinar(this ScoringOrganization org, Guid lead) =>
        org.Create(InteractionColumns.Table, (InteractionColumns.Name, "Webinar"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.WebinarAttended)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));
}
