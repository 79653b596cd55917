using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Dataverse
{
    /// <summary>Maps the lead row to the engine's LeadSnapshot and the engine's LeadState back to one lead update.</summary>
    public static class LeadRecord
    {
        /// <summary>The columns scoring reads from the lead besides the ones the fit rules read.</summary>
        public static readonly string[] ScoringColumns =
        {
            LeadColumns.FitScore, LeadColumns.EngagementScore, LeadColumns.Score, LeadColumns.Grade, LeadColumns.LifecycleStage,
            LeadColumns.SalesReadyOn, LeadColumns.LastEngagementOn, LeadColumns.HandBackCount, LeadColumns.HandBackReason,
            LeadColumns.HandBackOn, LeadColumns.UnansweredEmailIds, LeadColumns.NextScoreChangeOn, LeadColumns.ScoringModelId, LeadColumns.StateCode, "versionnumber",
            LeadColumns.OwnerId, // the score events it appends are owned by the lead's owner
        };

        /// <summary>The lead columns the model's rules read: rules on the lead table, and persona conditions of rules on activity tables.</summary>
        public static IEnumerable<string> ColumnsRead(ScoringModel model) =>
            model.Rules.SelectMany(r => r.Conditions.Where(c => string.Equals(c.Table ?? r.Table, LeadColumns.Table, StringComparison.OrdinalIgnoreCase))).Select(c => c.Attribute);

        /// <summary>What scoring retrieves of a lead: its scoring columns and the columns the model reads, nothing more.</summary>
        public static string[] ColumnsToRetrieve(ScoringModel model) => ScoringColumns.Concat(ColumnsRead(model)).Distinct().ToArray();

        private static readonly Dictionary<int, LifecycleStage> Stages = new Dictionary<int, LifecycleStage>
        {
            [LifecycleStageValues.New] = LifecycleStage.New,
            [LifecycleStageValues.Engaged] = LifecycleStage.Engaged,
            [LifecycleStageValues.MarketingQualified] = LifecycleStage.MarketingQualified,
            [LifecycleStageValues.SalesAccepted] = LifecycleStage.SalesAccepted,
            [LifecycleStageValues.Recycled] = LifecycleStage.Recycled,
            [LifecycleStageValues.Disqualified] = LifecycleStage.Disqualified,
        };

        /// <summary>Gives a row that belongs to a lead the lead's owner, so whoever sees the lead sees it; null leaves the platform's default (the caller).</summary>
        public static void OwnedByLeadOwner(Entity row, EntityReference? leadOwner)
        {
            if (leadOwner != null)
            {
                row[LeadColumns.OwnerId] = new EntityReference(leadOwner.LogicalName, leadOwner.Id);
            }
        }

        public static LifecycleStage? Stage(OptionSetValue? value) =>
            value != null && Stages.TryGetValue(value.Value, out var stage) ? stage : (LifecycleStage?)null;

        public static OptionSetValue StageValue(LifecycleStage stage) => new OptionSetValue(Stages.First(p => p.Value == stage).Key);

        /// <summary>The lead's statecode as the engine's status: 0 Open, 1 Qualified, 2 Disqualified (the LEAD_STATE values, https://learn.microsoft.com/en-us/previous-versions/aa477355(v=msdn.10)).</summary>
        public static LeadStatus Status(OptionSetValue? statecode) => statecode?.Value switch
        {
            1 => LeadStatus.Qualified,
            2 => LeadStatus.Disqualified,
            _ => LeadStatus.Open,
        };

        public static LeadSnapshot Snapshot(Entity lead)
        {
            var streak = lead.GetAttributeValue<string>(LeadColumns.UnansweredEmailIds);
            var fit = lead.GetAttributeValue<int?>(LeadColumns.FitScore) ?? 0;
            var engagement = lead.GetAttributeValue<int?>(LeadColumns.EngagementScore) ?? 0;
            var state = new LeadState
            {
                Fit = fit,
                Engagement = engagement,
                FloorAdjustment = (lead.GetAttributeValue<int?>(LeadColumns.Score) ?? fit + engagement) - fit - engagement,
                Grade = lead.GetAttributeValue<string>(LeadColumns.Grade) ?? "",
                Stage = Stage(lead.GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage)) ?? LifecycleStage.New,
                SalesReadyOn = lead.GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn),
                LastEngagementOn = lead.GetAttributeValue<DateTime?>(LeadColumns.LastEngagementOn),
                HandBackCount = lead.GetAttributeValue<int?>(LeadColumns.HandBackCount) ?? 0,
                HandBackReason = lead.GetAttributeValue<string>(LeadColumns.HandBackReason),
                HandBackOn = lead.GetAttributeValue<DateTime?>(LeadColumns.HandBackOn),
                UnansweredEmailIds = string.IsNullOrEmpty(streak) ? Array.Empty<string>() : streak!.Split(','),
                NextChangeOn = lead.GetAttributeValue<DateTime?>(LeadColumns.NextScoreChangeOn),
            };
            return new LeadSnapshot(lead.Id.ToString("D"), PlainValues.Of(lead), state) { Status = Status(lead.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode)) };
        }

        /// <summary>
        /// One update with every scoring column that changed: flows see a single change of the lead,
        /// and the stage column (which flows and the lead step filter on) only when the stage changed.
        /// </summary>
        public static Entity ToUpdate(Entity current, LeadState state, Guid modelId, DateTime now)
        {
            var leadId = current.Id;
            var update = new Entity(LeadColumns.Table, leadId);
            update[LeadColumns.FitScore] = state.Fit;
            update[LeadColumns.EngagementScore] = state.Engagement;
            update[LeadColumns.Score] = state.Score;
            update[LeadColumns.Grade] = state.Grade;
            update[LeadColumns.LifecycleStage] = StageValue(state.Stage);
            update[LeadColumns.SalesReadyOn] = state.SalesReadyOn;
            update[LeadColumns.LastEngagementOn] = state.LastEngagementOn;
            update[LeadColumns.HandBackCount] = state.HandBackCount;
            update[LeadColumns.HandBackReason] = state.HandBackReason;
            update[LeadColumns.HandBackOn] = state.HandBackOn;
            update[LeadColumns.UnansweredEmailIds] = state.UnansweredEmailIds.Count == 0 ? null : string.Join(",", state.UnansweredEmailIds);
            update[LeadColumns.NextScoreChangeOn] = state.NextChangeOn;
            update[LeadColumns.ScoringModelId] = new EntityReference(ScoringModelColumns.Table, modelId);

            foreach (var column in update.Attributes.Keys.ToList())
            {
                current.Attributes.TryGetValue(column, out var was);
                if (Equals(was, update[column]))
                {
                    update.Attributes.Remove(column);
                }
            }

            // Marks the update as scoring's own, so the lead step does not score its own write.
            update[LeadColumns.ScoredOn] = now;
            return update;
        }

        /// <summary>The row version of a retrieved lead or of an image that carries versionnumber.</summary>
        public static string? RowVersion(Entity lead)
        {
            if (!string.IsNullOrEmpty(lead.RowVersion))
            {
                return lead.RowVersion;
            }

            return lead.Contains("versionnumber") && lead["versionnumber"] != null
                ? Convert.ToString(lead["versionnumber"], CultureInfo.InvariantCulture)
                : null;
        }
    }
}
