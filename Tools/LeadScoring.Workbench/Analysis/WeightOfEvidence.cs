using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// Weight of evidence: how much a bin shifts the log-odds of converting against the whole
    /// population, WOE = ln(share of all converted leads in the bin / share of all other leads in the bin).
    /// Positive means the bin converts better than average. Counts are smoothed by a prior of
    /// <see cref="PriorLeads"/> leads at the average rate, so an empty or tiny bin gets a WOE near 0
    /// instead of ±infinity. Information value sums (share converted − share not) × WOE over the bins.
    /// </summary>
    internal static class WeightOfEvidence
    {
        public const double PriorLeads = 1.0;

        public static double Woe(int leads, int converted, int totalLeads, int totalConverted)
        {
            int totalOther = totalLeads - totalConverted;
            if (totalConverted == 0 || totalOther == 0)
            {
                return 0;
            }

            double averageRate = (double)totalConverted / totalLeads;
            double good = converted + (PriorLeads * averageRate);
            double bad = leads - converted + (PriorLeads * (1 - averageRate));
            return Math.Log(good / bad) - Math.Log((double)totalConverted / totalOther);
        }

        /// <summary>Counts each bin's leads (a lead goes to the first bin that matches) and sets its WOE.</summary>
        public static IReadOnlyList<Bin> Apply(IReadOnlyList<Bin> bins, IReadOnlyList<string> cells, IReadOnlyList<bool> converted)
        {
            var leads = new int[bins.Count];
            var buyers = new int[bins.Count];
            for (int r = 0; r < cells.Count; r++)
            {
                for (int b = 0; b < bins.Count; b++)
                {
                    if (bins[b].Matches(cells[r]))
                    {
                        leads[b]++;
                        buyers[b] += converted[r] ? 1 : 0;
                        break;
                    }
                }
            }

            int total = cells.Count, totalConverted = converted.Count(c => c);
            return bins.Select((bin, b) => bin with { Leads = leads[b], Converted = buyers[b], Woe = Woe(leads[b], buyers[b], total, totalConverted) }).ToArray();
        }

        public static double InformationValue(IReadOnlyList<Bin> bins)
        {
            int converted = bins.Sum(b => b.Converted), other = bins.Sum(b => b.Leads - b.Converted);
            if (converted == 0 || other == 0)
            {
                return 0;
            }

            return bins.Sum(b => (((double)b.Converted / converted) - ((double)(b.Leads - b.Converted) / other)) * b.Woe);
        }
    }
}
