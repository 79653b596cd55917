using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    /// <param name="Bins">Quantile bins to start a numeric column with.</param>
    /// <param name="MinBinShare">A numeric bin with fewer than this share of the rows merges into a neighbour.</param>
    /// <param name="RareShare">Categories with fewer than this share of the rows are grouped as "other".</param>
    /// <param name="MonotoneCorrelation">When a numeric column's bin WOEs follow a trend at least this closely
    /// (weighted correlation with the bin order), bins that break the trend are merged.</param>
    /// <param name="SimilarWoe">Neighbouring numeric bins whose WOE differ by less than this merge (they tell the same story).</param>
    internal sealed record BinningOptions(int Bins = 10, double MinBinShare = 0.05, double RareShare = 0.01, double MonotoneCorrelation = 0.8, double SimilarWoe = 0.1);

    /// <summary>Splits a column into bins, the way credit scorecards do; every bin set covers all cells (missing included).</summary>
    internal static class Binning
    {
        /// <summary>Each category with at least RareShare of the rows is a bin; the rest is "other"; empty cells are "missing".</summary>
        public static IReadOnlyList<Bin> Categorical(string attribute, IReadOnlyList<string> cells, IReadOnlyList<bool> converted, BinningOptions options)
        {
            double minimum = Math.Max(1, options.RareShare * cells.Count);
            var frequent = cells.Where(c => c.Length > 0)
                .GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() >= minimum)
                .Select(g => (Count: g.Count(), Spelling: g.GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Spelling, StringComparer.Ordinal)
                .Select(g => g.Spelling)
                .ToArray();

            var bins = new List<Bin> { new(attribute, BinKind.Missing) };
            bins.AddRange(frequent.Select(v => new Bin(attribute, BinKind.Value, new[] { v })));
            bins.Add(new Bin(attribute, BinKind.Other, frequent));
            return WeightOfEvidence.Apply(bins, cells, converted);
        }

        /// <summary>
        /// Quantile bins [from, to) of the numbers, then merges: too small bins into their closer
        /// neighbour; when the trend is clearly monotone, neighbours that break it; and neighbours
        /// with about the same WOE. Empty cells are "missing".
        /// </summary>
        public static IReadOnlyList<Bin> Numeric(string attribute, IReadOnlyList<string> cells, IReadOnlyList<bool> converted, BinningOptions options)
        {
            var numbers = new List<(decimal Value, bool Converted)>();
            for (int r = 0; r < cells.Count; r++)
            {
                if (Conditions.TryNumber(cells[r], out decimal value))
                {
                    numbers.Add((value, converted[r]));
                }
            }

            numbers.Sort((a, b) => a.Value.CompareTo(b.Value));
            var ranges = StartRanges(numbers, options.Bins);
            int totalConverted = converted.Count(c => c);
            MergeSmall(ranges, (int)Math.Ceiling(options.MinBinShare * cells.Count), cells.Count, totalConverted);
            MergeAgainstTrend(ranges, options.MonotoneCorrelation, cells.Count, totalConverted);
            MergeSimilar(ranges, options.SimilarWoe, cells.Count, totalConverted);

            var bins = new List<Bin> { new(attribute, BinKind.Missing) };
            bins.AddRange(ranges.Select(g => new Bin(attribute, BinKind.Range, from: g.From, to: g.To)));
            return WeightOfEvidence.Apply(bins, cells, converted);
        }

        private static List<Range> StartRanges(List<(decimal Value, bool Converted)> numbers, int bins)
        {
            var cuts = new SortedSet<decimal>();
            for (int i = 1; i < bins && numbers.Count > 0; i++)
            {
                decimal cut = numbers[i * numbers.Count / bins].Value;
                if (cut > numbers[0].Value)
                {
                    cuts.Add(cut);
                }
            }

            var ranges = new List<Range>();
            decimal? from = null;
            foreach (decimal cut in cuts.Append(decimal.MaxValue))
            {
                decimal? to = cut == decimal.MaxValue ? null : cut;
                var inside = numbers.Where(n => (from is null || n.Value >= from) && (to is null || n.Value < to)).ToArray();
                ranges.Add(new Range(from, to, inside.Length, inside.Count(n => n.Converted)));
                from = to;
            }

            return ranges;
        }

        private static void MergeSmall(List<Range> ranges, int minimum, int total, int totalConverted)
        {
            while (ranges.Count > 1)
            {
                int smallest = Enumerable.Range(0, ranges.Count).OrderBy(i => ranges[i].Leads).First();
                if (ranges[smallest].Leads >= minimum)
                {
                    return;
                }

                double woe = ranges[smallest].Woe(total, totalConverted);
                bool left = smallest == ranges.Count - 1
                    || (smallest > 0 && Math.Abs(ranges[smallest - 1].Woe(total, totalConverted) - woe) <= Math.Abs(ranges[smallest + 1].Woe(total, totalConverted) - woe));
                Merge(ranges, left ? smallest - 1 : smallest);
            }
        }

        private static void MergeAgainstTrend(List<Range> ranges, double threshold, int total, int totalConverted)
        {
            if (ranges.Count < 3)
            {
                return;
            }

            double trend = WeightedCorrelation(ranges, total, totalConverted);
            if (Math.Abs(trend) < threshold)
            {
                return;
            }

            for (int i = 0; i + 1 < ranges.Count;)
            {
                double step = ranges[i + 1].Woe(total, totalConverted) - ranges[i].Woe(total, totalConverted);
                if (step * trend < 0)
                {
                    Merge(ranges, i);
                    i = Math.Max(0, i - 1);
                }
                else
                {
                    i++;
                }
            }
        }

        private static void MergeSimilar(List<Range> ranges, double similar, int total, int totalConverted)
        {
            while (ranges.Count > 1)
            {
                int closest = Enumerable.Range(0, ranges.Count - 1)
                    .OrderBy(i => Math.Abs(ranges[i + 1].Woe(total, totalConverted) - ranges[i].Woe(total, totalConverted)))
                    .First();
                if (Math.Abs(ranges[closest + 1].Woe(total, totalConverted) - ranges[closest].Woe(total, totalConverted)) >= similar)
                {
                    return;
                }

                Merge(ranges, closest);
            }
        }

        private static double WeightedCorrelation(List<Range> ranges, int total, int totalConverted)
        {
            double weight = ranges.Sum(r => (double)r.Leads);
            double meanX = ranges.Select((r, i) => r.Leads * (double)i).Sum() / weight;
            double meanY = ranges.Sum(r => r.Leads * r.Woe(total, totalConverted)) / weight;
            double sxy = 0, sxx = 0, syy = 0;
            for (int i = 0; i < ranges.Count; i++)
            {
                double dx = i - meanX, dy = ranges[i].Woe(total, totalConverted) - meanY;
                sxy += ranges[i].Leads * dx * dy;
                sxx += ranges[i].Leads * dx * dx;
                syy += ranges[i].Leads * dy * dy;
            }

            return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
        }

        private static void Merge(List<Range> ranges, int left)
        {
            var a = ranges[left];
            var b = ranges[left + 1];
            ranges[left] = new Range(a.From, b.To, a.Leads + b.Leads, a.Converted + b.Converted);
            ranges.RemoveAt(left + 1);
        }

        private sealed record Range(decimal? From, decimal? To, int Leads, int Converted)
        {
            public double Woe(int total, int totalConverted) => WeightOfEvidence.Woe(Leads, Converted, total, totalConverted);
        }
    }
}
