using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.Emulation;
using LeadScoring.Workbench.Simulation;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>Leads scored under one model: their ids, figures and outcomes, in the same order.</summary>
    internal sealed record ScoredLeads(string Source, IReadOnlyList<string> Ids, IReadOnlyList<LeadScore> Scores, bool[] Converted, int SkippedRules, string? Note);

    /// <summary>
    /// The data backtest and compare score: a leads table (--leads, one row per lead) or a history
    /// (--events) with the outcomes in a CSV file (--outcomes, an "id" column naming the events
    /// file's leads). Either way the leads are scored by the real plug-ins on the emulator.
    /// </summary>
    internal sealed class ScoringData
    {
        public const string IdColumn = "id";

        public LeadsOptions Leads { get; } = new(SplitPart.Holdout, leadsRequired: false);

        public Option<string?> Events { get; } = new("--events")
        {
            Description = "Instead of --leads: a history to replay through the plug-ins (JSON Lines, see simulate); needs --outcomes",
            HelpName = "events.jsonl",
        };

        public Option<string?> Outcomes { get; } = new("--outcomes")
        {
            Description = "With --events: a CSV file with an \"id\" column (the events file's lead ids) and the --outcome column",
            HelpName = "outcomes.csv",
        };

        public Option<string?> AsOf { get; } = new("--as-of")
        {
            Description = "With --events: when to score each lead: outcome (just before its outcome was known: its first qualify, disqualify or hand-back, or its --outcome-date), end (after the last event), or a moment (ISO-8601, UTC: decay runs once more as of then) [default: outcome]",
            HelpName = "outcome|end|2026-07-01T00:00:00Z",
        };

        public Option<string?> OutcomeDate { get; } = new("--outcome-date")
        {
            Description = "With --events: the outcomes file's column with the date each outcome became known [default: <outcome>_on when the file has it]",
            HelpName = "column",
        };

        public void AddTo(Command command)
        {
            Leads.AddTo(command);
            command.Options.Add(Events);
            command.Options.Add(Outcomes);
            command.Options.Add(AsOf);
            command.Options.Add(OutcomeDate);
        }

        /// <summary>Reads the data once; <see cref="Loaded.Score"/> then scores it under any model.</summary>
        public Loaded Load(ParseResult parse)
        {
            string? leads = parse.GetValue(Leads.Leads), events = parse.GetValue(Events), outcomes = parse.GetValue(Outcomes);
            if ((leads is null) == (events is null))
            {
                throw new WorkbenchException("give the leads either as a table (--leads L.csv) or as a history (--events E.jsonl --outcomes O.csv), not both");
            }

            if (leads is not null)
            {
                if (outcomes is not null || parse.GetValue(AsOf) is not null || parse.GetValue(OutcomeDate) is not null)
                {
                    throw new WorkbenchException("--outcomes, --as-of and --outcome-date go with --events; a leads table holds its outcome column itself");
                }

                var (table, outcome) = Leads.Load(parse);
                return new Loaded(table, table.Outcomes(outcome), null, null);
            }

            if (outcomes is null)
            {
                throw new WorkbenchException("--events needs --outcomes O.csv (an \"id\" column with the events file's lead ids and the --outcome column)");
            }

            if (parse.GetValue(Leads.SplitBy) is not null || parse.GetValue(Leads.SplitSalt)!.Length > 0 || parse.GetValue(Leads.Part) is not null)
            {
                throw new WorkbenchException("--split-by, --split-salt and --part go with --leads; with --events, put the leads to measure in the outcomes file");
            }

            var history = EventsFile.Read(events!);
            var results = Leads.LoadOutcomes(parse, outcomes);
            int id = results.Table.Headers.ToList().FindIndex(h => string.Equals(h, IdColumn, StringComparison.OrdinalIgnoreCase));
            if (id < 0)
            {
                throw new WorkbenchException($"{results.Table.Source}: no '{IdColumn}' column (the events file's lead ids); columns: {string.Join(", ", results.Table.Headers)}");
            }

            var known = history.Leads.ToHashSet(StringComparer.Ordinal);
            var ids = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int r = 0; r < results.Table.Rows.Count; r++)
            {
                string lead = results.Table.Rows[r][id];
                if (!known.Contains(lead))
                {
                    throw new WorkbenchException($"{results.Table.Source}, line {results.Table.Lines[r]}: lead '{lead}' does not appear in {history.Source}");
                }

                if (!seen.Add(lead))
                {
                    throw new WorkbenchException($"{results.Table.Source}, line {results.Table.Lines[r]}: lead '{lead}' has a second outcome");
                }

                ids.Add(lead);
            }

            string asOf = parse.GetValue(AsOf) ?? "outcome";
            return new Loaded(null, results.Converted, history, ids)
            {
                AtOutcome = asOf == "outcome",
                AsOf = asOf is "outcome" or "end" ? null : SimulateCommand.ParseAsOf(asOf),
                Moments = OutcomeMoments.Find(history, OutcomeDates(parse, results.Table, id)),
            };
        }

        /// <summary>The outcomes file's dates (--outcome-date, or the column "&lt;outcome&gt;_on" when there is one), by lead id.</summary>
        private IReadOnlyDictionary<string, DateTime> OutcomeDates(ParseResult parse, LeadsTable table, int id) =>
            Dates(table, id, parse.GetValue(OutcomeDate) is string name ? table.Column(name) : DateColumn(table, parse.GetValue(Leads.Outcome)!));

        /// <summary>The column "&lt;outcome&gt;_on" (such as converted_on), or -1.</summary>
        public static int DateColumn(LeadsTable table, string outcome) =>
            table.Headers.ToList().FindIndex(h => string.Equals(h, outcome + "_on", StringComparison.OrdinalIgnoreCase));

        /// <summary>The filled cells of a date column (-1: none), by the lead id in the id column.</summary>
        public static Dictionary<string, DateTime> Dates(LeadsTable table, int id, int column)
        {
            var dates = new Dictionary<string, DateTime>(StringComparer.Ordinal);
            for (int r = 0; column >= 0 && r < table.Rows.Count; r++)
            {
                string cell = table.Rows[r][column];
                if (cell.Length == 0)
                {
                    continue;
                }

                dates[table.Rows[r][id]] = DateTime.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : throw new WorkbenchException($"{table.Source}, line {table.Lines[r]}: '{table.Headers[column]}' {cell} is not a date (ISO-8601, such as 2026-04-22)");
            }

            return dates;
        }

        internal sealed record Loaded(LeadsTable? Table, bool[] Converted, History? History, IReadOnlyList<string>? OutcomeIds)
        {
            public DateTime? AsOf { get; init; }

            /// <summary>Score each lead just before its outcome became known (--as-of outcome).</summary>
            public bool AtOutcome { get; init; }

            public IReadOnlyDictionary<string, DateTime> Moments { get; init; } = new Dictionary<string, DateTime>();

            /// <summary>The stage changes of the last history replayed (for the funnel).</summary>
            public IReadOnlyList<StageChange> StageChanges { get; private set; } = Array.Empty<StageChange>();

            public string Source => Table?.Source ?? History!.Source;

            public ScoredLeads Score(IAnsiConsole console, ScoringModel model, string label)
            {
                if (Table is LeadsTable table)
                {
                    var scorer = new EmulatedLeadScorer(model, table);
                    var scores = ConsoleProgress.Run(console, $"Scoring {table.Source} with {label}", table.Rows.Count, step =>
                        table.Rows.Select((row, i) =>
                        {
                            var score = scorer.Score(Calibrator.Row(table, row));
                            step(i + 1);
                            return score;
                        }).ToList());
                    int skipped = new SnapshotLeadScorer(model).SkippedRules;
                    string? note = skipped > 0 ? $"{skipped} rules watch other tables or are built-in kinds: a leads table has no emails, appointments or interactions to fire them." : null;
                    return new ScoredLeads(table.Source, table.Rows.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), scores, Converted, skipped, note);
                }

                var history = History!;
                var replay = ConsoleProgress.Run(console, $"Replaying {history.Source} with {label}", history.Events.Count, step => Replay.Run(model, history, AsOf, step));
                var leads = replay.Leads().ToDictionary(l => l.Id, StringComparer.Ordinal);
                StageChanges = replay.StageChanges;
                int left = history.Leads.Count - OutcomeIds!.Count;
                var notes = new List<string>();
                if (left > 0)
                {
                    notes.Add($"{left} leads of {history.Source} have no outcome and are left out.");
                }

                if (AtOutcome)
                {
                    int undecided = OutcomeIds.Count(id => !Moments.ContainsKey(id));
                    notes.Add($"Each lead is scored just before its outcome was known (its first qualify, disqualify or hand-back, or its outcome date); {undecided} leads without one are scored after the last event. --as-of end scores every lead after the last event.");
                }

                return new ScoredLeads(
                    history.Source,
                    OutcomeIds,
                    OutcomeIds.Select(id => AtOutcome && Moments.TryGetValue(id, out var moment)
                        ? OutcomeMoments.Before(leads[id], replay.StageChanges, moment, model)
                        : leads[id].ToLeadScore()).ToList(),
                    Converted,
                    0,
                    notes.Count > 0 ? string.Join(" ", notes) : null);
            }
        }
    }
}
