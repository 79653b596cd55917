using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>What checking a model's columns found: the rules with labels resolved to values, errors and warnings.</summary>
    public sealed class ColumnCheckResult
    {
        public ColumnCheckResult(IReadOnlyList<ScoringRule> rules, IReadOnlyList<string> errors, IReadOnlyList<string> warnings)
        {
            Rules = rules;
            Errors = errors;
            Warnings = warnings;
        }

        /// <summary>The rules with every choice or two-option label replaced by its value (as the plug-ins compare them).</summary>
        public IReadOnlyList<ScoringRule> Rules { get; }

        public IReadOnlyList<string> Errors { get; }

        public IReadOnlyList<string> Warnings { get; }
    }

    /// <summary>
    /// Checks every condition against the columns of its table: the column exists, the operator fits
    /// its type, the values have its type, and choice labels name one of its options (resolved to the
    /// value). Each message names the rule, the condition (1-based), the table and column, and what
    /// exists, with a "did you mean" for a near miss. Pure: the column source decides offline or online.
    /// </summary>
    public static class ColumnCheck
    {
        private const int ListedAtMost = 40;

        public static ScoringModel Resolve(ScoringModel model, IColumnSource columns, out ColumnCheckResult result)
        {
            result = Check(model.Rules, columns);
            return model with { Rules = result.Rules };
        }

        public static ColumnCheckResult Check(IEnumerable<ScoringRule> rules, IColumnSource columns)
        {
            var errors = new List<string>();
            var warnings = new List<string>();
            var resolved = new List<ScoringRule>();
            foreach (var rule in rules)
            {
                var conditions = new List<Condition>();
                for (var i = 0; i < rule.Conditions.Count; i++)
                {
                    conditions.Add(CheckCondition(rule, i, columns, errors, warnings));
                }

                resolved.Add(rule with { Conditions = conditions });
            }

            return new ColumnCheckResult(resolved, errors, warnings);
        }

        /// <summary>The labels of a choice or two-option column's values, e.g. "Asset Download" for 100000001; empty for other columns.</summary>
        public static string LabelsOf(TableColumn column, IEnumerable<object?> values) =>
            string.Join(", ", values.Select(v => column.Options.FirstOrDefault(o => Conditions.AreEqual(o.Value, v))?.Label).Where(l => l != null));

        /// <summary>The table a condition reads: its own (a persona condition's lead), else the rule's (emails for the unanswered-emails kind).</summary>
        public static string TableOf(ScoringRule rule, Condition condition) =>
            condition.Table ?? (rule.Kind == RuleKind.UnansweredEmails ? "email" : rule.Table);

        /// <summary>Letters and digits only, lower case: "Asset Download", "asset download" and "AssetDownload" are one label.</summary>
        public static string LabelKey(string label) => new string(label.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

        /// <summary>A custom column has a publisher prefix other than this solution's own (ls_), e.g. new_noshow.</summary>
        public static bool IsCustom(string column)
        {
            var underscore = column.IndexOf('_');
            return underscore > 0 && underscore < column.Length - 1 && !column.StartsWith("ls_", StringComparison.Ordinal);
        }

        private static Condition CheckCondition(ScoringRule rule, int index, IColumnSource source, List<string> errors, List<string> warnings)
        {
            var condition = rule.Conditions[index];
            var table = TableOf(rule, condition);
            var columns = source.Columns(table);
            if (columns == null || string.IsNullOrWhiteSpace(condition.Attribute))
            {
                return condition; // the model validator names an unknown table or a missing attribute
            }

            var at = "Rule '" + rule.Id + "', condition " + (index + 1).ToString(CultureInfo.InvariantCulture) + ": ";
            var column = columns.FirstOrDefault(c => string.Equals(c.Name, condition.Attribute, StringComparison.Ordinal));
            if (column == null)
            {
                if (source.IsCatalogue && IsCustom(condition.Attribute))
                {
                    warnings.Add(at + "'" + condition.Attribute + "' is not a column the product knows on " + table + "; as a custom column it is checked against the org's metadata when the model is imported.");
                }
                else
                {
                    errors.Add(at + Missing(rule, table, condition.Attribute, columns, source));
                }

                return condition;
            }

            var name = table + "." + column.Name;
            var problem = OperatorProblem(condition.Operator, column, name);
            if (problem != null)
            {
                errors.Add(at + problem);
                return condition;
            }

            var values = new List<object?>();
            foreach (var value in condition.Values)
            {
                values.Add(Resolve(value, column, name, out problem));
                if (problem != null)
                {
                    errors.Add(at + problem);
                    return condition;
                }
            }

            return condition with { Values = values };
        }

        private static string Missing(ScoringRule rule, string table, string attribute, IReadOnlyCollection<TableColumn> columns, IColumnSource source)
        {
            var names = columns.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var message = table + " has no column '" + attribute + "'";
            var near = Nearest(attribute, names);
            if (near != null)
            {
                return message + "; did you mean '" + near + "'?";
            }

            var elsewhere = ModelValidator.WatchedTables.Where(t => t != table && (source.Columns(t)?.Any(c => c.Name == attribute) ?? false)).ToList();
            if (elsewhere.Count > 0)
            {
                message += "; '" + attribute + "' is a column of " + string.Join(" and ", elsewhere) + ", not of " + table;
                if (elsewhere.Contains("lead") && ModelValidator.AllowsPersona(rule))
                {
                    message += " (a condition on the lead's own column names its table: {\"table\":\"lead\",\"attribute\":\"" + attribute + "\",…})";
                }
            }

            return message + "; " + table + " columns: " + List(names) + ".";
        }

        private static string? OperatorProblem(ConditionOperator op, TableColumn column, string name)
        {
            switch (op)
            {
                case ConditionOperator.Exists:
                case ConditionOperator.NotExists:
                    return null;
                case ConditionOperator.Contains:
                case ConditionOperator.BeginsWith:
                case ConditionOperator.EndsWith:
                    return column.Type == ColumnType.Text ? null
                        : "operator " + ModelValidator.Name(op) + " compares text, but " + name + " is " + Describe(column.Type) + "; use " + Suggest(column.Type) + ".";
                case ConditionOperator.GreaterThan:
                case ConditionOperator.GreaterOrEqual:
                case ConditionOperator.LessThan:
                case ConditionOperator.LessOrEqual:
                case ConditionOperator.Between:
                    return column.Type is ColumnType.WholeNumber or ColumnType.Decimal or ColumnType.Money or ColumnType.DateTime ? null
                        : "operator " + ModelValidator.Name(op) + " compares numbers and dates, but " + name + " is " + Describe(column.Type) + "; use " + Suggest(column.Type) + ".";
                default:
                    return column.Type != ColumnType.Other ? null
                        : name + " is " + Describe(column.Type) + "; conditions can only test it with exists or notExists.";
            }
        }

        private static object? Resolve(object? value, TableColumn column, string name, out string? problem)
        {
            problem = null;
            switch (column.Type)
            {
                case ColumnType.Text:
                    if (value is string)
                    {
                        return value;
                    }

                    break;
                case ColumnType.WholeNumber:
                    if (IsNumber(value) && Conditions.TryNumber(value, out var whole) && whole == decimal.Truncate(whole))
                    {
                        return whole;
                    }

                    break;
                case ColumnType.Decimal:
                case ColumnType.Money:
                    if (IsNumber(value) && Conditions.TryNumber(value, out var number))
                    {
                        return number;
                    }

                    break;
                case ColumnType.DateTime:
                    if (value is DateTime || (value is string s && s.Length >= 10 && s[4] == '-' &&
                        DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _)))
                    {
                        return value;
                    }

                    break;
                case ColumnType.Lookup:
                    if (value is string id && Guid.TryParse(id, out _))
                    {
                        return value;
                    }

                    break;
                case ColumnType.Boolean:
                case ColumnType.Choice:
                    return Option(value, column, name, out problem);
            }

            problem = Show(value) + " is not " + ValueWord(column.Type) + "; " + name + " is " + Describe(column.Type) + ".";
            if (column.Type == ColumnType.Text && value != null)
            {
                problem += " Write text in quotes: \"" + Show(value).Trim('\'') + "\".";
            }

            return value;
        }

        /// <summary>A choice takes one of its values or labels; a two-option column true, false or one of its two labels.</summary>
        private static object? Option(object? value, TableColumn column, string name, out string? problem)
        {
            problem = null;
            if (value is string label && !(column.Type == ColumnType.Choice && IsNumeric(label)))
            {
                var match = column.Options.FirstOrDefault(o => LabelKey(o.Label) == LabelKey(label));
                if (match != null)
                {
                    return match.Value is bool ? match.Value : Convert.ToDecimal(match.Value, CultureInfo.InvariantCulture);
                }

                if (column.Type == ColumnType.Boolean && bool.TryParse(label, out var flag))
                {
                    return flag;
                }

                var near = Nearest(label, column.Options.Select(o => o.Label).ToList());
                problem = "'" + label + "' is not a label of " + name + "; labels: " + List(column.Options.Select(o => o.Label).ToList()) + "." +
                    (near != null ? " Did you mean '" + near + "'?" : "");
                return value;
            }

            if (column.Type == ColumnType.Boolean && value is bool)
            {
                return value;
            }

            if (column.Type == ColumnType.Choice && Conditions.TryNumber(value, out var number) && number == decimal.Truncate(number) &&
                (column.Options.Count == 0 || column.Options.Any(o => Conditions.AreEqual(o.Value, number))))
            {
                return number;
            }

            problem = Show(value) + " is not " + (column.Type == ColumnType.Boolean ? "true, false or a label" : "a value or label") + " of " + name + "; " +
                (column.Type == ColumnType.Boolean ? "labels: " : "values: ") +
                List(column.Options.Select(o => o.Label + " (" + Show(o.Value).Trim('\'') + ")").ToList()) + ".";
            return value;
        }

        /// <summary>The closest name within two edits (and a third of its length), or null.</summary>
        private static string? Nearest(string wrong, IReadOnlyList<string> names)
        {
            var key = wrong.ToLowerInvariant();
            return names
                .Select(n => new { Name = n, Distance = Distance(key, n.ToLowerInvariant()) })
                .Where(c => c.Distance <= Math.Min(2, Math.Max(1, key.Length / 3)))
                .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => c.Name)
                .FirstOrDefault();
        }

        /// <summary>Edits between two words, a swap of neighbours counting as one (optimal string alignment).</summary>
        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (var j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                    }
                }
            }

            return d[a.Length, b.Length];
        }

        private static string List(IReadOnlyList<string> items) =>
            items.Count <= ListedAtMost ? string.Join(", ", items) : string.Join(", ", items.Take(ListedAtMost)) + ", … (" + items.Count.ToString(CultureInfo.InvariantCulture) + " in all)";

        private static bool IsNumber(object? value) => value is decimal or int or long or double;

        private static bool IsNumeric(string text) => decimal.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

        private static string Show(object? value) => value switch
        {
            null => "null",
            string s => "'" + s + "'",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        private static string Describe(ColumnType type) => type switch
        {
            ColumnType.Text => "a text column",
            ColumnType.WholeNumber => "a whole number column",
            ColumnType.Decimal => "a number column",
            ColumnType.Money => "a currency column",
            ColumnType.DateTime => "a date and time column",
            ColumnType.Boolean => "a yes/no column",
            ColumnType.Choice => "a choice column",
            ColumnType.Lookup => "a lookup column (a row's id)",
            _ => "a column of another kind",
        };

        private static string ValueWord(ColumnType type) => type switch
        {
            ColumnType.Text => "text",
            ColumnType.WholeNumber => "a whole number",
            ColumnType.Decimal or ColumnType.Money => "a number",
            ColumnType.DateTime => "an ISO-8601 date and time",
            _ => "a row id (a GUID)",
        };

        private static string Suggest(ColumnType type) => type switch
        {
            ColumnType.Text => "equals, in, contains, beginsWith or endsWith",
            ColumnType.WholeNumber or ColumnType.Decimal or ColumnType.Money or ColumnType.DateTime => "equals, greaterThan, lessThan or between",
            ColumnType.Other => "exists or notExists",
            _ => "equals, notEquals, in or notIn with values or labels",
        };
    }
}
