using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>Points of a rule with expiresAfterDays leave once the event that earned them is older: one expiry event per expired event.</summary>
    internal static class ExpiryScoring
    {
        public static void Apply(LedgerDraft draft)
        {
            foreach (var expiring in Expiring(draft.Events).Where(e => e.ExpiresOn!.Value <= draft.Now && !draft.Has(EventKeys.Expiry(e.Key))).ToList())
            {
                draft.Append(new ScoreEvent
                {
                    Key = EventKeys.Expiry(expiring.Key),
                    Kind = ScoreEventKind.Expiry,
                    Category = expiring.Category,
                    Points = -expiring.Points,
                    RuleId = expiring.RuleId,
                    Reason = "Expired: " + expiring.Reason,
                    SourceTable = expiring.SourceTable,
                    SourceId = expiring.SourceId,
                    OccurredOn = expiring.ExpiresOn!.Value,
                });
            }
        }

        /// <summary>The earliest moment points still held will expire; null when none will.</summary>
        public static DateTime? NextExpiryOn(IReadOnlyList<ScoreEvent> ledger, Func<string, bool> booked) =>
            Expiring(ledger).Where(e => !booked(EventKeys.Expiry(e.Key))).Select(e => e.ExpiresOn).Min();

        /// <summary>Events whose points expire, netted per key (a recalculation may have corrected them), with points left.</summary>
        private static IEnumerable<ScoreEvent> Expiring(IEnumerable<ScoreEvent> ledger) =>
            ledger.Where(e => e.ExpiresOn.HasValue)
                .GroupBy(e => EventKeys.Corrected(e.Key), StringComparer.Ordinal)
                .Select(g => g.Last() with { Key = g.Key, Points = g.Sum(e => e.Points) })
                .Where(e => e.Points != 0);
    }
}
