using System;
using System.Linq;
using LeadScoring.Dataverse;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// ls_RecordInteraction as webhooks, webinar platforms and flows call it: recorded once per source and
/// external id, matched to the open lead with the address, held until that lead appears (or a lead
/// created for it), and scored by the registered ls_interaction steps.
/// </summary>
public class RecordInteractionTests
{
    private readonly ScoringOrganization org = new();

    private OrganizationResponse Record(params (string Name, object? Value)[] parameters)
    {
        // The defaults, overridden by the parameters given (the last wins); a null leaves the parameter out.
        var all = new (string Name, object? Value)[]
        {
            (CustomApi.Type, "Asset download"),
            (CustomApi.Source, "webinar-platform"),
            (CustomApi.ExternalId, "evt-1"),
            (CustomApi.Name, "Pricing whitepaper"),
        }.Concat(parameters).GroupBy(p => p.Name).Select(g => g.Last()).Where(p => p.Value != null).ToArray();
        return org.Call(CustomApi.RecordInteraction, null, org.Integration, all);
    }

    private Entity[] Interactions() => org.Org.GetRows(InteractionColumns.Table).ToArray();

    [Fact]
    public void A_webhook_retried_three_times_records_one_interaction_and_scores_once()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("emailaddress1", "jane.doe@contoso.com"));

        var responses = Enumerable.Range(0, 3).Select(_ => Record((CustomApi.EmailAddress, "jane.doe@contoso.com"))).ToList();

        Assert.Equal(new[] { true, false, false }, responses.Select(r => (bool)r[CustomApi.Created]));
        Assert.Single(responses.Select(r => (Guid)r[CustomApi.InteractionId]).Distinct());
        Assert.All(responses, r => Assert.Equal(lead, (Guid)r[CustomApi.LeadId]));
        Assert.Single(Interactions());
        Assert.Single(org.Events(lead));
        Assert.Equal(30, org.Score(lead));
    }

    [Fact]
    public void An_address_no_lead_has_waits_then_attaches_and_scores_when_the_lead_is_created()
    {
        var occurredOn = ScoringOrganization.Start.AddDays(-3);
        var response = Record((CustomApi.EmailAddress, "Sam.Lee@Fabrikam.com "), (CustomApi.OccurredOn, occurredOn));

        Assert.True((bool)response[CustomApi.Created]);
        Assert.Equal(Guid.Empty, (Guid)response[CustomApi.LeadId]);
        Assert.False((bool)response[CustomApi.LeadCreated]);
        var waiting = Assert.Single(Interactions());
        Assert.Null(waiting.GetAttributeValue<EntityReference>(InteractionColumns.LeadId));
        Assert.Equal("sam.lee@fabrikam.com", waiting.GetAttributeValue<string>(InteractionColumns.EmailAddress));
        Assert.Equal(0, org.Org.RowCount(ScoreEventColumns.Table));

        org.Advance(2);
        var lead = org.CreateLead(("lastname", "Lee"), ("emailaddress2", "sam.lee@fabrikam.com"));

        Assert.Equal(lead, Assert.Single(Interactions()).GetAttributeValue<EntityReference>(InteractionColumns.LeadId).Id);
        var scored = Assert.Single(org.Events(lead));
        Assert.Equal(30, scored.GetAttributeValue<int>(ScoreEventColumns.Points));
        Assert.Equal(occurredOn, scored.GetAttributeValue<DateTime>(ScoreEventColumns.OccurredOn));
        Assert.Equal(30, org.Score(lead));

        // Recorded again later (a retry of the same webhook): nothing new, and the lead it now has.
        var again = Record((CustomApi.EmailAddress, "sam.lee@fabrikam.com"));
        Assert.False((bool)again[CustomApi.Created]);
        Assert.Equal(lead, (Guid)again[CustomApi.LeadId]);
        Assert.Single(org.Events(lead));
    }

    [Fact]
    public void An_address_changed_on_an_existing_lead_attaches_what_waited_for_it()
    {
        var lead = org.CreateLead(("lastname", "Lee"), ("emailaddress1", "old@fabrikam.com"));
        Record((CustomApi.EmailAddress, "new@fabrikam.com"));
        Assert.Equal(0, org.Score(lead));

        org.Update(LeadColumns.Table, lead, ("emailaddress1", "new@fabrikam.com"));

        Assert.Equal(30, org.Score(lead));
    }

    [Fact]
    public void When_set_to_create_leads_an_unknown_address_becomes_a_lead_with_the_source_as_lead_source()
    {
        org.SetEnvironmentVariable(EnvironmentVariableNames.UnmatchedInteractions, EnvironmentVariableNames.CreateLead);

        var response = Record((CustomApi.EmailAddress, "new.person@litware.com"), (CustomApi.Source, "Web"));

        Assert.True((bool)response[CustomApi.LeadCreated]);
        var lead = org.Lead((Guid)response[CustomApi.LeadId]);
        Assert.Equal("new.person@litware.com", lead.GetAttributeValue<string>("emailaddress1"));
        Assert.Equal("new.person", lead.GetAttributeValue<string>(LeadColumns.LastName));
        Assert.Equal(8, lead.GetAttributeValue<OptionSetValue>(LeadColumns.LeadSource).Value); // Web
        Assert.Equal(30, org.Score(lead.Id));

        var other = Record((CustomApi.EmailAddress, "someone@litware.com"), (CustomApi.ExternalId, "evt-2"), (CustomApi.Source, "partner-portal"));
        Assert.Equal(LeadSourceValues.Other, org.Lead((Guid)other[CustomApi.LeadId]).GetAttributeValue<OptionSetValue>(LeadColumns.LeadSource).Value);
    }

    [Fact]
    public void Only_an_open_lead_matches_and_a_lead_id_wins_over_an_address()
    {
        var qualified = org.CreateLead(("lastname", "Closed"), ("emailaddress1", "pat@contoso.com"));
        org.Update(LeadColumns.Table, qualified, (LeadColumns.StateCode, new OptionSetValue(1)));
        var open = org.CreateLead(("lastname", "Open"), ("emailaddress3", "PAT@contoso.com"));
        var named = org.CreateLead(("lastname", "Named"));

        Assert.Equal(open, (Guid)Record((CustomApi.EmailAddress, "pat@contoso.com"))[CustomApi.LeadId]);
        Assert.Equal(named, (Guid)Record((CustomApi.ExternalId, "evt-2"), (CustomApi.EmailAddress, "pat@contoso.com"), (CustomApi.LeadId, named))[CustomApi.LeadId]);
    }

    [Fact]
    public void A_url_names_the_interaction_and_extra_columns_are_written_with_it()
    {
        var lead = org.CreateLead(("lastname", "Doe"));

        Record((CustomApi.LeadId, lead), (CustomApi.Name, null), (CustomApi.Type, "100000000"), (CustomApi.Url, "https://contoso.com/pricing"),
            (CustomApi.DurationSeconds, 75), (CustomApi.Columns, "{\"ls_campaigncode\": \"Q3-WEB\", \"ls_pages\": 4}"));

        var row = Assert.Single(Interactions());
        Assert.Equal("https://contoso.com/pricing", row.GetAttributeValue<string>(InteractionColumns.Name));
        Assert.Equal(InteractionTypeValues.PageVisit, row.GetAttributeValue<OptionSetValue>(InteractionColumns.Type).Value);
        Assert.Equal(75, row.GetAttributeValue<int>(InteractionColumns.DurationSeconds));
        Assert.Equal("Q3-WEB", row.GetAttributeValue<string>("ls_campaigncode"));
        Assert.Equal(4, row.GetAttributeValue<int>("ls_pages"));
    }

    [Theory]
    [InlineData(CustomApi.Type, "webinar", "Type 'webinar' is not an interaction type; allowed: Page visit, Asset download, Video view, Webinar registration, Webinar attendance, Event attendance, Form submission, Social like, Event registration (or their values 100000000 to 100000008).")]
    [InlineData(CustomApi.EmailAddress, "jane at contoso", "EmailAddress 'jane at contoso' is not an email address.")]
    [InlineData(CustomApi.EmailAddress, "jane@contoso", "EmailAddress 'jane@contoso' is not an email address.")]
    [InlineData(CustomApi.Url, "contoso.com/pricing", "Url 'contoso.com/pricing' is not an absolute http or https address.")]
    [InlineData(CustomApi.Source, " ", "Source is required: the system that recorded the interaction, such as \"webinar-platform\".")]
    [InlineData(CustomApi.LeadSource, "Billboard", "LeadSource 'Billboard' is not a lead source; allowed: Advertisement, Employee Referral, External Referral, Partner, Public Relations, Seminar, Trade Show, Web, Word of Mouth, Other (or their values 1 to 10).")]
    [InlineData(CustomApi.Columns, "{\"ls_leadid\": \"x\"}", "Columns may not set ls_leadid: it has a parameter of its own or is the platform's.")]
    [InlineData(CustomApi.Columns, "{\"ls_note\": tomorrow}", "Columns: the value of 'ls_note' must be text in quotes, a number, true or false; got tomorrow.")]
    public void Bad_input_is_refused_with_one_line_that_names_the_parameter(string parameter, string value, string message)
    {
        var e = Assert.Throws<InvalidPluginExecutionException>(() => Record((CustomApi.EmailAddress, "jane@contoso.com"), (parameter, value)));

        Assert.Equal(message, e.Message);
        Assert.Empty(Interactions());
    }

    [Fact]
    public void Who_and_when_are_checked_too()
    {
        Assert.Equal("LeadId or EmailAddress is required: who interacted.",
            Assert.Throws<InvalidPluginExecutionException>(() => Record()).Message);
        Assert.Equal("OccurredOn 2026-05-03T09:00:00Z is in the future; give the moment the interaction happened (UTC).",
            Assert.Throws<InvalidPluginExecutionException>(() => Record((CustomApi.EmailAddress, "a@b.com"), (CustomApi.OccurredOn, ScoringOrganization.Start.AddDays(2)))).Message);
        var missing = Guid.NewGuid();
        Assert.Equal("LeadId " + missing + " is not a lead in this organization.",
            Assert.Throws<InvalidPluginExecutionException>(() => Record((CustomApi.LeadId, missing))).Message);
        Assert.Equal("Name or Url is required: what the person did, such as the page title, the asset or the event.",
            Assert.Throws<InvalidPluginExecutionException>(() => Record((CustomApi.EmailAddress, "a@b.com"), (CustomApi.Name, null))).Message);
    }
}
