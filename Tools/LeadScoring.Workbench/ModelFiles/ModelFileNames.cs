using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.ModelFiles
{
    /// <summary>The words of the model file for the engine's enums, both ways.</summary>
    internal static class ModelFileNames
    {
        public static readonly IReadOnlyDictionary<ConditionOperator, string> Operators = new Dictionary<ConditionOperator, string>
        {
            [ConditionOperator.EqualsTo] = "equals",
            [ConditionOperator.NotEquals] = "notEquals",
            [ConditionOperator.In] = "in",
            [ConditionOperator.NotIn] = "notIn",
            [ConditionOperator.Contains] = "contains",
            [ConditionOperator.BeginsWith] = "beginsWith",
            [ConditionOperator.EndsWith] = "endsWith",
            [ConditionOperator.GreaterThan] = "greaterThan",
            [ConditionOperator.GreaterOrEqual] = "greaterOrEqual",
            [ConditionOperator.LessThan] = "lessThan",
            [ConditionOperator.LessOrEqual] = "lessOrEqual",
            [ConditionOperator.Between] = "between",
            [ConditionOperator.Exists] = "exists",
            [ConditionOperator.NotExists] = "notExists",
        };

        public static readonly IReadOnlyDictionary<Category, string> Categories = new Dictionary<Category, string>
        {
            [Category.Fit] = "fit",
            [Category.Engagement] = "engagement",
        };

        public static readonly IReadOnlyDictionary<RuleKind, string> Kinds = new Dictionary<RuleKind, string>
        {
            [RuleKind.Conditions] = "conditions",
            [RuleKind.UnansweredEmails] = "unansweredEmails",
            [RuleKind.ActivityVolume] = "activityVolume",
        };

        /// <summary>Operators whose value is an array.</summary>
        public static bool TakesList(ConditionOperator op) => op is ConditionOperator.In or ConditionOperator.NotIn or ConditionOperator.Between;

        /// <summary>Operators without a value.</summary>
        public static bool TakesNoValue(ConditionOperator op) => op is ConditionOperator.Exists or ConditionOperator.NotExists;

        public static bool TryParse<T>(IReadOnlyDictionary<T, string> words, string word, out T value)
            where T : struct
        {
            foreach (var pair in words.Where(p => string.Equals(p.Value, word, StringComparison.OrdinalIgnoreCase)))
            {
                value = pair.Key;
                return true;
            }

            value = default;
            return false;
        }

        public static string Allowed<T>(IReadOnlyDictionary<T, string> words)
            where T : notnull => string.Join(", ", words.Values);
    }
}
