using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>Fit is a function of the lead's current columns: each fit rule's points are set to what its conditions give now, within the fit cap.</summary>
    internal static class FitScoring
    {
        public static void Apply(LedgerDraft draft, IReadOnlyDictionary<string, object?> leadColumns)
        {
            var model = draft.Model;
            var desired = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var rule in model.Rules.Where(r => r.Category == Category.Fit && r.Kind == RuleKind.Conditions))
            {
                desired[rule.Id] = Conditions.AllMatch(rule.Conditions, leadColumns) ? rule.Points : 0;
            }

            var ruleTotal = desired.Values.Sum();
            desired[ScoringEngine.FitCapRuleId] = Math.Min(0, model.FitCap - ruleTotal);

            // Rules that left the model give their fit points back too.
            var current = draft.Events.Where(e => e.Category == Category.Fit && e.RuleId != null)
                .GroupBy(e => e.RuleId!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var ruleId in current.Keys.Where(id => !desired.ContainsKey(id)).ToList())
            {
                desired[ruleId] = 0;
            }

            foreach (var pair in desired.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var was = current.TryGetValue(pair.Key, out var list) ? list : new List<ScoreEvent>();
                var rule = model.Rules.FirstOrDefault(r => r.Id == pair.Key);
                var isCap = pair.Key == ScoringEngine.FitCapRuleId;
                var name = rule?.Name ?? (isCap ? "Fit capped at " + LedgerDraft.Number(model.FitCap) : pair.Key);
                var reason = pair.Value == 0 && !isCap ? name + " no longer applies" : name;
                draft.Append(draft.OnLead(EventKeys.Fit(pair.Key, was.Count + 1), ScoreEventKind.Rule, Category.Fit, pair.Value - was.Sum(e => e.Points), reason, pair.Key));
            }
        }
    }
}
