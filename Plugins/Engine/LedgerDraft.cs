using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>
    /// The working state of one scoring: the lead's ledger so far, the events this scoring adds and
    /// the running totals. The policies read it and append to it; Append is the only way points change.
    /// Events lists each change once with its net points: a recalculation's corrections are folded
    /// into the event they correct (and a change corrected to nothing is left out), so the policies
    /// see the ledger the active model would have written.
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
            LeadAttributes = lead.Attributes;
            Status = lead.Status;
            Now = now;
            events = Net(ledger);

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

        /// <summary>The lead's current columns: what persona conditions read when an activity is scored.</summary>
        public IReadOnlyDictionary<string, object?> LeadAttributes { get; }

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

        /// <summary>
        /// Engagement points earned after the moment: positive awards of rules and positive manual
        /// adjustments (an offline event a person books). What a handed-back lead needs to requalify,
        /// and what makes a later hand-back a new one.
        /// </summary>
        public int NewEngagementAfter(DateTime moment) =>
            events.Where(e => (e.Kind == ScoreEventKind.Rule || e.Kind == ScoreEventKind.Adjustment) && e.Category == Category.Engagement && e.Points > 0 && e.OccurredOn > moment)
                .Sum(e => e.Points);

        /// <summary>The first key of a numbered series (1, 2, …) not yet in the ledger.</summary>
        public string NextKey(Func<int, string> key)
        {
            var n = 1;
            while (Has(key(n)))
            {
                n++;
            }

            return key(n);
        }

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
            added.Add(scoreEvent);
            var corrected = EventKeys.Corrected(scoreEvent.Key);
            if (corrected == scoreEvent.Key)
            {
                events.Add(scoreEvent);
            }
            else
            {
                keys.Add(corrected);
                var index = events.FindIndex(e => e.Key == corrected);
                var net = (index < 0 ? 0 : events[index].Points) + scoreEvent.Points;
                if (index >= 0)
                {
                    events.RemoveAt(index);
                }

                if (net != 0)
                {
                    events.Add(scoreEvent with { Key = corrected, Points = net });
                }
            }

            switch (scoreEvent.Category)
            {
                case Category.Fit: Fit += scoreEvent.Points; break;
                case Category.Engagement: Engagement += scoreEvent.Points; break;
                default: FloorAdjustment += scoreEvent.Points; break;
            }
        }

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>One event per corrected key, with the net points and the latest event's facts; keys netting to nothing are left out.</summary>
        private static List<ScoreEvent> Net(IReadOnlyList<ScoreEvent> ledger)
        {
            if (ledger.All(e => EventKeys.Corrected(e.Key) == e.Key))
            {
                return ledger.ToList();
            }

            return ledger.GroupBy(e => EventKeys.Corrected(e.Key), StringComparer.Ordinal)
                .Select(g => g.Last() with { Key = g.Key, Points = g.Sum(e => e.Points) })
                .Where(e => e.Points != 0)
                .ToList();
        }

        private static int Sum(IEnumerable<ScoreEvent> ledger, Category category) => ledger.Where(e => e.Category == category).Sum(e => e.Points);
    }
}
