using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// The text an admin types in a condition's value column: a JSON scalar or array
    /// ("director", 5, true, ["Web","Partner"], [50, 500]) or, for convenience, bare text (director).
    /// Small and dependency-free because it runs in the plug-in sandbox.
    /// </summary>
    public static class ConditionValueText
    {
        /// <summary>The length of the column the text is stored in (ls_scoringcondition.ls_value).</summary>
        public const int MaxLength = 4000;

        public static IReadOnlyList<object?> Parse(string? text)
        {
            var trimmed = (text ?? "").Trim();
            if (trimmed.Length == 0)
            {
                return Array.Empty<object?>();
            }

            if (trimmed[0] != '[')
            {
                return new[] { Scalar(trimmed) };
            }

            if (trimmed[trimmed.Length - 1] != ']')
            {
                throw new FormatException("A list of values must end with ']': " + trimmed);
            }

            return SplitList(trimmed.Substring(1, trimmed.Length - 2)).Select(Scalar).ToList();
        }

        public static string Format(IReadOnlyList<object?> values) => values.Count == 1 ? Literal(values[0]) : "[" + string.Join(",", values.Select(Literal)) + "]";

        private static object? Scalar(string token)
        {
            var t = token.Trim();
            if (t.Length >= 2 && t[0] == '"' && t[t.Length - 1] == '"')
            {
                return Unescape(t.Substring(1, t.Length - 2));
            }

            if (t == "null")
            {
                return null;
            }

            if (t == "true" || t == "false")
            {
                return t == "true";
            }

            return decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : (object)t;
        }

        private static IEnumerable<string> SplitList(string body)
        {
            var current = new StringBuilder();
            var inString = false;
            for (var i = 0; i < body.Length; i++)
            {
                var c = body[i];
                if (c == '\\' && inString && i + 1 < body.Length)
                {
                    current.Append(c).Append(body[++i]);
                    continue;
                }

                if (c == '"')
                {
                    inString = !inString;
                }

                if (c == ',' && !inString)
                {
                    yield return current.ToString();
                    current.Clear();
                    continue;
                }

                current.Append(c);
            }

            if (inString)
            {
                throw new FormatException("A quoted value is not closed: " + body);
            }

            if (current.ToString().Trim().Length > 0)
            {
                yield return current.ToString();
            }
        }

        private static string Unescape(string s)
        {
            var result = new StringBuilder(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    i++;
                    result.Append(s[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => s[i] });
                }
                else
                {
                    result.Append(s[i]);
                }
            }

            return result.ToString();
        }

        private static string Literal(object? value) => value switch
        {
            null => "null",
            bool b => b ? "true" : "false",
            string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            DateTime d => "\"" + d.ToString("o", CultureInfo.InvariantCulture) + "\"",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => "\"" + value + "\"",
        };
    }
}
