using System;
using System.Collections.Generic;

namespace LeadScoring.Engine
{
    /// <summary>What a condition may compare a column with.</summary>
    public enum ColumnType
    {
        Text,
        WholeNumber,
        Decimal,

        /// <summary>A currency column: compared as a number.</summary>
        Money,
        DateTime,

        /// <summary>A two-option (yes/no) column: true, false or one of its two labels.</summary>
        Boolean,

        /// <summary>A choice (picklist, status, status reason): a value or a label.</summary>
        Choice,

        /// <summary>A lookup: the referenced row's id.</summary>
        Lookup,

        /// <summary>Anything else (activity parties, files, …): only exists and notExists.</summary>
        Other,
    }

    /// <summary>One option of a choice or two-option column: its value (a number, or true/false) and its label.</summary>
    public sealed record ColumnOption(object Value, string Label);

    /// <summary>A column of a table as metadata describes it: the product's catalogue offline, the org's metadata online.</summary>
    public sealed record TableColumn(string Name, ColumnType Type, IReadOnlyList<ColumnOption> Options)
    {
        public TableColumn(string name, ColumnType type)
            : this(name, type, Array.Empty<ColumnOption>())
        {
        }
    }

    /// <summary>Where the columns of a table are looked up.</summary>
    public interface IColumnSource
    {
        /// <summary>True for the product's own catalogue: a custom column outside it is only a warning, because the org may have it.</summary>
        bool IsCatalogue { get; }

        /// <summary>The table's columns, or null when the table does not exist.</summary>
        IReadOnlyCollection<TableColumn>? Columns(string table);
    }
}
