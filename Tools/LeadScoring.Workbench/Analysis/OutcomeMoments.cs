using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Workbench.Simulation;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// When each lead's outcome became known in a history, and what the lead looked like just
    /// before: scoring a lead after sales acted on it (handed it back, closed it) measures what sales
    /// did, not what the model foresaw.
    /// </summary>
    internal static class OutcomeMoments
    {
        /// <summary>
        /// Per lead, the first moment its outcome shows: the lead set to Qualified or Disqualified
        /// (statecode 1 or 2), or handed back; or the outcome date, when it is earlier.
        /// </summary>
        public static Dictionary<string, DateTime> Find(History history, IReadOnlyDictionary<string, DateTime> outcomeDates)
        {
            var moments = new Dictionary<string, DateTime>(outcomeDates, StringComparer.Ordinal);
            foreach (var item in history.Events)
            {
                if ((Closes(item, qualified: true, disqualified: true) || item.Op == HistoryOp.HandBack) && (!moments.TryGetValue(item.Id, out var known) || item.At < known))
                {
                    moments[item.Id] = item.At;
                }
            }

            return moments;
        }

        /// <summary>The leads the history qualifies (statecode 1).</summary>
        public static HashSet<string> Qualified(History history) =>
            history.Events.Where(e => Closes(e, qualified: true, disqualified: false)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

        /// <summary>Whether the event sets the lead's statecode to Qualified (1) or Disqualified (2), as asked.</summary>
        public static bool Closes(HistoryEvent item, bool qualified, bool disqualified) =>
            item.Op == HistoryOp.Update && item.Table == LeadColumns.Table
            && item.Columns.Any(c => c.Key == LeadColumns.StateCode && c.Value is OptionSetValue state && ((qualified && state.Value == 1) || (disqualified && state.Value == 2)));

        /// <summary>
        /// The lead as it stood just before the moment: the points of its ledger before then (the
        /// lead's totals are the sum of its events), and the stage it was in.
        /// </summary>
        public static LeadScore Before(SimulatedLead lead, IEnumerable<StageChange> changes, DateTime moment, ScoringModel model)
        {
            var earlier = lead.Events.Where(e => e.At < moment).ToArray();
            int fit = earlier.Where(e => e.Category == Category.Fit).Sum(e => e.Points);
            int engagement = earlier.Where(e => e.Category == Category.Engagement).Sum(e => e.Points);
            string stage = changes.Where(c => c.Lead == lead.Id && c.At < moment).Select(c => c.To).LastOrDefault() ?? "New";
            return new LeadScore(fit, engagement, earlier.Sum(e => e.Points), Lifecycle.Grade(model.Grades, fit, engagement), stage == "Marketing Qualified", stage);
        }
    }
}
