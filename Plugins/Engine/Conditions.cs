using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>
    /// The one condition evaluator: the plug-ins (plain column values) and the workbench (CSV cells,
    /// "" is missing) both call it. Numbers compare as numbers, dates as dates, booleans as booleans
    /// (true/false, yes/no), anything else as case-insensitive trimmed text. A missing value (null or
    /// blank) matches exists-not, does-not-equal and is-not-one-of only, as Dynamics 365's Advanced
    /// Find returns empty values for "does not equal" (https://www.powerobjects.com/2016/08/02/boolean-blitz-when-two-options-are-actually-three/).
    /// </summary>
    public static class Conditions
    {
        public static bool AllMatch(IReadOnlyList<Condition> conditions, IReadOnlyDictionary<string, object?> attributes)
        {
            foreach (var condition in conditions)
            {
                attributes.TryGetValue(condition.Attribute, out var value);
                if (!Matches(condition, value))
                {
                    return false;
                }
            }

            return true;
        }

        public static bool Matches(Condition condition, object? value)
        {
            var values = condition.Values;
            switch (condition.Operator)
            {
                case ConditionOperator.Exists: return !IsEmpty(value);
                case ConditionOperator.NotExists: return IsEmpty(value);
            }

            if (IsEmpty(value))
            {
                return condition.Operator is ConditionOperator.NotEquals or ConditionOperator.NotIn;
            }

            switch (condition.Operator)
            {
                case ConditionOperator.EqualsTo: return AreEqual(value, values[0]);
                case ConditionOperator.NotEquals: return !AreEqual(value, values[0]);
                case ConditionOperator.In: return values.Any(v => AreEqual(value, v));
                case ConditionOperator.NotIn: return !values.Any(v => AreEqual(value, v));
                case ConditionOperator.Contains: return Text(value).IndexOf(Text(values[0]), StringComparison.OrdinalIgnoreCase) >= 0;
                case ConditionOperator.BeginsWith: return Text(value).StartsWith(Text(values[0]), StringComparison.OrdinalIgnoreCase);
                case ConditionOperator.EndsWith: return Text(value).EndsWith(Text(values[0]), StringComparison.OrdinalIgnoreCase);
                case ConditionOperator.GreaterThan: return Compare(value, values[0]) > 0;
                case ConditionOperator.GreaterOrEqual: return Compare(value, values[0]) >= 0;
                case ConditionOperator.LessThan: return Compare(value, values[0]) < 0;
                case ConditionOperator.LessOrEqual: return Compare(value, values[0]) <= 0;
                case ConditionOperator.Between: return Compare(value, values[0]) >= 0 && Compare(value, values[1]) <= 0;
                default: throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "Unknown condition operator.");
            }
        }

        public static bool IsEmpty(object? value) => value is null || (value is string s && s.Trim().Length == 0);

        public static bool AreEqual(object? left, object? right)
        {
            if (TryNumber(left, out var a) && TryNumber(right, out var b))
            {
                return a == b;
            }

            if (TryBoolean(left, out var x) && TryBoolean(right, out var y))
            {
                return x == y;
            }

            if (TryDate(left, out var d1) && TryDate(right, out var d2))
            {
                return d1 == d2;
            }

            return string.Equals(Text(left).Trim(), Text(right).Trim(), StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Orders numbers as numbers, dates as dates, anything else as case-insensitive text.</summary>
        public static int Compare(object? left, object? right)
        {
            if (TryNumber(left, out var a) && TryNumber(right, out var b))
            {
                return a.CompareTo(b);
            }

            if (TryDate(left, out var d1) && TryDate(right, out var d2))
            {
                return d1.CompareTo(d2);
            }

            return string.Compare(Text(left), Text(right), StringComparison.OrdinalIgnoreCase);
        }

        public static bool TryNumber(object? value, out decimal number)
        {
            switch (value)
            {
                case decimal d: number = d; return true;
                case int i: number = i; return true;
                case long l: number = l; return true;
                case double f when !double.IsNaN(f) && !double.IsInfinity(f) && Math.Abs(f) < 7.9e27: number = (decimal)f; return true;
                case string s: return decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out number);
                default: number = 0; return false;
            }
        }

        private static bool TryBoolean(object? value, out bool result)
        {
            switch (value)
            {
                case bool b: result = b; return true;
                case string s when s.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase): result = true; return true;
                case string s when s.Trim().Equals("no", StringComparison.OrdinalIgnoreCase): result = false; return true;
                case string s: return bool.TryParse(s.Trim(), out result);
                default: result = false; return false;
            }
        }

        private static bool TryDate(object? value, out DateTime result)
        {
            switch (value)
            {
                case DateTime d: result = d.ToUniversalTime(); return true;
                case string s when s.Length >= 10 && s[4] == '-':
                    return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out result);
                default: result = default; return false;
            }
        }

        private static string Text(object? value) => value switch
        {
            null => "",
            string s => s,
            DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
