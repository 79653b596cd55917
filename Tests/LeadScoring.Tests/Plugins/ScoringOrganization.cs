using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// An emulated organization with the product's steps and Custom APIs registered exactly as
/// pac-config.json says, an approved and active model, and the people who use it.
/// </summary>
internal sealed class ScoringOrganization
{
    public static readonly DateTime Start = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    public ScoringOrganization(ScoringModel? model = null, bool activate = true)
    {
        Org.LoadPacConfig(Path.Combine(RepositoryRoot.Path, "pac-config.json"), typeof(LeadScorer).Assembly);
        Org.DefineAlternateKey(ScoreEventColumns.Table, ScoreEventColumns.AlternateKey, ScoreEventColumns.IdempotencyKey);
        Org.Clock.Set(Start);
        Admin = Org.AddUser("Avery Admin", SecurityRoles.Admin);
        MarketingApprover = Org.AddUser("Morgan Marketing", SecurityRoles.MarketingApprover);
        SalesApprover = Org.AddUser("Sam Sales", SecurityRoles.SalesApprover);
        SalesRep = Org.AddUser("Riley Rep");
        if (activate)
        {
            ModelId = CreateAndActivate(model ?? Engine.SampleModels.Default);
        }
    }

    public EmulatedOrganization Org { get; } = new();

    public Guid Admin { get; }

    public Guid MarketingApprover { get; }

    public Guid SalesApprover { get; }

    public Guid SalesRep { get; }

    public Guid ModelId { get; private set; }

    public IOrganizationService As(Guid user) => Org.ServiceAs(user);

    public Guid CreateDraft(ScoringModel model) => ModelRows.Create(As(Admin), model);

    public void Approve(Guid modelId, Guid approver, string column)
    {
        var approval = new Entity(ScoringModelColumns.Table, modelId);
        approval[column] = new EntityReference("systemuser", approver);
        As(approver).Update(approval);
    }

    public void SetStatus(Guid modelId, int status, Guid? user = null)
    {
        var update = new Entity(ScoringModelColumns.Table, modelId);
        update[ScoringModelColumns.Status] = new OptionSetValue(status);
        As(user ?? Admin).Update(update);
        Org.DrainAsyncQueue();
    }

    public Guid CreateAndActivate(ScoringModel model)
    {
        var id = CreateDraft(model);
        Approve(id, MarketingApprover, ScoringModelColumns.MarketingApproverId);
        Approve(id, SalesApprover, ScoringModelColumns.SalesApproverId);
        SetStatus(id, ModelStatusValues.Active);
        ModelId = id;
        return id;
    }

    public Guid CreateLead(params (string Column, object? Value)[] columns) => Create(LeadColumns.Table, columns);

    public Guid Create(string table, params (string Column, object? Value)[] columns)
    {
        var row = new Entity(table);
        foreach (var (column, value) in columns)
        {
            row[column] = value;
        }

        var id = As(SalesRep).Create(row);
        Org.DrainAsyncQueue();
        return id;
    }

    public void Update(string table, Guid id, params (string Column, object? Value)[] columns)
    {
        var row = new Entity(table, id);
        foreach (var (column, value) in columns)
        {
            row[column] = value;
        }

        As(SalesRep).Update(row);
        Org.DrainAsyncQueue();
    }

    public Guid Download(Guid lead) => Create(InteractionColumns.Table, (InteractionColumns.Name, "Whitepaper"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.AssetDownload)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));

    public Guid SendEmail(Guid lead) => Create(EmailColumns.Table, ("subject", "Hello"), (EmailColumns.DirectionCode, true), (EmailColumns.StatusCode, new OptionSetValue(EmailColumns.StatusSent)), (EmailColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));

    public Entity Lead(Guid id) => Org.GetRow(LeadColumns.Table, id) ?? throw new InvalidOperationException("no lead " + id);

    public int Score(Guid lead) => Lead(lead).GetAttributeValue<int?>(LeadColumns.Score) ?? 0;

    public LifecycleStage? Stage(Guid lead) => LeadRecord.Stage(Lead(lead).GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage));

    public List<Entity> Events(Guid lead) => Org.GetRows(ScoreEventColumns.Table).Where(e => e.GetAttributeValue<EntityReference>(ScoreEventColumns.LeadId)?.Id == lead).ToList();

    public int SumOfEvents(Guid lead) => Events(lead).Sum(e => e.GetAttributeValue<int>(ScoreEventColumns.Points));

    public OrganizationResponse Call(string api, Guid? lead, Guid? user = null, params (string Name, object? Value)[] parameters)
    {
        var request = new OrganizationRequest(api);
        if (lead.HasValue)
        {
            request[CustomApi.Target] = new EntityReference(LeadColumns.Table, lead.Value);
        }

        foreach (var (name, value) in parameters)
        {
            request[name] = value;
        }

        var response = As(user ?? SalesRep).Execute(request);
        Org.DrainAsyncQueue();
        return response;
    }

    public void Advance(double days) => Org.Clock.Advance(TimeSpan.FromDays(days));
}
