using System;
using System.Collections.Generic;
using LeadScoring.Engine;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// Maps a change of a record regarding a lead to the engine's Activity. For an email it also maps
    /// the row's columns to the signals the engine follows, so the engine knows no email column.
    /// </summary>
    public static class ActivityChange
    {
        /// <summary>The email columns the signals are read from: what scoring must read, watch and register on an email's images.</summary>
        public static readonly string[] EmailSignalColumns = { EmailColumns.DirectionCode, EmailColumns.StatusCode, EmailColumns.LinksClickedCount, EmailColumns.ReplyCount };

        /// <summary>
        /// When an interaction counts: its ls_occurredon, but never later than it was recorded
        /// (createdon). ls_RecordInteraction takes a moment up to an hour ahead (clock skew); counted
        /// from then, its points would be invisible to a recalculation made before that moment and
        /// would look like engagement after a hand-back booked meanwhile.
        /// </summary>
        public static DateTime? InteractionMoment(DateTime? occurredOn, DateTime? createdOn) =>
            occurredOn.HasValue && createdOn.HasValue && createdOn.Value < occurredOn.Value ? createdOn : occurredOn;

        public static Activity Of(string table, string recordId, DateTime occurredOn, IReadOnlyDictionary<string, object?> current, IReadOnlyDictionary<string, object?>? previous, string occurrence)
        {
            var activity = new Activity(table, recordId, occurredOn, current, previous, occurrence);
            return string.Equals(table, EmailColumns.Table, StringComparison.OrdinalIgnoreCase) ? activity with { Email = EmailSignals(current, previous) } : activity;
        }

        /// <summary>
        /// Sent: the email became an outgoing email with status Sent. Clicked: linksclickedcount grew.
        /// Replied: replycount grew, or the email is a new incoming email (the lead wrote to us).
        /// The columns are documented on https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/email.
        /// </summary>
        private static EmailSignals EmailSignals(IReadOnlyDictionary<string, object?> current, IReadOnlyDictionary<string, object?>? previous)
        {
            var sent = IsSentOutbound(current) && !(previous != null && IsSentOutbound(previous));
            var inbound = previous == null && current.ContainsKey(EmailColumns.DirectionCode) && !Flag(current, EmailColumns.DirectionCode);
            return new EmailSignals(sent, Increased(current, previous, EmailColumns.LinksClickedCount), Increased(current, previous, EmailColumns.ReplyCount) || inbound);
        }

        private static bool IsSentOutbound(IReadOnlyDictionary<string, object?> email) =>
            Flag(email, EmailColumns.DirectionCode) && Conditions.AreEqual(Value(email, EmailColumns.StatusCode), EmailColumns.StatusSent);

        private static bool Increased(IReadOnlyDictionary<string, object?> current, IReadOnlyDictionary<string, object?>? previous, string column)
        {
            Conditions.TryNumber(Value(current, column), out var now);
            Conditions.TryNumber(previous == null ? null : Value(previous, column), out var before);
            return now > before;
        }

        private static bool Flag(IReadOnlyDictionary<string, object?> row, string column) => Value(row, column) is bool b && b;

        private static object? Value(IReadOnlyDictionary<string, object?> row, string column) => row.TryGetValue(column, out var value) ? value : null;
    }
}
