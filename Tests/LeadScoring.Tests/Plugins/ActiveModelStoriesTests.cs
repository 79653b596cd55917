using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using LeadScoring.Tests.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>What scoring does without an active model, and with two.</summary>
public class ActiveModelStoriesTests
{
    [Fact]
    public void Activity_while_no_model_is_active_is_kept_and_scored_when_a_model_is_activated()
    {
        var without = new ScoringOrganization(activate: false);
        var with = new ScoringOrganization(SampleModels.Default);
        var leads = new[] { History(without), History(with) };

        Assert.Empty(without.Events(leads[0]));
        Assert.Contains(without.Org.Executions.SelectMany(e => e.Traces), t => t.Contains("No active scoring model: nothing scored; the activity is kept and scored when a model is activated.", StringComparison.Ordinal));
        without.CreateAndActivate(SampleModels.Default);

        var late = without.Lead(leads[0]);
        var live = with.Lead(leads[1]);
        Assert.Equal(live.GetAttributeValue<int?>(LeadColumns.EngagementScore), late.GetAttributeValue<int?>(LeadColumns.EngagementScore));
        Assert.Equal(live.GetAttributeValue<int?>(LeadColumns.FitScore), late.GetAttributeValue<int?>(LeadColumns.FitScore));
        Assert.Equal(with.Score(leads[1]), without.Score(leads[0]));
        Assert.Equal(with.Stage(leads[1]), without.Stage(leads[0]));
        Assert.Equal(80, without.Score(leads[0])); // 20 fit (Director) + 2 downloads; two unanswered emails take nothing yet
        Assert.Equal(without.SumOfEvents(leads[0]), without.Score(leads[0]));
    }

    [Fact]
    public void With_two_active_models_the_most_recently_activated_scores_and_every_job_names_both()
    {
        var org = new ScoringOrganization(SampleModels.Default);
        var shadow = ModelRows.ModelRow(SampleModels.Default with { Name = "Shadow", Rules = [] });
        shadow[ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Active);
        shadow[ScoringModelColumns.ActivatedOn] = org.Org.Clock.UtcNow.AddMinutes(1); // a direct data edit, past the activation step
        var shadowId = org.Org.Seed(shadow);
        org.Advance(1); // past the model cache

        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);

        Assert.All(org.Org.SystemJobs, j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
        Assert.Equal(shadowId, org.Lead(lead).GetAttributeValue<EntityReference>(LeadColumns.ScoringModelId)?.Id);
        Assert.Equal(0, org.Score(lead)); // Shadow has no rules
        Assert.Contains(org.Org.Executions.SelectMany(e => e.Traces), t => t.Contains("Two scoring models are Active: 'Shadow'", StringComparison.Ordinal) && t.Contains("'Default'", StringComparison.Ordinal));
    }

    /// <summary>A Director downloads two whitepapers and gets two emails over four days.</summary>
    private static Guid History(ScoringOrganization org)
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);
        org.Advance(1);
        org.SendEmail(lead);
        org.Advance(1);
        org.Download(lead);
        org.Advance(1);
        org.SendEmail(lead);
        org.Advance(1);
        return lead;
    }
}
