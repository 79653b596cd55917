using System;
using System.Collections.Generic;

namespace LeadScoring.Engine
{
    // The scoring model as the engine sees it: plain immutable records, no Dataverse types.
    // The model file (docs/model-format.md) and the configuration tables both map to these.

    public enum Category
    {
        Fit,
        Engagement,

        /// <summary>The total score only: the floor adjustment, which is neither fit nor engagement (never a rule's category).</summary>
        Total,
    }

    public enum RuleKind
    {
        /// <summary>Plain AND-ed conditions on the watched table's columns.</summary>
        Conditions,

        /// <summary>N consecutive sent emails with no click and no reply: a debit.</summary>
        UnansweredEmails,

        /// <summary>N engagement interactions within D days: an award.</summary>
        ActivityVolume,
    }

    public enum ConditionOperator
    {
        EqualsTo,
        NotEquals,
        In,
        NotIn,
        Contains,
        BeginsWith,
        EndsWith,
        GreaterThan,
        GreaterOrEqual,
        LessThan,
        LessOrEqual,
        Between,
        Exists,
        NotExists,
    }

    public enum LimitType
    {
        None,
        PerLead,
        PerRecord,
        MaxTimes,
        OncePerDays,
    }

    /// <summary>A condition on one column. Values are plain: string, decimal, bool or DateTime.</summary>
    public sealed record Condition(string Attribute, ConditionOperator Operator, IReadOnlyList<object?> Values)
    {
        /// <summary>
        /// The table whose column the condition reads: null for the rule's own table, or "lead" for a
        /// persona condition of an engagement rule on an activity table (the lead's current columns).
        /// </summary>
        public string? Table { get; init; }

        /// <summary>A persona condition: it reads the lead's columns while its rule watches another table.</summary>
        public bool IsPersona(ScoringRule rule) => Table != null && !string.Equals(Table, rule.Table, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How often a rule may award its points to one lead.</summary>
    public sealed record RuleLimit(LimitType Type, int Value = 0)
    {
        public static readonly RuleLimit None = new(LimitType.None);
    }

    public sealed record ScoringRule
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public Category Category { get; init; }
        public RuleKind Kind { get; init; } = RuleKind.Conditions;

        /// <summary>lead, email, appointment or ls_interaction.</summary>
        public string Table { get; init; } = "";

        public IReadOnlyList<Condition> Conditions { get; init; } = Array.Empty<Condition>();
        public int Points { get; init; }
        public RuleLimit Limit { get; init; } = RuleLimit.None;
        public int? ExpiresAfterDays { get; init; }

        /// <summary>UnansweredEmails: the streak length; ActivityVolume: the number of interactions.</summary>
        public int Count { get; init; }

        /// <summary>ActivityVolume: the window in days.</summary>
        public int WithinDays { get; init; }
    }

    /// <summary>Descending thresholds: fit letters A, B, C…; engagement numbers 1, 2, 3….</summary>
    public sealed record GradeBands(IReadOnlyList<int> FitBands, IReadOnlyList<int> EngagementBands);

    /// <summary>After InactiveDays without engagement, debit Points every EveryDays, never below Floor.</summary>
    public sealed record DecayPolicy(int InactiveDays, int Points, int EveryDays, int Floor);

    /// <summary>Debit at least Points and land MarginBelowThreshold under the line; requalify after RequalifyEngagement new points.</summary>
    public sealed record HandBackPolicy(int Points, int MarginBelowThreshold, int RequalifyEngagement)
    {
        /// <summary>A model without a policy: no fixed debit, the lead lands 1 point below the line and needs new engagement to be sales-ready again.</summary>
        public static readonly HandBackPolicy Default = new(0, 1, 1);
    }

    public sealed record ScoringModel
    {
        public string Name { get; init; } = "";
        public int Version { get; init; } = 1;
        public int SalesReadyThreshold { get; init; }
        public int MinimumFit { get; init; }
        public int MinimumEngagement { get; init; }
        public int FitCap { get; init; }
        public int EngagementCap { get; init; }
        public int Floor { get; init; }
        public GradeBands Grades { get; init; } = new(Array.Empty<int>(), Array.Empty<int>());
        public DecayPolicy? Decay { get; init; }
        public HandBackPolicy? HandBack { get; init; }

        /// <summary>The hand-back policy that applies: the model's, or the default when it has none.</summary>
        public HandBackPolicy HandBackInForce => HandBack ?? HandBackPolicy.Default;
        public IReadOnlyList<ScoringRule> Rules { get; init; } = Array.Empty<ScoringRule>();

        /// <summary>What each grade meant in this version's last backtest; null when none was stored.</summary>
        public GradeConversion? GradeConversion { get; init; }
    }
}
