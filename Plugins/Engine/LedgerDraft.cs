using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>
    /// The working state of one scoring: the lead's ledger so far, the events this scoring adds and
    /// the running totals. The policies read it and append to it; Append is the only way points change.
    /// </summary>
    internal sealed class LedgerDraft
    {
        private readonly List<ScoreEvent> events;
        private readonly HashSet<string> keys;
        private readonly List<ScoreEvent> added = new List<ScoreEvent>();

        public LedgerDraft(ScoringModel model, LeadSnapshot lead, IReadOnlyList<ScoreEvent> ledger, DateTime now)
        {
            Model = model;
            LeadId = lead.LeadId;
            Status = lead.Status;
            Now = now;
            events = ledger.ToList();

            // A correction under a new model books for the key it corrects: that change is scored already.
            keys = new HashSet<string>(ledger.SelectMany(e => new[] { e.Key, EventKeys.Corrected(e.Key) }), StringComparer.Ordinal);
            Fit = Sum(ledger, Category.Fit);
            Engagement = Sum(ledger, Category.Engagement);
            FloorAdjustment = Sum(ledger, Category.Total);
            Before = lead.State;
            State = lead.State;
        }

        public ScoringModel Model { get; }

        public string LeadId { get; }

        public LeadStatus Status { get; }

        public DateTime Now { get; }

        /// <summary>The lead's state as it was read, and as the policies change it.</summary>
        public LeadState Before { get; }

        public LeadState State { get; set; }

        public IReadOnlyList<ScoreEvent> Events => events;

        public IReadOnlyList<ScoreEvent> Added => added;

        public int Fit { get; private set; }

        public int Engagement { get; private set; }

        public int FloorAdjustment { get; private set; }

        /// <summary>fit + engagement, before the floor.</summary>
        public int Unfloored => Fit + Engagement;

        public bool Has(string key) => keys.Contains(key);

        /// <summary>An event about the lead itself, as of now.</summary>
        public ScoreEvent OnLead(string key, ScoreEventKind kind, Category category, int points, string reason, string? ruleId = null) => new ScoreEvent
        {
            Key = key,
            Kind = kind,
            Category = category,
            Points = points,
            RuleId = ruleId,
            Reason = reason,
            SourceTable = "lead",
            SourceId = LeadId,
            OccurredOn = Now,
        };

        /// <summary>Books the event unless it is worth nothing or its key is already in the ledger.</summary>
        public void Append(ScoreEvent scoreEvent)
        {
            if (scoreEvent.Points == 0 || !keys.Add(scoreEvent.Key))
            {
                return;
            }

            scoreEvent = scoreEvent with { ModelVersion = Model.Version };
            events.Add(scoreEvent);
            added.Add(scoreEvent);
            switch (scoreEvent.Category)
            {
                case Category.Fit: Fit += scoreEvent.Points; break;
                case Category.Engagement: Engagement += scoreEvent.Points; break;
                default: FloorAdjustment += scoreEvent.Points; break;
            }
        }

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static int Sum(IEnumerable<ScoreEvent> ledger, Category category) => ledger.Where(e => e.Category == category).Sum(e => e.Points);
    }
}
