using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// The workbench's emulated organization (registrations from pac-config.json, an approved and
/// active model, the people who use it) with the shortcuts the plug-in tests use.
/// </summary>
internal sealed class ScoringOrganization : LeadScoring.Workbench.Emulation.ScoringOrganization
{
    public ScoringOrganization(ScoringModel? model = null, bool activate = true, IEnumerable<(string Table, TableColumn Column)>? customColumns = null, bool buildKeyIndexes = true)
        : base(activate ? model ?? Engine.SampleModels.Default : null, customColumns: customColumns, buildKeyIndexes: buildKeyIndexes)
    {
    }

    public Guid CreateLead(params (string Column, object? Value)[] columns) => Create(LeadColumns.Table, columns);

    public Guid Download(Guid lead) => Create(InteractionColumns.Table, (InteractionColumns.Name, "Whitepaper"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.AssetDownload)), (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)));

    public Guid SendEmail(Guid lead) => Create(EmailColumns.Table, ("subject", "Hello"), (EmailColumns.DirectionCode, true), (EmailColumns.StatusCode, new OptionSetValue(EmailColumns.StatusSent)), (EmailColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));

    public int Score(Guid lead) => Lead(lead).GetAttributeValue<int?>(LeadColumns.Score) ?? 0;

    public LifecycleStage? Stage(Guid lead) => LeadRecord.Stage(Lead(lead).GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage));

    public List<Entity> Events(Guid lead) => Org.GetRows(ScoreEventColumns.Table).Where(e => e.GetAttributeValue<EntityReference>(ScoreEventColumns.LeadId)?.Id == lead).ToList();

    public int SumOfEvents(Guid lead) => Events(lead).Sum(e => e.GetAttributeValue<int>(ScoreEventColumns.Points));
}
