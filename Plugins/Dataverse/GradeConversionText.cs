using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// The text form of a model's grade conversion in ls_scoringmodel.ls_gradeconversion:
    /// "backtest 2026-05-01 240 A1=26/30 A2=43/50 …" (source, date measured, leads, then grade=converted/leads).
    /// </summary>
    public static class GradeConversionText
    {
        public static string Format(GradeConversion c) =>
            string.Join(" ", new[] { c.Source, c.MeasuredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(c.Leads) }
                .Concat(c.Grades.Select(g => g.Grade + "=" + N(g.Converted) + "/" + N(g.Leads))));

        /// <summary>The figures, or null when the column is empty or not in this form (the card then shows nothing).</summary>
        public static GradeConversion? Parse(string? text)
        {
            var parts = (text ?? "").Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3
                || !DateTime.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var on)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int leads))
            {
                return null;
            }

            var grades = new List<GradeOutcome>();
            foreach (var part in parts.Skip(3))
            {
                var eq = part.Split('=');
                var counts = eq.Length == 2 ? eq[1].Split('/') : Array.Empty<string>();
                if (counts.Length != 2
                    || !int.TryParse(counts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int converted)
                    || !int.TryParse(counts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int inGrade))
                {
                    return null;
                }

                grades.Add(new GradeOutcome(eq[0], inGrade, converted));
            }

            var result = new GradeConversion(parts[0], DateTime.SpecifyKind(on.Date, DateTimeKind.Utc), leads, grades);
            return result.Problem() == null ? result : null;
        }

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
