using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using LeadScoring.Tests.Emulator;
using LeadScoring.Tests.Plugins;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Reliability;

/// <summary>
/// A lead's score history (ls_scoreevent) and marketing interactions (ls_interaction) are seen by whoever
/// sees the lead, across two business units: the rows are owned by the lead's owner, the sales rep's
/// Lead Scoring User role reads them at Local depth (the rep's business unit), and assigning the lead
/// assigns them (the lead relationships' cascade). Acted out through the real entry points: the rep's
/// own saves, ls_RecordInteraction as the integration, the Custom APIs and the nightly decay.
/// </summary>
public class BusinessUnitTests
{
    private readonly ScoringOrganization org = new();
    private readonly Guid eastRep;
    private readonly Guid westRep;

    public BusinessUnitTests()
    {
        var east = org.Org.AddBusinessUnit("East");
        var west = org.Org.AddBusinessUnit("West");
        eastRep = AddRep("Erin East", east);
        westRep = AddRep("Wes West", west);
    }

    private Guid AddRep(string name, Guid unit)
    {
        var rep = org.Org.AddUser(name, unit, ScoringOrganization.SalespersonRole, ScoringOrganization.UserRole);
        org.Org.AddToFieldSecurityProfile(rep, ScoringOrganization.ScoreReadersProfile);
        return rep;
    }

    /// <summary>A lead the rep creates (a director: fit points) with a whitepaper download recorded by the integration.</summary>
    private Guid LeadOf(Guid rep, string email)
    {
        var lead = org.As(rep).Create(new Entity(LeadColumns.Table) { ["lastname"] = "Doe", ["jobtitle"] = "Director", ["emailaddress1"] = email });
        org.Org.DrainAsyncQueue();
        org.Call(CustomApi.RecordInteraction, null, org.Integration, (CustomApi.Type, "Asset download"), (CustomApi.Source, "website"),
            (CustomApi.ExternalId, email), (CustomApi.Name, "Pricing whitepaper"), (CustomApi.EmailAddress, email));
        return lead;
    }

    private Guid[] Interactions(Guid lead) =>
        org.Org.GetRows(InteractionColumns.Table).Where(i => i.GetAttributeValue<EntityReference>(InteractionColumns.LeadId)?.Id == lead).Select(i => i.Id).ToArray();

    private Guid[] Seen(Guid user, string table) =>
        org.As(user).RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(false) }).Entities.Select(e => e.Id).ToArray();

    private static Guid OwnerOf(Entity row) => row.GetAttributeValue<EntityReference>(LeadColumns.OwnerId).Id;

    [Fact]
    public void A_rep_sees_the_score_events_and_interactions_of_their_units_leads_and_none_of_another_units()
    {
        var eastLead = LeadOf(eastRep, "east@contoso.com");
        var westLead = LeadOf(westRep, "west@fabrikam.com");
        var eastEvents = org.Events(eastLead).Select(e => e.Id).ToArray();
        var westEvents = org.Events(westLead).Select(e => e.Id).ToArray();
        Assert.Equal(2, eastEvents.Length); // the director's fit points and the download's engagement points
        Assert.Single(Interactions(eastLead));

        Assert.Equal(eastEvents.OrderBy(id => id), Seen(eastRep, ScoreEventColumns.Table).OrderBy(id => id));
        Assert.Equal(Interactions(eastLead), Seen(eastRep, InteractionColumns.Table));
        Assert.Equal(westEvents.OrderBy(id => id), Seen(westRep, ScoreEventColumns.Table).OrderBy(id => id));
        Assert.Empty(Seen(westRep, ScoreEventColumns.Table).Intersect(eastEvents));
        Assert.Empty(Seen(westRep, InteractionColumns.Table).Intersect(Interactions(eastLead)));
        Assert.Empty(Seen(westRep, StageChangeColumns.Table).Intersect(Seen(eastRep, StageChangeColumns.Table)));
        Assert.NotEmpty(Seen(eastRep, StageChangeColumns.Table));
        var fault = Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.As(westRep).Retrieve(ScoreEventColumns.Table, eastEvents[0], new ColumnSet(ScoreEventColumns.Reason)));
        Assert.Contains("prvReadls_scoreevent", fault.Detail.Message, StringComparison.Ordinal);
        Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.As(westRep).Retrieve(InteractionColumns.Table, Interactions(eastLead)[0], new ColumnSet(InteractionColumns.Name)));
        Assert.All(org.Events(eastLead), e => Assert.Equal(eastRep, OwnerOf(e)));
    }

    [Fact]
    public void Assigning_a_lead_to_a_rep_in_another_unit_moves_its_events_and_interactions_with_it_and_scoring_goes_on()
    {
        var lead = LeadOf(eastRep, "east@contoso.com");

        org.Org.Service.Update(new Entity(LeadColumns.Table, lead) { [LeadColumns.OwnerId] = new EntityReference("systemuser", westRep) });
        org.Org.DrainAsyncQueue();

        Assert.All(org.Events(lead).Concat(Interactions(lead).Select(i => org.Org.GetRow(InteractionColumns.Table, i)!)), row => Assert.Equal(westRep, OwnerOf(row)));
        Assert.Empty(Seen(eastRep, ScoreEventColumns.Table));
        Assert.Empty(Seen(eastRep, InteractionColumns.Table));
        Assert.Equal(org.Events(lead).Count, Seen(westRep, ScoreEventColumns.Table).Length);

        // The new owner works the lead: an email, a hand-back; the events written as SYSTEM are the new owner's.
        org.As(westRep).Create(new Entity(EmailColumns.Table)
        {
            ["subject"] = "Hello",
            [EmailColumns.DirectionCode] = true,
            [EmailColumns.StatusCode] = new OptionSetValue(EmailColumns.StatusSent),
            [EmailColumns.RegardingObjectId] = new EntityReference(LeadColumns.Table, lead),
        });
        org.Org.DrainAsyncQueue();
        org.Call(CustomApi.HandBackLead, lead, westRep, (CustomApi.Reason, "Not ready to buy"));

        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
        Assert.All(org.Events(lead), e => Assert.Equal(westRep, OwnerOf(e)));
        var stageChanges = org.Org.GetRows(StageChangeColumns.Table).Where(c => c.GetAttributeValue<EntityReference>(StageChangeColumns.LeadId)?.Id == lead).ToList();
        Assert.True(stageChanges.Count >= 2); // its first stage, and Recycled
        Assert.All(stageChanges, c => Assert.Equal(westRep, OwnerOf(c)));
        Assert.Empty(Seen(eastRep, StageChangeColumns.Table));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
        Assert.Equal(org.Events(lead).Count, Seen(westRep, ScoreEventColumns.Table).Length);
    }

    [Fact]
    public void An_interaction_held_for_an_unknown_address_is_given_the_owner_of_the_lead_it_is_attached_to()
    {
        org.Call(CustomApi.RecordInteraction, null, org.Integration, (CustomApi.Type, "Asset download"), (CustomApi.Source, "website"),
            (CustomApi.ExternalId, "early"), (CustomApi.Name, "Pricing whitepaper"), (CustomApi.EmailAddress, "west@fabrikam.com"));
        Assert.Empty(Seen(westRep, InteractionColumns.Table));

        var lead = org.As(westRep).Create(new Entity(LeadColumns.Table) { ["lastname"] = "Doe", ["emailaddress1"] = "west@fabrikam.com" });
        org.Org.DrainAsyncQueue();

        Assert.Equal(Interactions(lead), Seen(westRep, InteractionColumns.Table));
        Assert.Empty(Seen(eastRep, InteractionColumns.Table));
        Assert.Equal(30, org.Score(lead)); // the download, scored once attached
        Assert.All(org.Events(lead), e => Assert.Equal(westRep, OwnerOf(e)));
    }

    [Fact]
    public void Nobody_assigns_a_score_event_on_its_own_it_follows_its_lead()
    {
        var lead = LeadOf(eastRep, "east@contoso.com");
        var scoreEvent = org.Events(lead)[0];

        Assert.ThrowsAny<Exception>(() => org.Org.Service.Update(new Entity(ScoreEventColumns.Table, scoreEvent.Id) { [LeadColumns.OwnerId] = new EntityReference("systemuser", westRep) }));

        Assert.Equal(eastRep, OwnerOf(org.Org.GetRow(ScoreEventColumns.Table, scoreEvent.Id)!));
    }

    [Fact]
    public void The_Custom_APIs_refuse_a_rep_of_another_unit_and_serve_the_leads_own_rep()
    {
        var lead = LeadOf(eastRep, "east@contoso.com");
        var score = org.Score(lead);

        // The plug-in lets the platform's refusal of the caller's own read (or write) of the lead end the call.
        var explain = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.ExplainLeadScore, lead, westRep));
        var handBack = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.HandBackLead, lead, westRep, (CustomApi.Reason, "Not mine")));
        var recalculate = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.RecalculateLeadScore, lead, westRep));

        Assert.Contains("is missing prvReadLead privilege", explain.Message, StringComparison.Ordinal);
        Assert.Contains("is missing prvWriteLead privilege", handBack.Message, StringComparison.Ordinal);
        Assert.Contains("is missing prvWriteLead privilege", recalculate.Message, StringComparison.Ordinal);
        Assert.Equal(score, org.Score(lead));
        Assert.Contains("\"score\":" + score, (string)org.Call(CustomApi.ExplainLeadScore, lead, eastRep)[CustomApi.Explanation], StringComparison.Ordinal);
        org.Call(CustomApi.RecalculateLeadScore, lead, eastRep);
        org.Call(CustomApi.HandBackLead, lead, eastRep, (CustomApi.Reason, "Not ready to buy"));
        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
    }

    [Fact]
    public void The_admin_adjusts_recalculates_and_decays_leads_of_every_unit_and_the_events_stay_their_owners()
    {
        var eastLead = LeadOf(eastRep, "east@contoso.com");
        var westLead = LeadOf(westRep, "west@fabrikam.com");

        org.Call(CustomApi.AdjustLeadScore, eastLead, org.Admin, (CustomApi.Points, 15), (CustomApi.Reason, "Met at the trade fair"));
        org.Call(CustomApi.RecalculateLeadScore, westLead, org.Admin);
        org.Advance(120);
        org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, org.Org.Clock.UtcNow), (CustomApi.PageSize, 250));

        Assert.Contains(org.Events(eastLead), e => e.GetAttributeValue<string>(ScoreEventColumns.Reason) == "Met at the trade fair");
        Assert.Contains(org.Events(eastLead), e => e.GetAttributeValue<OptionSetValue>(ScoreEventColumns.Kind).Value == ScoreEventKindValues.Decay);
        Assert.All(org.Events(eastLead), e => Assert.Equal(eastRep, OwnerOf(e)));
        Assert.All(org.Events(westLead), e => Assert.Equal(westRep, OwnerOf(e)));
        Assert.Equal(org.SumOfEvents(eastLead), org.Score(eastLead));
        Assert.Equal(org.SumOfEvents(westLead), org.Score(westLead));
        Assert.Empty(Seen(westRep, ScoreEventColumns.Table).Intersect(org.Events(eastLead).Select(e => e.Id)));
    }
}
