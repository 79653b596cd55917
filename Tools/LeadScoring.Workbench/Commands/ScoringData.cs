using System;
using System.Collections.Generic;
using System.CommandLine;
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

        public Option<string?> AsOf { get; } = SimulateCommand.AsOfOption();

        public void AddTo(Command command)
        {
            Leads.AddTo(command);
            command.Options.Add(Events);
            command.Options.Add(Outcomes);
            command.Options.Add(AsOf);
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
                if (outcomes is not null || parse.GetValue(AsOf) is not null)
                {
                    throw new WorkbenchException("--outcomes and --as-of go with --events; a leads table holds its outcome column itself");
                }

                var (table, outcome) = Leads.Load(parse);
                return new Loaded(table, table.Outcomes(outcome), null, null);
            }

            if (outcomes is null)
            {
                throw new WorkbenchException("--events needs --outcomes O.csv (an \"id\" column with the events file's lead ids and the --outcome column)");
            }

            if (parse.GetValue(Leads.SplitBy) is not null)
            {
                throw new WorkbenchException("--split-by goes with --leads; with --events, put the leads to measure in the outcomes file");
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

            return new Loaded(null, results.Converted, history, ids) { AsOf = SimulateCommand.ParseAsOf(parse.GetValue(AsOf)) };
        }

        internal sealed record Loaded(LeadsTable? Table, bool[] Converted, History? History, IReadOnlyList<string>? OutcomeIds)
        {
            public DateTime? AsOf { get; init; }

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
                int left = history.Leads.Count - OutcomeIds!.Count;
                return new ScoredLeads(
                    history.Source,
                    OutcomeIds,
                    OutcomeIds.Select(id => leads[id].ToLeadScore()).ToList(),
                    Converted,
                    0,
                    left > 0 ? $"{left} leads of {history.Source} have no outcome and are left out." : null);
            }
        }
    }
}
