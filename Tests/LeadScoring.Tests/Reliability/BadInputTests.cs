using System;
using System.Linq;
using System.ServiceModel;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Tests.Plugins;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Reliability;

/// <summary>Bad input through the plug-in steps and Custom APIs: a clear error that names what is wrong, or a traced skip; never a partial write.</summary>
public class BadInputTests
{
    private readonly ScoringOrganization org = new();

    [Theory]
    [InlineData(CustomApi.HandBackLead, "Reason", "   ", "Reason is required to hand a lead back")]
    [InlineData(CustomApi.HandBackLead, "Reason", "LONG", "may be at most 500 characters; got 600")]
    [InlineData(CustomApi.AdjustLeadScore, "Points", int.MaxValue, "must be between -10000 and 10000 and not 0; got 2147483647")]
    [InlineData(CustomApi.AdjustLeadScore, "Points", 0, "must be between -10000 and 10000 and not 0; got 0")]
    [InlineData(CustomApi.AdjustLeadScore, "Points", int.MinValue, "must be between -10000 and 10000 and not 0; got -2147483648")]
    [InlineData(CustomApi.AdjustLeadScore, "Reason", "LONG", "may be at most 500 characters; got 600")]
    [InlineData(CustomApi.ApplyScoreDecay, "AsOf", "TOMORROW", "is in the future; decay runs as of now or an earlier moment")]
    [InlineData(CustomApi.AdjustLeadScore, "Reason", "", "Reason is required to adjust a score and may be at most 500 characters; got 0")]
    [InlineData(CustomApi.ExplainLeadScore, "Top", 0, "Top must be between 1 and 50; got 0")]
    [InlineData(CustomApi.ApplyScoreDecay, "PageSize", 5000, "PageSize must be between 1 and 1000; got 5000")]
    [InlineData(CustomApi.ApplyScoreDecay, "Continuation", "not-a-lead-id", "Continuation must be the value a previous call returned (a lead id); got 'not-a-lead-id'")]
    public void A_Custom_API_refuses_bad_input_with_a_message_that_names_it_and_writes_nothing(string api, string parameter, object value, string expected)
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        var before = Snapshot(lead);
        var parameters = (api switch
        {
            CustomApi.HandBackLead => new[] { (CustomApi.Reason, (object?)"Budget") },
            CustomApi.AdjustLeadScore => new[] { (CustomApi.Points, (object?)5), (CustomApi.Reason, "Trade show") },
            _ => Array.Empty<(string, object?)>(),
        }).Where(p => p.Item1 != parameter).Append((parameter, value switch { "LONG" => new string('x', 600), "TOMORROW" => org.Org.Clock.UtcNow.AddDays(1), _ => value })).ToArray();

        var error = Assert.ThrowsAny<Exception>(() => org.Call(api, api == CustomApi.ApplyScoreDecay ? null : lead, org.Admin, parameters));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(lead));
    }

    [Fact]
    public void A_Custom_API_bound_to_a_lead_refuses_another_table()
    {
        var account = org.Create("account", ("name", "Contoso"));
        var request = new OrganizationRequest(CustomApi.RecalculateLeadScore) { [CustomApi.Target] = new EntityReference("account", account) };

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.As(org.SalesRep).Execute(request));

        Assert.Contains("lead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_regarding_a_deleted_lead_is_skipped_with_a_trace()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.As(org.SalesRep).Create(new Entity(EmailColumns.Table) { ["subject"] = "Hi", [EmailColumns.DirectionCode] = true, [EmailColumns.StatusCode] = new OptionSetValue(3), [EmailColumns.RegardingObjectId] = new EntityReference(LeadColumns.Table, lead) });
        org.Org.Service.Delete(LeadColumns.Table, lead);

        org.Org.DrainAsyncQueue();

        Assert.All(org.Org.SystemJobs, j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
        Assert.Contains(org.Org.Executions.SelectMany(e => e.Traces), t => t.Contains("no longer exists", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interaction_without_a_lead_is_ignored_without_error()
    {
        org.Create(InteractionColumns.Table, (InteractionColumns.Name, "Anonymous visit"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)));

        Assert.All(org.Org.SystemJobs, j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
        Assert.Empty(org.Org.GetRows(ScoreEventColumns.Table));
    }

    [Theory]
    [InlineData("Директор по продажам — director 🚀")]
    [InlineData("")]
    [InlineData("HUGE")]
    public void Unusual_text_in_a_scored_column_is_scored_like_any_other(string title)
    {
        var jobTitle = title == "HUGE" ? new string('a', 100_000) + " director" : title;

        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", jobTitle));

        Assert.Equal(jobTitle.Contains("director", StringComparison.OrdinalIgnoreCase) ? 20 : 0, org.Score(lead));
        Assert.All(org.Org.SystemJobs, j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
    }

    [Fact]
    public void An_unknown_choice_value_matches_no_rule()
    {
        var lead = org.CreateLead(("lastname", "Doe"));

        org.Create(InteractionColumns.Table, (InteractionColumns.Type, new OptionSetValue(999)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));

        Assert.Equal(0, org.Score(lead));
    }

    [Theory]
    [InlineData("[1,2", "A list of values must end with ']'")]
    [InlineData("[\"open]", "A quoted value is not closed")]
    public void A_malformed_condition_value_is_refused_on_save(string value, string expected)
    {
        var draft = org.CreateDraft(Engine.SampleModels.Default with { Version = 2 });
        var rule = org.Org.GetRows(ScoringRuleColumns.Table).First(r => r.GetAttributeValue<EntityReference>(ScoringRuleColumns.ScoringModelId).Id == draft);

        var error = Assert.ThrowsAny<Exception>(() => org.As(org.Admin).Create(new Entity(ScoringConditionColumns.Table)
        {
            [ScoringConditionColumns.ScoringRuleId] = new EntityReference(ScoringRuleColumns.Table, rule.Id),
            [ScoringConditionColumns.Attribute] = "industrycode",
            [ScoringConditionColumns.Operator] = new OptionSetValue(ConditionOperatorValues.In),
            [ScoringConditionColumns.Value] = value,
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScoringModelColumns.FitBands, "60,abc")]
    [InlineData(ScoringModelColumns.EngagementBands, "80;2147483648")]
    public void Grade_bands_that_are_not_whole_numbers_are_refused_on_save_not_on_activation(string column, string bands)
    {
        var draft = org.CreateDraft(Engine.SampleModels.Default with { Version = 2 });

        var error = Assert.ThrowsAny<Exception>(() => org.As(org.Admin).Update(new Entity(ScoringModelColumns.Table, draft) { [column] = bands }));

        Assert.Contains(column + ": '" + bands + "' is not allowed; give whole numbers", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bands, org.Org.GetRows(ScoringModelColumns.Table).Single(m => m.Id == draft).GetAttributeValue<string>(column) ?? "", StringComparison.Ordinal);
    }

    private string Snapshot(Guid lead)
    {
        var row = org.Lead(lead);
        return string.Join(",", row.Attributes.Where(a => a.Key.StartsWith("ls_", StringComparison.Ordinal)).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + PlainValues.From(a.Value))) + " events=" + org.Events(lead).Count;
    }
}
