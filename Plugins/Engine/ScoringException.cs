using System;

namespace LeadScoring.Engine
{
    /// <summary>Bad input to the engine (an invalid model, a hand-back without a reason, …). The message says what and what is allowed.</summary>
    public sealed class ScoringException : Exception
    {
        public ScoringException(string message)
            : base(message)
        {
        }

        public ScoringException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public ScoringException()
        {
        }
    }

    public static class ScoringLimits
    {
        /// <summary>The largest points a rule, a debit or an adjustment may carry: keeps every sum far from overflow.</summary>
        public const int MaxPoints = 10000;

        /// <summary>The largest day count in a policy or a limit (about 27 years).</summary>
        public const int MaxDays = 10000;

        public const int MaxRules = 1000;
    }
}
