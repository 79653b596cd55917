using System;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// Evaluates one condition against a lead-table cell read from CSV ("" is missing). Text
    /// comparisons are case-insensitive; numbers compare as numbers; a missing cell matches only
    /// notExists. between is inclusive at both ends.
    /// </summary>
    internal static class ConditionMatcher
    {
        public static bool Matches(Condition condition, string cell)
        {
            if (cell.Length == 0)
            {
                return condition.Operator == ConditionOperator.NotExists;
            }

            var values = condition.Values;
            switch (condition.Operator)
            {
                case ConditionOperator.Exists: return true;
                case ConditionOperator.NotExists: return false;
                case ConditionOperator.EqualsTo: return values.Count == 1 && Equal(cell, values[0]);
                case ConditionOperator.NotEquals: return values.Count == 1 && !Equal(cell, values[0]);
                case ConditionOperator.In: return values.Any(v => Equal(cell, v));
                case ConditionOperator.NotIn: return !values.Any(v => Equal(cell, v));
                case ConditionOperator.Contains: return values.Count == 1 && cell.Contains(Text(values[0]), StringComparison.OrdinalIgnoreCase);
                case ConditionOperator.BeginsWith: return values.Count == 1 && cell.StartsWith(Text(values[0]), StringComparison.OrdinalIgnoreCase);
                case ConditionOperator.EndsWith: return values.Count == 1 && cell.EndsWith(Text(values[0]), StringComparison.OrdinalIgnoreCase);
                case ConditionOperator.Between:
                    return values.Count == 2 && Compare(cell, values[0]) is >= 0 && Compare(cell, values[1]) is <= 0;
                default:
                    int? order = values.Count == 1 ? Compare(cell, values[0]) : null;
                    return order is int o && condition.Operator switch
                    {
                        ConditionOperator.GreaterThan => o > 0,
                        ConditionOperator.GreaterOrEqual => o >= 0,
                        ConditionOperator.LessThan => o < 0,
                        _ => o <= 0,
                    };
            }
        }

        public static bool TryNumber(string cell, out decimal number) =>
            decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

        private static bool Equal(string cell, object? value) => value switch
        {
            decimal d => TryNumber(cell, out decimal n) && n == d,
            bool b => ParseBool(cell) == b,
            _ => string.Equals(cell, Text(value), StringComparison.OrdinalIgnoreCase),
        };

        /// <summary>The order of the cell against a numeric value, or null when either is not a number.</summary>
        private static int? Compare(string cell, object? value) =>
            value is decimal d && TryNumber(cell, out decimal n) ? n.CompareTo(d) : null;

        private static bool? ParseBool(string cell) => cell.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => null,
        };

        private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }
}
