using System;

namespace LeadScoring.Emulator
{
    // Why: scoring depends on time (decay, recency windows, "at most once per N days"), so tests
    // and replays must control it. The emulator stamps createdon/modifiedon from this clock and
    // hands it to plug-ins the way the platform does: as IExecutionContext.OperationCreatedOn.
    // Plug-ins need no extra service; they treat OperationCreatedOn as "now".

    /// <summary>A controllable UTC clock. It never moves on its own.</summary>
    public sealed class Clock
    {
        /// <summary>Where every new organization's clock starts: 2025-01-01T00:00:00Z.</summary>
        public static readonly DateTime DefaultStart = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>The current instant, always <see cref="DateTimeKind.Utc"/>.</summary>
        public DateTime UtcNow { get; private set; } = DefaultStart;

        /// <summary>Moves the clock to <paramref name="utc"/> (local times are converted; unspecified ones are taken as UTC).</summary>
        public void Set(DateTime utc) => UtcNow = Values.ToUtc(utc);

        /// <summary>Moves the clock forward (or back, with a negative span).</summary>
        public void Advance(TimeSpan by) => UtcNow = UtcNow.Add(by);
    }
}
