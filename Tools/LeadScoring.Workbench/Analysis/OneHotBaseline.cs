using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// The yardstick for calibrate: a plain logistic regression on the raw columns (numbers
    /// standardised, categories one-hot, a flag per column for missing), fitted on one part of the
    /// leads and measured on the other. No binning, no points, no rounding.
    /// </summary>
    internal static class OneHotBaseline
    {
        public static double HoldoutAuc(LeadsTable train, bool[] trainConverted, LeadsTable holdout, bool[] holdoutConverted, ISet<int> excluded)
        {
            var encoders = Enumerable.Range(0, train.Headers.Count)
                .Where(c => !excluded.Contains(c))
                .Select(c => Encoder.For(c, train.Rows.Select(r => r[c]).ToArray()))
                .Where(e => e is not null)
                .Select(e => e!)
                .ToArray();

            double[] Encode(string[] row) => encoders.SelectMany(e => e.Encode(row[e.Column])).ToArray();
            var model = LogisticRegression.Fit(train.Rows.Select(Encode).ToArray(), trainConverted);
            return Metrics.Auc(holdout.Rows.Select(r => model.LogOdds(Encode(r))).ToArray(), holdoutConverted);
        }

        private sealed class Encoder
        {
            private readonly string[]? _categories;
            private readonly double _mean;
            private readonly double _spread;

            private Encoder(int column, string[]? categories, double mean, double spread)
            {
                Column = column;
                _categories = categories;
                _mean = mean;
                _spread = spread;
            }

            public int Column { get; }

            /// <summary>An encoder for the column, or null for identifiers and empty columns.</summary>
            public static Encoder? For(int column, string[] cells)
            {
                var present = cells.Where(v => v.Length > 0).ToArray();
                if (present.Length == 0)
                {
                    return null;
                }

                if (present.All(v => Conditions.TryNumber(v, out _)))
                {
                    var numbers = present.Select(v => { Conditions.TryNumber(v, out decimal d); return (double)d; }).ToArray();
                    double mean = numbers.Average();
                    double spread = Math.Sqrt(numbers.Average(x => (x - mean) * (x - mean)));
                    return numbers.Distinct().Count() == numbers.Length ? null : new Encoder(column, null, mean, spread == 0 ? 1 : spread);
                }

                var categories = present.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(v => v, StringComparer.OrdinalIgnoreCase).ToArray();
                return categories.Length > present.Length / 2 ? null : new Encoder(column, categories, 0, 1);
            }

            public IEnumerable<double> Encode(string cell)
            {
                yield return cell.Length == 0 ? 1 : 0;
                if (_categories is null)
                {
                    yield return Conditions.TryNumber(cell, out decimal d) ? ((double)d - _mean) / _spread : 0;
                    yield break;
                }

                foreach (string category in _categories)
                {
                    yield return string.Equals(cell, category, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                }
            }
        }
    }
}
