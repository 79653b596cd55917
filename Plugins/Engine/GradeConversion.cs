using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>How many leads of one grade a backtest saw, and how many of them converted.</summary>
    public sealed record GradeOutcome(string Grade, int Leads, int Converted)
    {
        public double ConversionRate => Leads == 0 ? 0 : (double)Converted / Leads;
    }

    /// <summary>
    /// What each grade of a model meant in its last backtest: kept with the model version,
    /// so a sales rep sees that "A2" converted 86 % of the time in a sample of 240 leads measured on a date.
    /// </summary>
    public sealed record GradeConversion(string Source, DateTime MeasuredOn, int Leads, IReadOnlyList<GradeOutcome> Grades)
    {
        /// <summary>Where the figures come from: the workbench's backtest (the only run that writes them).</summary>
        public static readonly IReadOnlyList<string> Sources = new[] { "backtest" };

        public GradeOutcome? For(string? grade) => grade == null ? null : Grades.FirstOrDefault(g => string.Equals(g.Grade, grade, StringComparison.Ordinal));

        /// <summary>What is wrong with the figures, or null: a known source, counts that add up.</summary>
        public string? Problem()
        {
            if (!Sources.Contains(Source))
            {
                return $"grade conversion source '{Source}' is not allowed; allowed: {string.Join(", ", Sources)}";
            }

            if (Grades.Count > 100)
            {
                return $"grade conversion may list at most 100 grades; got {Grades.Count}";
            }

            if (Leads < 1)
            {
                return $"grade conversion needs at least 1 lead; got {Leads}";
            }

            foreach (var g in Grades)
            {
                if (string.IsNullOrWhiteSpace(g.Grade) || g.Grade.Length > 10 || g.Leads < 1 || g.Converted < 0 || g.Converted > g.Leads)
                {
                    return $"grade conversion of grade '{g.Grade}': {g.Converted} converted of {g.Leads} leads is not possible";
                }
            }

            int sum = Grades.Sum(g => g.Leads);
            return sum == Leads ? null : $"grade conversion: the grades hold {sum} leads, not {Leads}";
        }
    }
}
