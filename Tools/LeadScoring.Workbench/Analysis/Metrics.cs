using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>How well scores rank and select converting leads.</summary>
    internal static class Metrics
    {
        /// <summary>
        /// The area under the ROC curve: the chance that a random converted lead scores above a random
        /// lead that did not convert, ties counting half. Computed from average ranks (Mann–Whitney U);
        /// NaN when either group is empty.
        /// </summary>
        public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> converted)
        {
            if (scores.Count != converted.Count)
            {
                throw new ArgumentException("one outcome per score is needed");
            }

            int[] order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
            double rankSum = 0;
            long positives = 0;
            for (int start = 0; start < order.Length;)
            {
                int end = start;
                while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
                {
                    end++;
                }

                double averageRank = ((start + 1) + (end + 1)) / 2.0;
                for (int k = start; k <= end; k++)
                {
                    if (converted[order[k]])
                    {
                        rankSum += averageRank;
                        positives++;
                    }
                }

                start = end + 1;
            }

            long negatives = scores.Count - positives;
            if (positives == 0 || negatives == 0)
            {
                return double.NaN;
            }

            return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
        }

        /// <summary>Precision (converted share of the selected) and recall (selected share of the converted).</summary>
        public static SelectionQuality Selection(IReadOnlyList<bool> selected, IReadOnlyList<bool> converted)
        {
            int chosen = 0, hits = 0, buyers = 0;
            for (int i = 0; i < selected.Count; i++)
            {
                chosen += selected[i] ? 1 : 0;
                buyers += converted[i] ? 1 : 0;
                hits += selected[i] && converted[i] ? 1 : 0;
            }

            double precision = chosen == 0 ? 0 : (double)hits / chosen;
            double recall = buyers == 0 ? 0 : (double)hits / buyers;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new SelectionQuality(chosen, hits, precision, recall, f1);
        }

        /// <summary>The value below which a share q of the sorted values lies (nearest rank).</summary>
        public static double Quantile(IReadOnlyList<double> sorted, double q)
        {
            if (sorted.Count == 0)
            {
                return 0;
            }

            int index = (int)Math.Floor(q * sorted.Count);
            return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
        }
    }

    internal sealed record SelectionQuality(int Selected, int Converted, double Precision, double Recall, double F1);
}
