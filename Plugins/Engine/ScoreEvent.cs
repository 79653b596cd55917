using System;
using System.Collections.Generic;

namespace LeadScoring.Engine
{
    public enum ScoreEventKind
    {
        Rule,
        Decay,
        HandBack,
        Adjustment,

        /// <summary>The points of an earlier event dropping out after its rule's expiresAfterDays.</summary>
        Expiry,

        /// <summary>Lifts the total to the model's floor (category Total); recomputed and taken back as fit and engagement change.</summary>
        FloorAdjustment,
    }

    /// <summary>The lead's own status in Dynamics 365 (statecode): open, qualified (converted) or disqualified.</summary>
    public enum LeadStatus
    {
        Open,
        Qualified,
        Disqualified,
    }

    public enum LifecycleStage
    {
        New,
        Engaged,
        MarketingQualified,
        SalesAccepted,
        Recycled,
        Disqualified,
    }

    /// <summary>
    /// One row of the append-only ledger: one change of points. The lead's fit and engagement are
    /// always the sums of its events; the key makes a replayed or retried change a no-op.
    /// </summary>
    public sealed record ScoreEvent
    {
        public string Key { get; init; } = "";
        public ScoreEventKind Kind { get; init; }
        public Category Category { get; init; }
        public int Points { get; init; }
        public string? RuleId { get; init; }
        public string Reason { get; init; } = "";
        public string? SourceTable { get; init; }
        public string? SourceId { get; init; }
        public DateTime OccurredOn { get; init; }
        public DateTime? ExpiresOn { get; init; }
        public int ModelVersion { get; init; }
    }

    /// <summary>What the lead row keeps besides the ledger: totals, stage and the facts scoring needs.</summary>
    public sealed record LeadState
    {
        /// <summary>The sum of the fit events, within the fit cap.</summary>
        public int Fit { get; init; }

        /// <summary>The sum of the engagement events, within the engagement cap.</summary>
        public int Engagement { get; init; }

        /// <summary>The sum of the floor adjustment events: max(0, floor − (fit + engagement)).</summary>
        public int FloorAdjustment { get; init; }

        /// <summary>max(floor, fit + engagement): the sum of all the lead's events.</summary>
        public int Score => Fit + Engagement + FloorAdjustment;
        public string Grade { get; init; } = "";
        public LifecycleStage Stage { get; init; } = LifecycleStage.New;
        public DateTime? SalesReadyOn { get; init; }
        public DateTime? LastEngagementOn { get; init; }
        public int HandBackCount { get; init; }
        public string? HandBackReason { get; init; }
        public DateTime? HandBackOn { get; init; }

        /// <summary>Ids of the sent emails in the current unanswered streak (a set, so a replay counts once).</summary>
        public IReadOnlyList<string> UnansweredEmailIds { get; init; } = Array.Empty<string>();

        /// <summary>When the lead's score next changes by itself: the earlier of its next decay debit and its next expiry; null when nothing is scheduled.</summary>
        public DateTime? NextChangeOn { get; init; }
    }

    /// <summary>The lead as the engine sees it: its id, its current columns (plain values), its scoring state and its status.</summary>
    public sealed record LeadSnapshot(string LeadId, IReadOnlyDictionary<string, object?> Attributes, LeadState State)
    {
        public LeadStatus Status { get; init; } = LeadStatus.Open;
    }

    /// <summary>
    /// What an email change means to scoring, mapped from the email row by the adapter: it became a
    /// sent outbound email with this change, a link in it was clicked, or it was answered (a reply
    /// counted on it, or it is itself an inbound email from the lead).
    /// </summary>
    public sealed record EmailSignals(bool Sent, bool Clicked, bool Replied);

    /// <summary>
    /// A change to a record the rules watch. Attributes are the record's current columns; Previous
    /// its columns before the change (null on create). Occurrence names this change of this record
    /// (for example "create" or its row version), so a replay of the same change is recognised.
    /// </summary>
    public sealed record Activity(
        string Table,
        string RecordId,
        DateTime OccurredOn,
        IReadOnlyDictionary<string, object?> Attributes,
        IReadOnlyDictionary<string, object?>? Previous,
        string Occurrence)
    {
        /// <summary>Set for emails: the signals the unanswered-emails rules follow.</summary>
        public EmailSignals? Email { get; init; }
    }

    /// <summary>What asks the engine to score a lead.</summary>
    public abstract record Trigger
    {
        /// <summary>The lead's own columns changed (or it was created): fit follows them; engagement rules on the lead table may fire.</summary>
        public sealed record LeadChanged(Activity Change) : Trigger
        {
            /// <summary>The lead was reopened (statecode back to Open) with this change: its stage is recomputed from its score.</summary>
            public bool Reactivated { get; init; }
        }

        /// <summary>An email, appointment or marketing interaction regarding the lead.</summary>
        public sealed record ActivityOccurred(Activity Activity) : Trigger;

        /// <summary>The decay job runs as of the engine's "now".</summary>
        public sealed record DecayDue : Trigger;

        /// <summary>Sales hands the lead back to marketing.</summary>
        public sealed record HandBack(string Reason) : Trigger;

        /// <summary>A person adjusts the score. RequestKey identifies the request so a retry adds nothing.</summary>
        public sealed record Adjustment(int Points, string Reason, string RequestKey) : Trigger;

        /// <summary>
        /// Rebuild the lead as if the model had always been active: fit from the lead's current columns
        /// and, when Sources are given (the records regarding the lead as they are now), engagement
        /// re-derived from them and the ledger's hand-backs and adjustments (RecalculationScoring).
        /// Without Sources only fit is rebuilt, against the ledger as it is. Why names the occasion in the
        /// corrections' reasons ("Merged lead … into this one"); by default, the model version.
        /// </summary>
        public sealed record Recalculation(IReadOnlyList<Activity>? Sources = null, string? Why = null) : Trigger;
    }

    /// <summary>What the engine decided: the events to append and the lead's new state.</summary>
    public sealed record ScoringResult(IReadOnlyList<ScoreEvent> NewEvents, LeadState State)
    {
        public bool Changed { get; init; }
    }
}
