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
    /// <summary>
    /// The ls_scoreevent rows of a lead: read all, append one (a duplicate key means it is already there).
    /// An event is owned by its lead's owner, so who may read the lead's history is who may read the lead
    /// (ls_scoreevent is user-owned; assigning the lead assigns its events by the relationship's cascade).
    /// </summary>
    public sealed class Ledger
    {
        private static readonly Dictionary<ScoreEventKind, int> Kinds = new Dictionary<ScoreEventKind, int>
        {
            [ScoreEventKind.Rule] = ScoreEventKindValues.Rule,
            [ScoreEventKind.Decay] = ScoreEventKindValues.Decay,
            [ScoreEventKind.HandBack] = ScoreEventKindValues.HandBack,
            [ScoreEventKind.Adjustment] = ScoreEventKindValues.Adjustment,
            [ScoreEventKind.Expiry] = ScoreEventKindValues.Expiry,
            [ScoreEventKind.FloorAdjustment] = ScoreEventKindValues.FloorAdjustment,
        };

        /// <summary>The columns an event is read with (an explicit list, as Microsoft recommends over all columns).</summary>
        private static readonly string[] Columns =
        {
            ScoreEventColumns.IdempotencyKey, ScoreEventColumns.Kind, ScoreEventColumns.Category, ScoreEventColumns.Points, ScoreEventColumns.RuleKey, ScoreEventColumns.Reason,
            ScoreEventColumns.SourceTable, ScoreEventColumns.SourceId, ScoreEventColumns.OccurredOn, ScoreEventColumns.ExpiresOn, ScoreEventColumns.ModelVersion,
        };

        private readonly IOrganizationService service;

        public Ledger(IOrganizationService service) => this.service = service;

        /// <summary>The stored key: the engine's key is unique per lead, the alternate key must be unique per table.</summary>
        public static string StoredKey(Guid leadId, string key) => leadId.ToString("N") + "|" + key;

        public IReadOnlyList<ScoreEvent> Read(Guid leadId)
        {
            var query = new QueryExpression(ScoreEventColumns.Table) { ColumnSet = new ColumnSet(Columns) };
            query.Criteria.AddCondition(ScoreEventColumns.LeadId, ConditionOperator.Equal, leadId);
            query.AddOrder(ScoreEventColumns.OccurredOn, OrderType.Ascending);
            return Paging.RetrieveAll(service, query).Select(row => FromRow(leadId, row)).ToList();
        }

        /// <summary>The lead an event was booked for: the one its stored key names (a merge may have moved the row since).</summary>
        public static Guid? BookedFor(string? storedKey) =>
            storedKey != null && storedKey.Length > 32 && storedKey[32] == '|' && Guid.TryParseExact(storedKey.Substring(0, 32), "N", out var lead) ? lead : (Guid?)null;

        /// <summary>
        /// Moves back to the subordinate the events a merge moved from it to the master (where the platform
        /// cascades ls_scoreevent on merge): each lead keeps the ledger it was scored with. Returns how many.
        /// The merge step calls it; an append whose key a moved event holds calls it too (ReturnIfMerged).
        /// </summary>
        public int ReturnMergedEvents(Guid masterId, Guid subordinateId)
        {
            var query = new QueryExpression(ScoreEventColumns.Table) { ColumnSet = new ColumnSet(ScoreEventColumns.IdempotencyKey) };
            query.Criteria.AddCondition(ScoreEventColumns.LeadId, ConditionOperator.Equal, masterId);
            var moved = Paging.RetrieveAll(service, query).Where(row => BookedFor(row.GetAttributeValue<string>(ScoreEventColumns.IdempotencyKey)) == subordinateId).ToList();
            foreach (var row in moved)
            {
                service.Update(new Entity(ScoreEventColumns.Table, row.Id) { [ScoreEventColumns.LeadId] = new EntityReference(LeadColumns.Table, subordinateId) });
            }

            return moved.Count;
        }

        /// <summary>Appends the event, owned by the lead's owner; false when the key is already in the ledger (a retry or a concurrent run wrote it).</summary>
        public bool Append(Guid leadId, EntityReference? leadOwner, ScoreEvent scoreEvent)
        {
            try
            {
                service.Create(ToRow(leadId, scoreEvent, leadOwner));
                return true;
            }
            catch (FaultException<OrganizationServiceFault> fault) when (PlatformErrors.IsDuplicate(fault))
            {
                ReturnIfMerged(leadId, scoreEvent.Key);
                return false;
            }
        }

        /// <summary>
        /// The key is taken: when its row is on another lead, a merge moved it there before the merge step
        /// ran (a job of this lead ran first), so all the events moved from this lead come back now.
        /// </summary>
        private void ReturnIfMerged(Guid leadId, string key)
        {
            var query = new QueryExpression(ScoreEventColumns.Table) { ColumnSet = new ColumnSet(ScoreEventColumns.LeadId), TopCount = 1 };
            query.Criteria.AddCondition(ScoreEventColumns.IdempotencyKey, ConditionOperator.Equal, StoredKey(leadId, key));
            var holder = service.RetrieveMultiple(query).Entities.FirstOrDefault()?.GetAttributeValue<EntityReference>(ScoreEventColumns.LeadId)?.Id;
            if (holder != null && holder != leadId)
            {
                ReturnMergedEvents(holder.Value, leadId);
            }
        }

        /// <param name="leadOwner">The lead's owner (user or team), who owns the event; null leaves the platform's default (the caller).</param>
        public static Entity ToRow(Guid leadId, ScoreEvent e, EntityReference? leadOwner = null)
        {
            var row = new Entity(ScoreEventColumns.Table);
            LeadRecord.OwnedByLeadOwner(row, leadOwner);
            row[ScoreEventColumns.Name] = Truncate((e.Points > 0 ? "+" : "") + e.Points + " " + e.Reason, 100);
            row[ScoreEventColumns.IdempotencyKey] = StoredKey(leadId, e.Key);
            row[ScoreEventColumns.LeadId] = new EntityReference(LeadColumns.Table, leadId);
            row[ScoreEventColumns.Kind] = new OptionSetValue(Kinds[e.Kind]);
            row[ScoreEventColumns.Category] = CategoryValue(e.Category);
            row[ScoreEventColumns.Points] = e.Points;
            row[ScoreEventColumns.RuleKey] = e.RuleId;
            row[ScoreEventColumns.Reason] = Truncate(e.Reason, 500);
            row[ScoreEventColumns.SourceTable] = e.SourceTable;
            row[ScoreEventColumns.SourceId] = e.SourceId;
            row[ScoreEventColumns.OccurredOn] = e.OccurredOn;
            row[ScoreEventColumns.ExpiresOn] = e.ExpiresOn;
            row[ScoreEventColumns.ModelVersion] = e.ModelVersion;
            return row;
        }

        public static ScoreEvent FromRow(Guid leadId, Entity row)
        {
            var stored = row.GetAttributeValue<string>(ScoreEventColumns.IdempotencyKey) ?? row.Id.ToString("N");
            var prefix = leadId.ToString("N") + "|";
            var kind = row.GetAttributeValue<OptionSetValue>(ScoreEventColumns.Kind)?.Value ?? ScoreEventKindValues.Rule;
            return new ScoreEvent
            {
                Key = stored.StartsWith(prefix, StringComparison.Ordinal) ? stored.Substring(prefix.Length) : stored,
                Kind = Kinds.FirstOrDefault(p => p.Value == kind).Key,
                Category = CategoryOf(row.GetAttributeValue<OptionSetValue>(ScoreEventColumns.Category)),
                Points = row.GetAttributeValue<int?>(ScoreEventColumns.Points) ?? 0,
                RuleId = row.GetAttributeValue<string>(ScoreEventColumns.RuleKey),
                Reason = row.GetAttributeValue<string>(ScoreEventColumns.Reason) ?? "",
                SourceTable = row.GetAttributeValue<string>(ScoreEventColumns.SourceTable),
                SourceId = row.GetAttributeValue<string>(ScoreEventColumns.SourceId),
                OccurredOn = row.GetAttributeValue<DateTime?>(ScoreEventColumns.OccurredOn) ?? DateTime.MinValue,
                ExpiresOn = row.GetAttributeValue<DateTime?>(ScoreEventColumns.ExpiresOn),
                ModelVersion = row.GetAttributeValue<int?>(ScoreEventColumns.ModelVersion) ?? 0,
            };
        }

        /// <summary>The floor adjustment is neither fit nor engagement: its row has no category.</summary>
        private static OptionSetValue? CategoryValue(Category category) => category switch
        {
            Category.Fit => new OptionSetValue(CategoryValues.Fit),
            Category.Engagement => new OptionSetValue(CategoryValues.Engagement),
            _ => null,
        };

        private static Category CategoryOf(OptionSetValue? value) => value?.Value switch
        {
            CategoryValues.Fit => Category.Fit,
            CategoryValues.Engagement => Category.Engagement,
            _ => Category.Total,
        };

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length - 1) + "…";
    }
}
