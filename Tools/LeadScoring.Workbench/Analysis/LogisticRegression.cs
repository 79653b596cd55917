using System;
using System.Collections.Generic;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// Logistic regression fitted by Newton's method (iteratively reweighted least squares) with a
    /// small L2 penalty on the weights (not the intercept), so that collinear or separable columns
    /// still give finite, stable coefficients. Deterministic; no external libraries.
    /// </summary>
    internal sealed class LogisticRegression
    {
        private LogisticRegression(double intercept, double[] weights)
        {
            Intercept = intercept;
            Weights = weights;
        }

        public double Intercept { get; }

        public IReadOnlyList<double> Weights { get; }

        /// <summary>Fits log-odds(converted) = intercept + Σ weight·x to the rows.</summary>
        public static LogisticRegression Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> converted, double penalty = 1.0, int maxIterations = 50)
        {
            int p = rows.Count == 0 ? 0 : rows[0].Length;
            var beta = new double[p + 1]; // [0] is the intercept
            for (int iteration = 0; iteration < maxIterations; iteration++)
            {
                var hessian = new double[p + 1, p + 1];
                var gradient = new double[p + 1];
                var x = new double[p + 1];
                var present = new int[p + 1];
                x[0] = 1;
                for (int r = 0; r < rows.Count; r++)
                {
                    Array.Copy(rows[r], 0, x, 1, p);

                    // One-hot rows are mostly zeros: only the non-zero entries add to the sums.
                    int count = 0;
                    for (int i = 0; i <= p; i++)
                    {
                        if (x[i] != 0)
                        {
                            present[count++] = i;
                        }
                    }

                    double logOdds = 0;
                    for (int k = 0; k < count; k++)
                    {
                        logOdds += beta[present[k]] * x[present[k]];
                    }

                    double prob = Sigmoid(logOdds);
                    double weight = Math.Max(prob * (1 - prob), 1e-10);
                    double residual = (converted[r] ? 1 : 0) - prob;
                    for (int a = 0; a < count; a++)
                    {
                        int i = present[a];
                        gradient[i] += residual * x[i];
                        double wx = weight * x[i];
                        for (int b = 0; b <= a; b++)
                        {
                            hessian[i, present[b]] += wx * x[present[b]];
                        }
                    }
                }

                for (int i = 1; i <= p; i++)
                {
                    gradient[i] -= penalty * beta[i];
                    hessian[i, i] += penalty;
                }

                double[] step = SolveSymmetric(hessian, gradient);
                double largest = 0;
                for (int i = 0; i <= p; i++)
                {
                    beta[i] += step[i];
                    largest = Math.Max(largest, Math.Abs(step[i]));
                }

                if (largest < 1e-9)
                {
                    break;
                }
            }

            return new LogisticRegression(beta[0], beta[1..]);
        }

        public double LogOdds(double[] row)
        {
            double sum = Intercept;
            for (int i = 0; i < row.Length; i++)
            {
                sum += Weights[i] * row[i];
            }

            return sum;
        }

        public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

        /// <summary>Solves A·x = b for a symmetric positive definite A given by its lower triangle (Cholesky).</summary>
        private static double[] SolveSymmetric(double[,] a, double[] b)
        {
            int n = b.Length;
            var l = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    double sum = a[i, j];
                    for (int k = 0; k < j; k++)
                    {
                        sum -= l[i, k] * l[j, k];
                    }

                    l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
                }
            }

            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                double sum = b[i];
                for (int k = 0; k < i; k++)
                {
                    sum -= l[i, k] * y[k];
                }

                y[i] = sum / l[i, i];
            }

            var x = new double[n];
            for (int i = n - 1; i >= 0; i--)
            {
                double sum = y[i];
                for (int k = i + 1; k < n; k++)
                {
                    sum -= l[k, i] * x[k];
                }

                x[i] = sum / l[i, i];
            }

            return x;
        }
    }
}
