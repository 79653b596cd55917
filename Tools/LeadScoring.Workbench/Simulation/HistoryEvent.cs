using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Simulation
{
    internal enum HistoryOp
    {
        Create,
        Update,
        HandBack,
        Adjust,
        Decay,
        Activate,
        Record,
    }

    /// <summary>
    /// One line of an events file, checked and converted: Columns hold SDK values (OptionSetValue,
    /// Money, EntityReference to the lead's stable id, …) ready to write.
    /// </summary>
    internal sealed record HistoryEvent(int Line, DateTime At, HistoryOp Op)
    {
        /// <summary>create/update: the table; handback/adjust: lead; record: ls_interaction.</summary>
        public string Table { get; init; } = "";

        /// <summary>create/update: the record's id in the file; handback/adjust: the lead's id in the file.</summary>
        public string Id { get; init; } = "";

        /// <summary>create/update: the columns; record: ls_RecordInteraction's parameters.</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> Columns { get; init; } = Array.Empty<KeyValuePair<string, object?>>();

        public string Reason { get; init; } = "";

        public int Points { get; init; }

        /// <summary>activate: the model file's model, checked when the file is read.</summary>
        public Engine.ScoringModel? Model { get; init; }
    }

    /// <summary>An events file read and checked: its events in time order and its leads in order of first appearance.</summary>
    internal sealed record History(string Source, IReadOnlyList<HistoryEvent> Events, IReadOnlyList<string> Leads)
    {
        public DateTime? LastAt => Events.Count == 0 ? null : Events[^1].At;

        /// <summary>The custom columns the file writes (new_noshow), typed by their values: the replayed org has them, as the real one would.</summary>
        public IEnumerable<(string Table, TableColumn Column)> CustomColumns() => Events
            .Where(e => e.Op is HistoryOp.Create or HistoryOp.Update)
            .SelectMany(e => e.Columns.Where(c => TableColumns.IsCustom(e.Table, c.Key)).Select(c => (e.Table, Column: new TableColumn(c.Key, TypeOf(c.Value)))))
            .GroupBy(c => (c.Table, c.Column.Name))
            .Select(g => g.FirstOrDefault(c => c.Column.Type != ColumnType.Other) is { Column: not null } typed ? typed : g.First());

        private static ColumnType TypeOf(object? value) => value switch
        {
            bool => ColumnType.Boolean,
            int => ColumnType.WholeNumber,
            decimal => ColumnType.Decimal,
            DateTime => ColumnType.DateTime,
            string => ColumnType.Text,
            _ => ColumnType.Other,
        };
    }
}
