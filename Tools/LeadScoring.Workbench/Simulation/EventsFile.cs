using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using LeadScoring.Dataverse;
using LeadScoring.Workbench.ModelFiles;

namespace LeadScoring.Workbench.Simulation
{
    /// <summary>
    /// Reads an events file (JSON Lines, docs/workbench.md): one JSON object per line, in time order.
    /// The whole file is checked before anything runs, and every mistake is one line naming the file,
    /// the line (and column where there is one) and what is wrong: malformed JSON, an unknown op or
    /// field, a missing id, "at" out of order, a lookup to a lead no earlier line creates, a choice
    /// label that does not exist.
    /// </summary>
    internal sealed class EventsFile
    {
        private static readonly Regex IsoDate = new(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, (HistoryOp Op, string[] Fields)> Ops = new(StringComparer.Ordinal)
        {
            ["create"] = (HistoryOp.Create, new[] { "at", "op", "table", "id", "attributes" }),
            ["update"] = (HistoryOp.Update, new[] { "at", "op", "table", "id", "attributes" }),
            ["handback"] = (HistoryOp.HandBack, new[] { "at", "op", "lead", "reason" }),
            ["adjust"] = (HistoryOp.Adjust, new[] { "at", "op", "lead", "points", "reason" }),
            ["decay"] = (HistoryOp.Decay, new[] { "at", "op" }),
            ["activate"] = (HistoryOp.Activate, new[] { "at", "op", "model" }),
            ["record"] = (HistoryOp.Record, new[] { "at", "op", "type", "source", "externalId", "email", "lead", "name", "url" }),
        };

        private readonly string _source;
        private readonly string _folder;
        private readonly Dictionary<string, HashSet<string>> _created = TableColumns.Names.ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        private readonly List<string> _leads = new();
        private readonly List<HistoryEvent> _events = new();
        private DateTime? _previousAt;

        private EventsFile(string source, string folder)
        {
            _source = source;
            _folder = folder;
        }

        public static History Read(string path) =>
            Parse(WorkbenchFiles.ReadAllBytes(path, WorkbenchFiles.MaxDataBytes), Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)) ?? "");

        /// <summary>The file's bytes: strict UTF-8, then one JSON object per line.</summary>
        /// <param name="folder">Where the model files of activate lines are looked up when their path is relative.</param>
        public static History Parse(byte[] utf8, string source, string folder = "") => Parse(new StringReader(WorkbenchFiles.Utf8Text(utf8, source)), source, folder);

        /// <param name="folder">Where the model files of activate lines are looked up when their path is relative.</param>
        public static History Parse(TextReader reader, string source, string folder = "")
        {
            var file = new EventsFile(source, folder);
            int number = 0;
            for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
            {
                number++;
                if (line.Trim().Length > 0)
                {
                    file.ReadLine(line, number);
                }
            }

            if (file._events.Count == 0)
            {
                throw new WorkbenchException($"{source}: the file has no events (one JSON object per line is expected)");
            }

            return new History(source, file._events, file._leads);
        }

        private void ReadLine(string line, int number)
        {
            var tree = JsonTree.Parse(Encoding.UTF8.GetBytes(line.TrimStart('\uFEFF')), _source, number);
            if (tree.Root is not JsonObjectAt row)
            {
                throw tree.Error(tree.Root.Offset, "each line must be a JSON object such as {\"at\":\"2026-01-05T09:00:00Z\",\"op\":\"create\",…}");
            }

            var at = Timestamp(tree, Required(tree, row, "at"), "at");
            var opField = Required(tree, row, "op");
            string opWord = Text(tree, opField, "op");
            if (!Ops.TryGetValue(opWord, out var op))
            {
                throw tree.Error(opField.Value.Offset, $"unknown op '{opWord}'; allowed: {string.Join(", ", Ops.Keys)}");
            }

            foreach (var field in row.Properties.Where(p => !op.Fields.Contains(p.Name, StringComparer.Ordinal)))
            {
                throw tree.Error(field.Offset, $"unknown field '{field.Name}' for op '{opWord}'; allowed: {string.Join(", ", op.Fields)}");
            }

            if (_previousAt is DateTime previous && at < previous)
            {
                throw tree.Error(row.Properties.First(p => p.Name == "at").Value.Offset,
                    $"'at' {Iso(at)} is before {Iso(previous)} on an earlier line; the events must be in time order");
            }

            _previousAt = at;
            var item = new HistoryEvent(number, at, op.Op);
            _events.Add(op.Op switch
            {
                HistoryOp.Create or HistoryOp.Update => Record(tree, row, item),
                HistoryOp.HandBack => item with { Table = LeadColumns.Table, Id = Lead(tree, row), Reason = Reason(tree, row) },
                HistoryOp.Adjust => item with { Table = LeadColumns.Table, Id = Lead(tree, row), Points = Points(tree, row), Reason = Reason(tree, row) },
                HistoryOp.Activate => item with { Model = Model(tree, row) },
                HistoryOp.Record => Recorded(tree, row, item),
                _ => item,
            });
        }

        private HistoryEvent Record(JsonTree tree, JsonObjectAt row, HistoryEvent item)
        {
            var tableField = Required(tree, row, "table");
            string table = Text(tree, tableField, "table");
            if (!TableColumns.IsTable(table))
            {
                throw tree.Error(tableField.Value.Offset, $"unknown table '{table}'; allowed: {string.Join(", ", TableColumns.Names)}");
            }

            var idField = Required(tree, row, "id");
            string id = Text(tree, idField, "id").Trim();
            if (id.Length == 0)
            {
                throw tree.Error(idField.Value.Offset, "'id' is empty; give the record an id of your own, such as \"john\" or \"e1\"");
            }

            bool exists = _created[table].Contains(id);
            if (item.Op == HistoryOp.Create && exists)
            {
                throw tree.Error(idField.Value.Offset, $"{table} '{id}' is created twice (ids are unique per table)");
            }

            if (item.Op == HistoryOp.Update && !exists)
            {
                throw tree.Error(idField.Value.Offset, $"update of {table} '{id}', which no earlier line creates");
            }

            var attributes = row.Properties.FirstOrDefault(p => p.Name == "attributes");
            if (attributes is not null && attributes.Value is not JsonObjectAt)
            {
                throw tree.Error(attributes.Value.Offset, "'attributes' must be an object of column names and values");
            }

            var columns = attributes?.Value is JsonObjectAt values
                ? values.Properties.Select(p => new KeyValuePair<string, object?>(p.Name, EventValues.Convert(tree, table, p, _created[LeadColumns.Table]))).ToList()
                : new List<KeyValuePair<string, object?>>();
            if (item.Op == HistoryOp.Create)
            {
                _created[table].Add(id);
                if (table == LeadColumns.Table)
                {
                    _leads.Add(id);
                }
            }

            return item with { Table = table, Id = id, Columns = columns };
        }

        /// <summary>
        /// An interaction a source sends through ls_RecordInteraction (as a webhook would), at "at":
        /// type (a label or value of ls_interactiontype), source and externalId, the person by email
        /// or by the file's lead id, and a name or url. The Custom API checks the values themselves.
        /// </summary>
        private HistoryEvent Recorded(JsonTree tree, JsonObjectAt row, HistoryEvent item)
        {
            var parameters = new List<KeyValuePair<string, object?>> { new(CustomApi.OccurredOn, item.At) };
            void Add(string field, string parameter, bool required)
            {
                var property = row.Properties.FirstOrDefault(p => p.Name == field);
                if (property == null)
                {
                    if (required)
                    {
                        throw tree.Error(row.Offset, $"'{field}' is missing");
                    }

                    return;
                }

                string value = Text(tree, property, field);
                if (field == "type" && LeadScoring.Operations.RecordInteraction.TypeValue(value) == null)
                {
                    throw tree.Error(property.Value.Offset, $"'type' {value} is not an interaction type; allowed: {string.Join(", ", InteractionTypeValues.Labels.Select(l => l.Value))}");
                }

                parameters.Add(new(parameter, field == "lead" ? StableIds.For(LeadColumns.Table, Lead(tree, row)) : value));
            }

            Add("type", CustomApi.Type, true);
            Add("source", CustomApi.Source, true);
            Add("externalId", CustomApi.ExternalId, true);
            Add("email", CustomApi.EmailAddress, false);
            Add("lead", CustomApi.LeadId, false);
            Add("name", CustomApi.Name, false);
            Add("url", CustomApi.Url, false);
            if (!parameters.Any(p => p.Key is CustomApi.EmailAddress or CustomApi.LeadId) || !parameters.Any(p => p.Key is CustomApi.Name or CustomApi.Url))
            {
                throw tree.Error(row.Offset, "a record needs 'email' or 'lead' (who) and 'name' or 'url' (what)");
            }

            return item with { Table = InteractionColumns.Table, Columns = parameters };
        }

        private string Lead(JsonTree tree, JsonObjectAt row)
        {
            var field = Required(tree, row, "lead");
            string lead = Text(tree, field, "lead");
            return _created[LeadColumns.Table].Contains(lead)
                ? lead
                : throw tree.Error(field.Value.Offset, $"'lead' names '{lead}', which no earlier line creates as a lead");
        }

        /// <summary>The model file an activate line names (relative to the events file), read and validated now, so a bad file stops the run before it starts.</summary>
        private Engine.ScoringModel Model(JsonTree tree, JsonObjectAt row)
        {
            var field = Required(tree, row, "model");
            var path = Text(tree, field, "model").Trim();
            if (path.Length == 0)
            {
                throw tree.Error(field.Value.Offset, "'model' must name a model file, such as \"model-v2.json\"");
            }

            try
            {
                return ValidModel.Read(Path.Combine(_folder, path));
            }
            catch (WorkbenchException e)
            {
                throw tree.Error(field.Value.Offset, "the model file cannot be activated: " + e.Message);
            }
        }

        private static string Reason(JsonTree tree, JsonObjectAt row)
        {
            var field = Required(tree, row, "reason");
            string reason = Text(tree, field, "reason").Trim();
            return reason.Length is > 0 and <= 500 ? reason : throw tree.Error(field.Value.Offset, "'reason' must hold 1 to 500 characters");
        }

        private static int Points(JsonTree tree, JsonObjectAt row)
        {
            var field = Required(tree, row, "points");
            return field.Value is JsonScalarAt { Value: decimal d } && d == decimal.Truncate(d) && d != 0 && Math.Abs(d) <= Engine.ScoringLimits.MaxPoints
                ? (int)d
                : throw tree.Error(field.Value.Offset, $"'points' must be a whole number from -{Engine.ScoringLimits.MaxPoints} to {Engine.ScoringLimits.MaxPoints}, not 0");
        }

        private static JsonPropertyAt Required(JsonTree tree, JsonObjectAt row, string name) =>
            row.Properties.FirstOrDefault(p => p.Name == name) ?? throw tree.Error(row.Offset, $"'{name}' is missing");

        private static string Text(JsonTree tree, JsonPropertyAt field, string name) =>
            field.Value is JsonScalarAt { Value: string s } ? s : throw tree.Error(field.Value.Offset, $"'{name}' must be a string");

        /// <summary>An ISO-8601 date and time; without an offset it is UTC.</summary>
        public static DateTime Timestamp(JsonTree tree, JsonPropertyAt field, string name)
        {
            if (field.Value is JsonScalarAt { Value: string s } && IsoDate.IsMatch(s.Trim()) &&
                DateTime.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                return DateTime.SpecifyKind(at, DateTimeKind.Utc);
            }

            throw tree.Error(field.Value.Offset, $"'{name}' must be an ISO-8601 date and time such as \"2026-01-05T09:30:00Z\"");
        }

        public static string Iso(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
