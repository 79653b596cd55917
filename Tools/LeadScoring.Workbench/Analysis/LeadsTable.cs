using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// The leads table: one row per lead, a header of column names. Cells are trimmed; cells that
    /// are empty or hold one of the missing markers (X Education's "Select") read as empty.
    /// Each column is known by its header and by its logical name (see <see cref="LogicalName"/>).
    /// </summary>
    internal sealed class LeadsTable
    {
        /// <summary>The most leads a table may hold: calibration, backtests and the baseline keep every row in memory.</summary>
        public const int MaxRows = 200_000;

        private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

        private LeadsTable(string source, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, IReadOnlyList<int> lines)
        {
            Source = source;
            Headers = headers;
            Attributes = headers.Select(LogicalName.FromHeader).ToArray();
            Rows = rows;
            Lines = lines;
            for (int c = 0; c < headers.Count; c++)
            {
                if (Attributes[c].Length == 0)
                {
                    throw new WorkbenchException($"{source}: column {c + 1} has no usable name ('{headers[c]}')");
                }

                if (_index.TryGetValue(Attributes[c], out int other))
                {
                    throw new WorkbenchException($"{source}: columns '{headers[other]}' and '{headers[c]}' both map to the attribute '{Attributes[c]}'");
                }

                _index[Attributes[c]] = c;
                _index.TryAdd(headers[c], c);
            }
        }

        /// <summary>The file name, for messages.</summary>
        public string Source { get; }

        public IReadOnlyList<string> Headers { get; }

        /// <summary>The logical (attribute) name of each column.</summary>
        public IReadOnlyList<string> Attributes { get; }

        /// <summary>The cells of each lead; "" is missing.</summary>
        public IReadOnlyList<string[]> Rows { get; }

        /// <summary>The line of the file each row starts on.</summary>
        public IReadOnlyList<int> Lines { get; }

        public static LeadsTable Load(string path, IEnumerable<string> missingMarkers) =>
            Parse(WorkbenchFiles.ReadAllBytes(path, WorkbenchFiles.MaxDataBytes), Path.GetFileName(path), missingMarkers);

        /// <summary>The file's bytes: strict UTF-8, then CSV.</summary>
        public static LeadsTable Parse(byte[] utf8, string source, IEnumerable<string> missingMarkers) =>
            Parse(WorkbenchFiles.Utf8Text(utf8, source), source, missingMarkers);

        public static LeadsTable Parse(string text, string source, IEnumerable<string> missingMarkers)
        {
            var missing = new HashSet<string>(missingMarkers.Select(m => m.Trim()).Where(m => m.Length > 0), StringComparer.OrdinalIgnoreCase);
            using var records = Csv.Parse(text, source).GetEnumerator();
            if (!records.MoveNext())
            {
                throw new WorkbenchException($"{source}: the file is empty (a header row of column names is needed)");
            }

            var headers = records.Current.Fields.Select(h => h.Trim()).ToArray();
            var rows = new List<string[]>();
            var lines = new List<int>();
            while (records.MoveNext())
            {
                var record = records.Current;
                if (record.Fields.Count == 1 && record.Fields[0].Length == 0)
                {
                    continue; // a blank line
                }

                if (rows.Count == MaxRows)
                {
                    throw new WorkbenchException($"{source}, line {record.Line}: more than {MaxRows:N0} leads, the most a leads table may hold (docs/reliability.md); use a sample");
                }

                if (record.Fields.Count != headers.Length)
                {
                    throw new WorkbenchException($"{source}, line {record.Line}, column {Math.Min(record.Fields.Count, headers.Length) + 1}: {record.Fields.Count} fields, but the header has {headers.Length}");
                }

                rows.Add(record.Fields.Select(f => Clean(f, missing)).ToArray());
                lines.Add(record.Line);
            }

            return new LeadsTable(source, headers, rows, lines);
        }

        /// <summary>The column with this header or logical name (case-insensitive), or a clear error.</summary>
        public int Column(string name)
        {
            if (_index.TryGetValue(name.Trim(), out int c) || _index.TryGetValue(LogicalName.FromHeader(name), out c))
            {
                return c;
            }

            throw new WorkbenchException($"{Source}: unknown column '{name}' (columns: {string.Join(", ", Headers)})");
        }

        /// <summary>Reads the outcome column: 1/0, true/false or yes/no; both outcomes must occur.</summary>
        public bool[] Outcomes(int column)
        {
            var outcomes = new bool[Rows.Count];
            for (int r = 0; r < Rows.Count; r++)
            {
                outcomes[r] = ParseOutcome(Rows[r][column]) ?? throw new WorkbenchException(
                    $"{Source}, line {Lines[r]}, column {column + 1}: outcome column '{Headers[column]}' holds '{Rows[r][column]}'; allowed: 1/0, true/false, yes/no");
            }

            // AUC, weights of evidence and the regression compare converted with not converted leads: with one class they are undefined (NaN).
            int converted = outcomes.Count(o => o);
            if (converted == 0 || converted == outcomes.Length)
            {
                throw new WorkbenchException(outcomes.Length == 0
                    ? $"{Source}: no leads to measure (the table, or the chosen part of it, has no rows)"
                    : $"{Source}: outcome column '{Headers[column]}' has only {(converted == 0 ? "not converted" : "converted")} leads ({outcomes.Length:N0}); measuring a model needs both converted and not converted leads");
            }

            return outcomes;
        }

        /// <summary>The rows at these positions, as a table of their own.</summary>
        public LeadsTable Subset(IReadOnlyList<int> rows) =>
            new(Source, Headers, rows.Select(r => Rows[r]).ToArray(), rows.Select(r => Lines[r]).ToArray());

        private static string Clean(string cell, HashSet<string> missing)
        {
            string value = cell.Trim();
            return missing.Contains(value) ? "" : value;
        }

        private static bool? ParseOutcome(string value)
        {
            switch (value.ToLowerInvariant())
            {
                case "1": case "true": case "yes": return true;
                case "0": case "false": case "no": return false;
                default:
                    return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && (d == 0 || d == 1) ? d == 1 : null;
            }
        }
    }
}
