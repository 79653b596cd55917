using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// Which columns of a watched table can change a score under a model, and which of them the
    /// registered update steps leave out. The activity update steps watch every column (docs/plugins.md,
    /// "Which changes start scoring"); the plug-in skips an update that changed none of these.
    /// </summary>
    public static class WatchedColumns
    {
        /// <summary>The name pac-config.json gives the update step of a watched table.</summary>
        public static string UpdateStep(string table) => "Lead scoring: " + table + " update";

        /// <summary>The columns of the table a change of which can score: conditions of rules on it, the link to the lead, email signals.</summary>
        public static HashSet<string> Of(ScoringModel model, string table)
        {
            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in model.Rules.Where(r => string.Equals(r.Table, table, StringComparison.OrdinalIgnoreCase)))
            {
                columns.UnionWith(rule.Conditions.Where(c => !c.IsPersona(rule)).Select(c => c.Attribute));
            }

            if (string.Equals(table, LeadColumns.Table, StringComparison.OrdinalIgnoreCase))
            {
                return columns;
            }

            columns.Add(string.Equals(table, InteractionColumns.Table, StringComparison.OrdinalIgnoreCase) ? InteractionColumns.LeadId : EmailColumns.RegardingObjectId);
            if (string.Equals(table, EmailColumns.Table, StringComparison.OrdinalIgnoreCase) && model.Rules.Any(r => r.Kind == RuleKind.UnansweredEmails))
            {
                columns.UnionWith(ActivityChange.EmailSignalColumns);
            }

            return columns;
        }

        /// <summary>
        /// One line per rule that reads a column its table's update step does not watch (an empty
        /// filtering list watches every column), in words an admin acts on.
        /// </summary>
        public static IReadOnlyList<string> Unwatched(ScoringModel model, IReadOnlyDictionary<string, string?> filteringByTable)
        {
            var lines = new List<string>();
            foreach (var rule in model.Rules.Where(r => r.Kind == RuleKind.Conditions))
            {
                if (!filteringByTable.TryGetValue(rule.Table, out var filtering) || string.IsNullOrWhiteSpace(filtering))
                {
                    continue;
                }

                var watched = new HashSet<string>(filtering!.Split(',').Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
                foreach (var column in rule.Conditions.Where(c => !c.IsPersona(rule)).Select(c => c.Attribute).Distinct().Where(c => !watched.Contains(c)))
                {
                    lines.Add("Rule '" + rule.Id + "' reads " + rule.Table + "." + column + ", which the step '" + UpdateStep(rule.Table) +
                        "' does not watch: a change of it alone scores nothing until the lead is scored again (another watched change, an activity, ls_RecalculateLeadScore).");
                }
            }

            return lines;
        }
    }
}
