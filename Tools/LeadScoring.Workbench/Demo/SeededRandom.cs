using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Workbench.Demo
{
    /// <summary>
    /// A small seeded generator (SplitMix64) of our own, so the demo history is the same on every
    /// machine and every .NET version: System.Random makes no such promise across versions.
    /// </summary>
    internal sealed class SeededRandom
    {
        private ulong _state;

        public SeededRandom(ulong seed) => _state = seed;

        /// <summary>A number in [0, 1).</summary>
        public double Next()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }

        /// <summary>A whole number in [min, max].</summary>
        public int Between(int min, int max) => min + (int)Math.Floor(Next() * (max - min + 1));

        public bool Chance(double probability) => Next() < probability;

        public T Pick<T>(IReadOnlyList<T> items) => items[(int)Math.Floor(Next() * items.Count)];

        /// <summary>One item, chosen with the given relative weights.</summary>
        public T Pick<T>(params (T Item, double Weight)[] weighted)
        {
            double roll = Next() * weighted.Sum(w => w.Weight);
            foreach (var (item, weight) in weighted)
            {
                roll -= weight;
                if (roll < 0)
                {
                    return item;
                }
            }

            return weighted[^1].Item;
        }

        /// <summary>A waiting time with the given mean (exponential distribution).</summary>
        public double Exponential(double mean) => -mean * Math.Log(1 - Next());

        /// <summary>A standard normal number (Box–Muller).</summary>
        public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Next())) * Math.Cos(2 * Math.PI * Next());
    }
}
