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

        /// <summary>Conditions per rule. Each saved condition re-validates its rule, so a rule's conditions cost quadratically on import.</summary>
        public const int MaxConditionsPerRule = 20;

        /// <summary>Values of one in / not in condition.</summary>
        public const int MaxListValues = 100;

        /// <summary>Lengths of the text columns they are stored in (Solution: ls_scoringmodel.ls_name, ls_scoringrule.ls_rulekey and ls_name, ls_scoringcondition.ls_attribute).</summary>
        public const int MaxModelNameLength = 100;

        public const int MaxRuleIdLength = 100;

        public const int MaxRuleNameLength = 200;

        public const int MaxAttributeLength = 100;

        /// <summary>A hand-back or adjustment reason (ls_scoreevent.ls_reason, lead.ls_handbackreason).</summary>
        public const int MaxReasonLength = 500;
    }
}
