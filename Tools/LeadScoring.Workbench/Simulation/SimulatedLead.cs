using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;

namespace LeadScoring.Workbench.Simulation
{
    /// <summary>One score event as simulate reports it; Kind is rule, decay, handBack, adjustment or expiry.</summary>
    internal sealed record SimulatedEvent(DateTime At, string Kind, string? Rule, int Points, string Reason)
    {
        /// <summary>Whether the points count as fit or engagement (not written to simulate's JSON).</summary>
        [JsonIgnore]
        public Category Category { get; init; }
    }


    /// <summary>A lead after the replay, as the plug-ins left it, with its ledger in time order.</summary>
    internal sealed record SimulatedLead(
        string Id,
        int Score,
        int Fit,
        int Engagement,
        string Grade,
        string Stage,
        int HandBackCount,
        IReadOnlyList<SimulatedEvent> Events)
    {
        /// <summary>When the lead last became sales-ready; kept when it is qualified or disqualified.</summary>
        [JsonIgnore]
        public DateTime? SalesReadyOn { get; init; }

        /// <summary>Whether the lead is still open (statecode Open): only open leads count as sales-ready.</summary>
        [JsonIgnore]
        public bool Open { get; init; } = true;

        [JsonIgnore]
        public bool SalesReady => Open && Stage == Lifecycle.StageName(LifecycleStage.MarketingQualified);

        /// <summary>For model quality, the lead reached the line: it is sales-ready now, or it was when it was qualified or disqualified.</summary>
        public LeadScore ToLeadScore() => new(Fit, Engagement, Score, Grade, SalesReady || SalesReadyOn.HasValue, Stage);

        /// <summary>The kind in camelCase: rule, decay, handBack, adjustment, expiry, floorAdjustment.</summary>
        public static string KindName(ScoreEventKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString().Substring(1);
    }
}
