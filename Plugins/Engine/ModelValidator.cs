using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>
    /// Checks a model before it is used or saved. Every message names the rule, the field, the bad
    /// value and what is allowed; a model with any error is never applied.
    /// </summary>
    public static class ModelValidator
    {
        public static readonly IReadOnlyList<string> WatchedTables = new[] { "lead", "email", "appointment", "phonecall", "ls_interaction" };

        public static IReadOnlyList<string> Validate(ScoringModel model)
        {
            var errors = new List<string>();
            void Check(bool ok, string message)
            {
                if (!ok)
                {
                    errors.Add(message);
                }
            }

            Check(!string.IsNullOrWhiteSpace(model.Name), "Model: name is required.");
            Check((model.Name ?? "").Length <= ScoringLimits.MaxModelNameLength, "Model: name has " + N((model.Name ?? "").Length) + " characters; at most " + N(ScoringLimits.MaxModelNameLength) + " are allowed.");
            Check(model.Version >= 1, "Model: version must be 1 or more; got " + N(model.Version) + ".");
            Check(model.SalesReadyThreshold > 0 && model.SalesReadyThreshold <= ScoringLimits.MaxPoints, "Model: salesReadyThreshold is required and must be between 1 and " + N(ScoringLimits.MaxPoints) + "; got " + N(model.SalesReadyThreshold) + ".");
            Check(InRange(model.MinimumFit, 0), "Model: minimumFit must be between 0 and " + N(ScoringLimits.MaxPoints) + "; got " + N(model.MinimumFit) + ".");
            Check(InRange(model.MinimumEngagement, 0), "Model: minimumEngagement must be between 0 and " + N(ScoringLimits.MaxPoints) + "; got " + N(model.MinimumEngagement) + ".");
            Check(model.FitCap >= model.MinimumFit && model.FitCap > 0 && model.FitCap <= ScoringLimits.MaxPoints, "Model: fitCap (" + N(model.FitCap) + ") must be positive and at least minimumFit (" + N(model.MinimumFit) + ").");
            Check(model.EngagementCap >= model.MinimumEngagement && model.EngagementCap > 0 && model.EngagementCap <= ScoringLimits.MaxPoints, "Model: engagementCap (" + N(model.EngagementCap) + ") must be positive and at least minimumEngagement (" + N(model.MinimumEngagement) + ").");
            Check(model.FitCap + model.EngagementCap >= model.SalesReadyThreshold, "Model: fitCap + engagementCap (" + N(model.FitCap + model.EngagementCap) + ") must reach salesReadyThreshold (" + N(model.SalesReadyThreshold) + "), or no lead can ever be sales-ready.");
            Check(InRange(model.Floor, -ScoringLimits.MaxPoints) && model.Floor < model.SalesReadyThreshold, "Model: floor (" + N(model.Floor) + ") must be below salesReadyThreshold (" + N(model.SalesReadyThreshold) + ").");
            CheckBands(model.Grades.FitBands, "grades.fitBands", errors);
            CheckBands(model.Grades.EngagementBands, "grades.engagementBands", errors);

            if (model.Decay is { } decay)
            {
                Check(decay.InactiveDays >= 1 && decay.InactiveDays <= ScoringLimits.MaxDays, "Model: decay.inactiveDays must be between 1 and " + N(ScoringLimits.MaxDays) + "; got " + N(decay.InactiveDays) + ".");
                Check(decay.EveryDays >= 1 && decay.EveryDays <= ScoringLimits.MaxDays, "Model: decay.everyDays must be between 1 and " + N(ScoringLimits.MaxDays) + "; got " + N(decay.EveryDays) + ".");
                Check(decay.Points >= 1 && decay.Points <= ScoringLimits.MaxPoints, "Model: decay.points is the debit per period and must be between 1 and " + N(ScoringLimits.MaxPoints) + "; got " + N(decay.Points) + ".");
                Check(decay.Floor >= 0 && decay.Floor <= model.EngagementCap, "Model: decay.floor must be between 0 and engagementCap (" + N(model.EngagementCap) + "); got " + N(decay.Floor) + ".");
            }

            if (model.HandBack is { } handBack)
            {
                Check(InRange(handBack.Points, 0), "Model: handBack.points must be between 0 and " + N(ScoringLimits.MaxPoints) + "; got " + N(handBack.Points) + ".");
                Check(handBack.MarginBelowThreshold >= 1 && handBack.MarginBelowThreshold <= model.SalesReadyThreshold, "Model: handBack.marginBelowThreshold must be between 1 and salesReadyThreshold (" + N(model.SalesReadyThreshold) + "); got " + N(handBack.MarginBelowThreshold) + ".");
                Check(InRange(handBack.RequalifyEngagement, 0), "Model: handBack.requalifyEngagement must be between 0 and " + N(ScoringLimits.MaxPoints) + "; got " + N(handBack.RequalifyEngagement) + ".");
            }

            Check(model.Rules.Count <= ScoringLimits.MaxRules, "Model: at most " + N(ScoringLimits.MaxRules) + " rules; got " + N(model.Rules.Count) + ".");
            // Compared trimmed: "director" and "director " are the same rule to a reader, so they may not be two.
            foreach (var duplicate in model.Rules.GroupBy(r => (r.Id ?? "").Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1 && g.Key.Length > 0))
            {
                errors.Add("Rule '" + Shown(duplicate.Key) + "': the id is used by " + N(duplicate.Count()) + " rules; rule ids must be unique.");
            }

            foreach (var rule in model.Rules)
            {
                errors.AddRange(ValidateRule(rule));
            }

            return errors;
        }

        /// <summary>Throws one ScoringException listing every problem, or returns the model unchanged.</summary>
        public static ScoringModel EnsureValid(ScoringModel model)
        {
            var errors = Validate(model);
            if (errors.Count > 0)
            {
                throw new ScoringException("The scoring model '" + model.Name + "' is not valid:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", errors));
            }

            return model;
        }

        public static IEnumerable<string> ValidateRule(ScoringRule rule)
        {
            var at = "Rule '" + Shown(rule.Id) + "'";
            if (string.IsNullOrWhiteSpace(rule.Id) || rule.Id.StartsWith("$", StringComparison.Ordinal) || rule.Id.IndexOf('|') >= 0)
            {
                yield return at + ": id is required and may not start with '$' or contain '|'.";
            }

            if (rule.Id != null && (rule.Id.Length > ScoringLimits.MaxRuleIdLength || rule.Id != rule.Id.Trim()))
            {
                yield return at + ": id must be at most " + N(ScoringLimits.MaxRuleIdLength) + " characters without leading or trailing spaces; got " + N(rule.Id.Length) + " characters.";
            }

            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                yield return at + ": name is required.";
            }
            else if (rule.Name.Length > ScoringLimits.MaxRuleNameLength)
            {
                yield return at + ": name has " + N(rule.Name.Length) + " characters; at most " + N(ScoringLimits.MaxRuleNameLength) + " are allowed.";
            }

            if (rule.Conditions.Count > ScoringLimits.MaxConditionsPerRule)
            {
                yield return at + ": at most " + N(ScoringLimits.MaxConditionsPerRule) + " conditions per rule; got " + N(rule.Conditions.Count) + ".";
                yield break;
            }

            if (rule.Points == 0 || rule.Points < -ScoringLimits.MaxPoints || rule.Points > ScoringLimits.MaxPoints)
            {
                yield return at + ": points must be between -" + N(ScoringLimits.MaxPoints) + " and " + N(ScoringLimits.MaxPoints) + " and not 0; got " + N(rule.Points) + ".";
            }

            var table = rule.Kind == RuleKind.UnansweredEmails ? "email" : rule.Table;
            if (rule.Kind == RuleKind.Conditions && !WatchedTables.Contains(table, StringComparer.OrdinalIgnoreCase))
            {
                yield return at + ": table '" + table + "' is not watched; allowed: " + string.Join(", ", WatchedTables) + ".";
            }

            if (rule.Category == Category.Fit && (rule.Kind != RuleKind.Conditions || !string.Equals(table, "lead", StringComparison.OrdinalIgnoreCase)))
            {
                yield return at + ": a fit rule scores the lead's own columns: it needs table 'lead' and plain conditions; got table '" + table + "'.";
            }

            if (rule.Category == Category.Fit && (rule.Limit.Type != LimitType.None || rule.ExpiresAfterDays.HasValue))
            {
                yield return at + ": a fit rule follows the lead's current columns, so it takes no limit and no expiresAfterDays.";
            }

            switch (rule.Kind)
            {
                case RuleKind.UnansweredEmails:
                    if (rule.Count < 1 || rule.Count > 100)
                    {
                        yield return at + ": count (the number of unanswered emails) must be between 1 and 100; got " + N(rule.Count) + ".";
                    }

                    if (rule.Points >= 0)
                    {
                        yield return at + ": an unansweredEmails rule is a debit; points must be negative; got " + N(rule.Points) + ".";
                    }

                    break;
                case RuleKind.ActivityVolume:
                    if (rule.Count < 1 || rule.WithinDays < 1 || rule.WithinDays > ScoringLimits.MaxDays)
                    {
                        yield return at + ": an activityVolume rule needs count ≥ 1 and withinDays between 1 and " + N(ScoringLimits.MaxDays) + "; got count " + N(rule.Count) + ", withinDays " + N(rule.WithinDays) + ".";
                    }

                    break;
            }

            if ((rule.Limit.Type == LimitType.MaxTimes || rule.Limit.Type == LimitType.OncePerDays) && (rule.Limit.Value < 1 || rule.Limit.Value > ScoringLimits.MaxDays))
            {
                yield return at + ": limit " + (rule.Limit.Type == LimitType.MaxTimes ? "maxTimes" : "oncePerDays") + " must be between 1 and " + N(ScoringLimits.MaxDays) + "; got " + N(rule.Limit.Value) + ".";
            }

            if (rule.ExpiresAfterDays.HasValue && (rule.ExpiresAfterDays < 1 || rule.ExpiresAfterDays > ScoringLimits.MaxDays))
            {
                yield return at + ": expiresAfterDays must be between 1 and " + N(ScoringLimits.MaxDays) + "; got " + N(rule.ExpiresAfterDays.Value) + ".";
            }

            foreach (var condition in rule.Conditions)
            {
                var problem = ValidateCondition(condition);
                if (problem != null)
                {
                    yield return at + ", condition on '" + condition.Attribute + "': " + problem;
                }

                if (condition.IsPersona(rule) && (!string.Equals(condition.Table, "lead", StringComparison.Ordinal) || !AllowsPersona(rule)))
                {
                    yield return at + ", condition on '" + condition.Attribute + "': table '" + condition.Table + "' is not allowed; a condition may name the table \"lead\" (the lead's own columns) only in an engagement rule with plain conditions on " + string.Join(", ", WatchedTables.Where(t => t != "lead")) + ".";
                }
            }
        }

        /// <summary>Persona conditions (on the lead's own columns) belong to engagement rules with plain conditions on an activity table.</summary>
        public static bool AllowsPersona(ScoringRule rule) =>
            rule.Category == Category.Engagement && rule.Kind == RuleKind.Conditions && !string.Equals(rule.Table, "lead", StringComparison.OrdinalIgnoreCase) &&
            WatchedTables.Contains(rule.Table, StringComparer.OrdinalIgnoreCase);

        private static string? ValidateCondition(Condition condition)
        {
            if (string.IsNullOrWhiteSpace(condition.Attribute))
            {
                return "attribute is required.";
            }

            if (condition.Attribute.Length > ScoringLimits.MaxAttributeLength)
            {
                return "attribute has " + N(condition.Attribute.Length) + " characters; at most " + N(ScoringLimits.MaxAttributeLength) + " are allowed.";
            }

            var values = condition.Values;
            var count = values.Count;
            switch (condition.Operator)
            {
                case ConditionOperator.Exists:
                case ConditionOperator.NotExists:
                    return count == 0 ? null : "operator " + Name(condition.Operator) + " takes no value; got " + N(count) + ".";
                case ConditionOperator.In:
                case ConditionOperator.NotIn:
                    if (count > ScoringLimits.MaxListValues)
                    {
                        return "operator " + Name(condition.Operator) + " takes at most " + N(ScoringLimits.MaxListValues) + " values; got " + N(count) + ".";
                    }

                    return count >= 1 && values.All(v => v != null) ? null : "operator " + Name(condition.Operator) + " needs a list of one or more values.";
                case ConditionOperator.Between:
                    if (count != 2 || !values.All(IsOrderable))
                    {
                        return "operator between needs exactly two numbers or dates [low, high]; got " + Describe(values) + ".";
                    }

                    return Conditions.Compare(values[0], values[1]) <= 0 ? null : "operator between needs low ≤ high; got " + Describe(values) + ".";
                case ConditionOperator.GreaterThan:
                case ConditionOperator.GreaterOrEqual:
                case ConditionOperator.LessThan:
                case ConditionOperator.LessOrEqual:
                    return count == 1 && IsOrderable(values[0]) ? null : "operator " + Name(condition.Operator) + " needs one number or date; got " + Describe(values) + ".";
                case ConditionOperator.Contains:
                case ConditionOperator.BeginsWith:
                case ConditionOperator.EndsWith:
                    return count == 1 && values[0] is string s && s.Length > 0 ? null : "operator " + Name(condition.Operator) + " needs one non-empty text value; got " + Describe(values) + ".";
                default:
                    return count == 1 && values[0] != null ? null : "operator " + Name(condition.Operator) + " needs one value; got " + Describe(values) + ".";
            }
        }

        private static void CheckBands(IReadOnlyList<int> bands, string field, List<string> errors)
        {
            for (var i = 1; i < bands.Count; i++)
            {
                if (bands[i] >= bands[i - 1])
                {
                    errors.Add("Model: " + field + " must be strictly descending thresholds (best band first); got [" + string.Join(", ", bands.Select(N)) + "].");
                    return;
                }
            }

            if (bands.Count > 8)
            {
                errors.Add("Model: " + field + " has at most 8 thresholds; got " + N(bands.Count) + ".");
            }
        }

        /// <summary>The model file's spelling of an operator (equals, notEquals, …).</summary>
        public static string Name(ConditionOperator op) => op == ConditionOperator.EqualsTo
            ? "equals"
            : char.ToLowerInvariant(op.ToString()[0]) + op.ToString().Substring(1);

        private static bool IsOrderable(object? value) => Conditions.TryNumber(value, out _) || value is DateTime ||
            (value is string s && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));

        private static bool InRange(int value, int min) => value >= min && value <= ScoringLimits.MaxPoints;

        private static string Describe(IReadOnlyList<object?> values) =>
            values.Count == 0 ? "no value" : "[" + string.Join(", ", values.Select(v => v == null ? "null" : Convert.ToString(v, CultureInfo.InvariantCulture))) + "]";

        /// <summary>An id as messages show it: a hostile 100,000-character id is cut, not echoed whole.</summary>
        private static string Shown(string? id) =>
            id == null ? "" : id.Length <= ScoringLimits.MaxRuleIdLength ? id : id.Substring(0, 40) + "…(" + N(id.Length) + " characters)";

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
