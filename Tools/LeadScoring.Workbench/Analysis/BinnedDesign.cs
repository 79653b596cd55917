using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// The regression's view of binned columns: one 0/1 feature per bin (each column's largest bin is
    /// the reference and has none, so the features are not collinear) plus one per two-condition
    /// rule. A bin with fewer than the proven minimum of leads has no feature either: it has too
    /// little evidence to earn points of its own.
    /// </summary>
    internal sealed class BinnedDesign
    {
        private readonly int[][] _binOf;
        private readonly int[][] _feature;
        private readonly List<bool[]> _interactions = new();
        private readonly int _binFeatures;

        /// <param name="binOf">Per column, per row: the index of the bin the row falls in.</param>
        /// <param name="binLeads">Per column, per bin: the leads the bins were built from.</param>
        public BinnedDesign(int[][] binOf, IReadOnlyList<IReadOnlyList<int>> binLeads, int minimumProven)
        {
            _binOf = binOf;
            _feature = new int[binOf.Length][];
            int next = 0;
            for (int c = 0; c < binOf.Length; c++)
            {
                var leads = binLeads[c];
                int reference = Enumerable.Range(0, leads.Count).OrderByDescending(b => leads[b]).First();
                _feature[c] = Enumerable.Range(0, leads.Count).Select(b => b == reference || leads[b] < minimumProven ? -1 : next++).ToArray();
            }

            _binFeatures = next;
        }

        public int Rows => _binOf.Length == 0 ? 0 : _binOf[0].Length;

        public int Interactions => _interactions.Count;

        /// <summary>Whether the bin has a feature (it is neither the reference nor unproven).</summary>
        public bool Proven(int column, int bin) => _feature[column][bin] >= 0;

        public int BinOf(int column, int row) => _binOf[column][row];

        public void AddInteraction(bool[] rows) => _interactions.Add(rows);

        public void RemoveLastInteraction() => _interactions.RemoveAt(_interactions.Count - 1);

        public LogisticRegression Fit(IReadOnlyList<int> rows, IReadOnlyList<bool> converted, double penalty) =>
            LogisticRegression.Fit(rows.Select(Row).ToArray(), rows.Select(r => converted[r]).ToArray(), penalty);

        public double LogOdds(LogisticRegression fit, int row) => fit.LogOdds(Row(row));

        /// <summary>The bin's coefficient against its column's reference bin (0 for the reference and unproven bins).</summary>
        public double Coefficient(LogisticRegression fit, int column, int bin) =>
            _feature[column][bin] is int f and >= 0 ? fit.Weights[f] : 0;

        public double InteractionCoefficient(LogisticRegression fit, int interaction) => fit.Weights[_binFeatures + interaction];

        /// <summary>
        /// Out-of-fold predictions of a k-fold cross-validation on the rows (row i in fold i mod k):
        /// each fold is predicted by a fit on the others.
        /// </summary>
        public double[] CrossValidate(IReadOnlyList<bool> converted, double penalty, int folds)
        {
            var logOdds = new double[Rows];
            for (int fold = 0; fold < folds; fold++)
            {
                int f = fold;
                var fit = Fit(Enumerable.Range(0, Rows).Where(r => r % folds != f).ToArray(), converted, penalty);
                for (int r = f; r < Rows; r += folds)
                {
                    logOdds[r] = LogOdds(fit, r);
                }
            }

            return logOdds;
        }

        /// <summary>The log-likelihood of the outcomes under the log-odds.</summary>
        public static double LogLikelihood(IReadOnlyList<double> logOdds, IReadOnlyList<bool> converted)
        {
            double sum = 0;
            for (int r = 0; r < logOdds.Count; r++)
            {
                double z = converted[r] ? logOdds[r] : -logOdds[r];
                sum -= Math.Log(1 + Math.Exp(-z));
            }

            return sum;
        }

        private double[] Row(int r)
        {
            var x = new double[_binFeatures + _interactions.Count];
            for (int c = 0; c < _binOf.Length; c++)
            {
                if (_feature[c][_binOf[c][r]] is int f and >= 0)
                {
                    x[f] = 1;
                }
            }

            for (int k = 0; k < _interactions.Count; k++)
            {
                x[_binFeatures + k] = _interactions[k][r] ? 1 : 0;
            }

            return x;
        }
    }
}
