using System;
using System.Globalization;

namespace LeadScoring.Engine
{
    /// <summary>
    /// Every idempotency key of the ledger, one function per kind. A key is unique per lead and names
    /// the change it books, so a retried or replayed change finds its key and adds nothing. The
    /// formats are stored in ls_scoreevent rows: changing one would count old changes twice.
    /// </summary>
    public static class EventKeys
    {
        /// <summary>The n-th change of a fit rule's points (fit follows the lead's columns, so it may change often).</summary>
        public static string Fit(string ruleId, int n) => "fit|" + ruleId + "|" + Number(n);

        /// <summary>An award limited to once per lead.</summary>
        public static string OncePerLead(string ruleId) => "rule|" + ruleId;

        /// <summary>An award limited to once per source record.</summary>
        public static string OncePerRecord(string ruleId, string table, string recordId) => "rule|" + ruleId + "|" + table + "|" + recordId;

        /// <summary>
        /// The n-th award of a maxTimes rule to the lead (n from 1 to maxTimes). Changes of different
        /// records compete for the same key, so two jobs running at once cannot both take it.
        /// </summary>
        public static string Slot(string ruleId, int n) => "rule|" + ruleId + "|time|" + Number(n);

        /// <summary>
        /// The one award of a oncePerDays rule in the lead's k-th period of that many days (counted from
        /// Monday 1 January 0001, UTC). Every change in the period competes for the same key.
        /// </summary>
        public static string Period(string ruleId, long k) => "rule|" + ruleId + "|period|" + k.ToString(CultureInfo.InvariantCulture);

        /// <summary>An award for one change (occurrence) of one source record.</summary>
        public static string PerChange(string ruleId, string table, string recordId, string occurrence) =>
            OncePerRecord(ruleId, table, recordId) + "|" + occurrence;

        /// <summary>The debit of an unanswered-emails rule when this sent email completes a streak.</summary>
        public static string Streak(string ruleId, string emailId) => "rule|" + ruleId + "|streak|" + emailId;

        /// <summary>The n-th decay debit since the lead last engaged (the engagement moment is the epoch).</summary>
        public static string Decay(DateTime lastEngagementOn, int n) => "decay|" + lastEngagementOn.Ticks.ToString(CultureInfo.InvariantCulture) + "|" + Number(n);

        /// <summary>The points of the event with this key leaving after its rule's expiresAfterDays.</summary>
        public static string Expiry(string expiredKey) => "expire|" + expiredKey;

        /// <summary>The n-th hand-back of the lead.</summary>
        public static string HandBack(int n) => "handback|" + Number(n);

        /// <summary>A person's adjustment; the request key makes a retry of the same request a no-op.</summary>
        public static string Adjustment(string requestKey) => "adjust|" + requestKey;

        /// <summary>The n-th correction that keeps engagement at its cap when several changes meet.</summary>
        public static string EngagementCap(int n) => "engagementcap|" + Number(n);

        /// <summary>The n-th change of the floor adjustment (raised, lowered or taken back).</summary>
        public static string Floor(int n) => "floor|" + Number(n);

        /// <summary>
        /// The n-th change of a lead's lifecycle stage (ls_stagechange, not the ledger), from and to: the
        /// same change written again (a retried or replayed write) finds its key and adds nothing, and a
        /// lead that goes back and forth within one moment still gets a row per change.
        /// </summary>
        public static string StageChange(int n, string from, string to) => "stage|" + Number(n) + "|" + from + ">" + to;

        /// <summary>The n-th correction of the event with this key by a recalculation under a new model.</summary>
        public static string Correction(int n, string correctedKey) => CorrectionPrefix + Number(n) + "|" + correctedKey;

        /// <summary>The key a correction corrects; the key itself for any other event.</summary>
        public static string Corrected(string key)
        {
            if (!key.StartsWith(CorrectionPrefix, StringComparison.Ordinal))
            {
                return key;
            }

            var bar = key.IndexOf('|', CorrectionPrefix.Length);
            return bar < 0 ? key : key.Substring(bar + 1);
        }

        private const string CorrectionPrefix = "recalc|";

        private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
