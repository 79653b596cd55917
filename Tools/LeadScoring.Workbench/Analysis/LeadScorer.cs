using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>A lead's figures under a model; Stage is the lifecycle stage the plug-ins set ("" when a snapshot cannot tell).</summary>
    internal sealed record LeadScore(int Fit, int Engagement, int Score, string Grade, bool SalesReady, string Stage = "");

    /// <summary>
    /// Scores one lead row (attribute logical name → cell, "" is missing) under the model it was
    /// made for. Backtests score through the real plug-ins on the emulator (EmulatedLeadScorer);
    /// calibrate reads its thresholds off the fast snapshot evaluator below.
    /// </summary>
    internal interface ILeadScorer
    {
        LeadScore Score(IReadOnlyDictionary<string, string> lead);
    }

    /// <summary>
    /// Scores a snapshot of the lead's own columns: every plain-conditions rule on the lead table
    /// whose conditions all hold adds its points once (a snapshot has one "event" per lead, so limits
    /// and expiry do not apply); rules on other tables and built-in kinds are skipped. Then the caps,
    /// the floor, the grade and the sales-ready test of the model apply, as the engine's own
    /// (Conditions and Lifecycle), so a snapshot scores each rule the way production does.
    /// </summary>
    internal sealed class SnapshotLeadScorer : ILeadScorer
    {
        private readonly ScoringModel _model;
        private readonly ScoringRule[] _rules;

        public SnapshotLeadScorer(ScoringModel model)
        {
            _model = model;
            _rules = model.Rules.Where(IsLeadSnapshotRule).ToArray();
        }

        /// <summary>How many rules a snapshot cannot evaluate (other tables, built-in kinds).</summary>
        public int SkippedRules => _model.Rules.Count - _rules.Length;

        public static bool IsLeadSnapshotRule(ScoringRule rule) =>
            rule.Kind == RuleKind.Conditions && string.Equals(rule.Table, "lead", StringComparison.OrdinalIgnoreCase);

        public LeadScore Score(IReadOnlyDictionary<string, string> lead)
        {
            int fit = 0, engagement = 0;
            foreach (var rule in _rules)
            {
                if (rule.Conditions.All(c => Conditions.Matches(c, lead.TryGetValue(c.Attribute, out string? cell) ? cell : "")))
                {
                    if (rule.Category == Category.Fit)
                    {
                        fit += rule.Points;
                    }
                    else
                    {
                        engagement += rule.Points;
                    }
                }
            }

            fit = Math.Min(fit, _model.FitCap);
            engagement = Math.Min(engagement, _model.EngagementCap);
            return new LeadScore(fit, engagement, Lifecycle.Score(_model, fit, engagement), Lifecycle.Grade(_model.Grades, fit, engagement), Lifecycle.IsSalesReady(_model, fit, engagement));
        }
    }
}
