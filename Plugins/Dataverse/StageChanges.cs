using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;

namespace LeadScoring.Dataverse
{
    /// <summary>The ls_stagechange rows of a lead: read all, append one (a duplicate key means it is already there).</summary>
    public sealed class StageChanges
    {
        private static readonly string[] Columns =
        {
            StageChangeColumns.IdempotencyKey, StageChangeColumns.FromStage, StageChangeColumns.ToStage, StageChangeColumns.EnteredOn, StageChangeColumns.Cause, StageChangeColumns.FunnelMark, StageChangeColumns.MqlOn,
        };

        private static readonly Dictionary<StageChangeCause, int> Causes = new Dictionary<StageChangeCause, int>
        {
            [StageChangeCause.Score] = StageChangeCauseValues.Score,
            [StageChangeCause.HandBack] = StageChangeCauseValues.HandBack,
            [StageChangeCause.Status] = StageChangeCauseValues.Status,
            [StageChangeCause.Person] = StageChangeCauseValues.Person,
        };

        private readonly IOrganizationService service;

        public StageChanges(IOrganizationService service) => this.service = service;

        public IReadOnlyList<StageEntry> Read(Guid leadId)
        {
            var query = new QueryExpression(StageChangeColumns.Table) { ColumnSet = new ColumnSet(Columns) };
            query.Criteria.AddCondition(StageChangeColumns.LeadId, ConditionOperator.Equal, leadId);
            query.AddOrder(StageChangeColumns.EnteredOn, OrderType.Ascending);
            return Paging.RetrieveAll(service, query).Select(FromRow).ToList();
        }

        /// <summary>Appends the entry; false when its key is already there (the same change written before).</summary>
        /// <param name="leadOwner">The lead's owner, who owns the row (the stage history is seen by whoever sees the lead).</param>
        public bool Append(Guid leadId, StageEntry entry, int? modelVersion, string? modelName, EntityReference? leadOwner = null)
        {
            try
            {
                service.Create(ToRow(leadId, entry, modelVersion, modelName, leadOwner));
                return true;
            }
            catch (FaultException<OrganizationServiceFault> fault) when (PlatformErrors.IsDuplicate(fault))
            {
                return false;
            }
        }

        public static Entity ToRow(Guid leadId, StageEntry entry, int? modelVersion, string? modelName, EntityReference? leadOwner = null)
        {
            var row = new Entity(StageChangeColumns.Table);
            LeadRecord.OwnedByLeadOwner(row, leadOwner);
            row[StageChangeColumns.Name] = (entry.From == null ? "" : Lifecycle.StageName(entry.From.Value) + " → ") + Lifecycle.StageName(entry.To);
            row[StageChangeColumns.IdempotencyKey] = Ledger.StoredKey(leadId, entry.Key);
            row[StageChangeColumns.LeadId] = new EntityReference(LeadColumns.Table, leadId);
            row[StageChangeColumns.FromStage] = entry.From == null ? null : LeadRecord.StageValue(entry.From.Value);
            row[StageChangeColumns.ToStage] = LeadRecord.StageValue(entry.To);
            row[StageChangeColumns.EnteredOn] = entry.EnteredOn;
            row[StageChangeColumns.Cause] = new OptionSetValue(Causes[entry.Cause]);
            row[StageChangeColumns.ModelVersion] = modelVersion;
            row[StageChangeColumns.ModelName] = modelName;
            row[StageChangeColumns.FunnelMark] = entry.Mark switch
            {
                FunnelMark.BecameMql => new OptionSetValue(FunnelMarkValues.BecameMql),
                FunnelMark.HandedBack => new OptionSetValue(FunnelMarkValues.HandedBack),
                _ => null,
            };
            row[StageChangeColumns.MqlOn] = entry.MqlOn;
            row[StageChangeColumns.EnteredMonth] = entry.EnteredMonth;
            row[StageChangeColumns.MqlMonth] = entry.MqlMonth;
            return row;
        }

        public static StageEntry FromRow(Entity row)
        {
            var cause = row.GetAttributeValue<OptionSetValue>(StageChangeColumns.Cause)?.Value ?? StageChangeCauseValues.Score;
            var mark = row.GetAttributeValue<OptionSetValue>(StageChangeColumns.FunnelMark)?.Value;
            var stored = row.GetAttributeValue<string>(StageChangeColumns.IdempotencyKey) ?? "";
            var number = stored.Split('|') is { Length: > 2 } parts && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
            return new StageEntry(
                number,
                LeadRecord.Stage(row.GetAttributeValue<OptionSetValue>(StageChangeColumns.FromStage)),
                LeadRecord.Stage(row.GetAttributeValue<OptionSetValue>(StageChangeColumns.ToStage)) ?? LifecycleStage.New,
                row.GetAttributeValue<DateTime?>(StageChangeColumns.EnteredOn) ?? DateTime.MinValue,
                Causes.FirstOrDefault(p => p.Value == cause).Key,
                mark == FunnelMarkValues.BecameMql ? FunnelMark.BecameMql : mark == FunnelMarkValues.HandedBack ? FunnelMark.HandedBack : FunnelMark.None,
                row.GetAttributeValue<DateTime?>(StageChangeColumns.MqlOn));
        }
    }
}
