using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LeadScoring.Dataverse;

namespace LeadScoring.Workbench.Interactions
{
    /// <summary>
    /// The column mapping of an interactions import (docs/integrations.md): which CSV column feeds
    /// which ls_RecordInteraction parameter, constants for Source and Type when the file has no such
    /// column, a translation of the file's own type words, and extra ls_interaction columns.
    /// <code>
    /// { "source": "webinar-platform",
    ///   "columns": { "ExternalId": "id", "Type": "activity", "OccurredOn": "when", "EmailAddress": "email", "Name": "title" },
    ///   "types": { "attended": "Webinar attendance" },
    ///   "extraColumns": { "ls_campaigncode": "campaign" } }
    /// </code>
    /// </summary>
    internal sealed class ImportMapping
    {
        /// <summary>The parameters a CSV column may feed; Columns is built from extraColumns.</summary>
        public static readonly string[] Parameters =
        {
            CustomApi.Type, CustomApi.Source, CustomApi.ExternalId, CustomApi.OccurredOn, CustomApi.Name, CustomApi.Url,
            CustomApi.LeadId, CustomApi.EmailAddress, CustomApi.LeadSource, CustomApi.DurationSeconds,
        };

        private static readonly string[] Fields = { "source", "type", "columns", "types", "extraColumns" };

        public string? Source { get; private init; }

        public string? Type { get; private init; }

        /// <summary>Parameter → CSV header.</summary>
        public IReadOnlyDictionary<string, string> Columns { get; private init; } = new Dictionary<string, string>();

        /// <summary>The file's type word (any case) → a label or value of ls_interactiontype.</summary>
        public IReadOnlyDictionary<string, string> Types { get; private init; } = new Dictionary<string, string>();

        /// <summary>ls_interaction column → CSV header.</summary>
        public IReadOnlyDictionary<string, string> ExtraColumns { get; private init; } = new Dictionary<string, string>();

        public static ImportMapping Read(string path)
        {
            string name = System.IO.Path.GetFileName(path);
            string text = WorkbenchFiles.Utf8Text(WorkbenchFiles.ReadAllBytes(path, WorkbenchFiles.MaxModelBytes), name);
            try
            {
                using var document = JsonDocument.Parse(text);
                return Parse(document.RootElement, name);
            }
            catch (JsonException e)
            {
                throw new WorkbenchException($"{name}: not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split('.')[0]}", e);
            }
        }

        public static ImportMapping Parse(JsonElement root, string name)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WorkbenchException($"{name}: the mapping must be a JSON object with \"columns\" (and \"source\", \"type\", \"types\", \"extraColumns\")");
            }

            foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name, StringComparer.Ordinal)))
            {
                throw new WorkbenchException($"{name}: unknown field '{property.Name}'; allowed: {string.Join(", ", Fields)}");
            }

            var columns = Strings(root, "columns", name);
            foreach (var parameter in columns.Keys.Where(k => !Parameters.Contains(k, StringComparer.Ordinal)))
            {
                throw new WorkbenchException($"{name}: columns: '{parameter}' is not a parameter of {CustomApi.RecordInteraction}; allowed: {string.Join(", ", Parameters)}");
            }

            var mapping = new ImportMapping
            {
                Source = Constant(root, "source", name),
                Type = Constant(root, "type", name),
                Columns = columns,
                Types = new Dictionary<string, string>(Strings(root, "types", name), StringComparer.OrdinalIgnoreCase),
                ExtraColumns = Strings(root, "extraColumns", name),
            };
            Require(mapping, CustomApi.ExternalId, null, name);
            Require(mapping, CustomApi.Source, mapping.Source, name);
            Require(mapping, CustomApi.Type, mapping.Type, name);
            if (!columns.ContainsKey(CustomApi.EmailAddress) && !columns.ContainsKey(CustomApi.LeadId))
            {
                throw new WorkbenchException($"{name}: columns must map EmailAddress or LeadId (who interacted)");
            }

            if (!columns.ContainsKey(CustomApi.Name) && !columns.ContainsKey(CustomApi.Url))
            {
                throw new WorkbenchException($"{name}: columns must map Name or Url (what the person did)");
            }

            return mapping;
        }

        /// <summary>Every CSV header the mapping names exists in the file.</summary>
        public void Check(IReadOnlyList<string> header, string csv)
        {
            var missing = Columns.Values.Concat(ExtraColumns.Values).Where(h => !header.Contains(h, StringComparer.Ordinal)).Distinct().ToList();
            if (missing.Count > 0)
            {
                throw new WorkbenchException($"{csv}: the mapping names {string.Join(", ", missing.Select(m => "'" + m + "'"))}, which the header does not have (it has {string.Join(", ", header)})");
            }
        }

        private static void Require(ImportMapping mapping, string parameter, string? constant, string name)
        {
            if (!mapping.Columns.ContainsKey(parameter) && constant == null)
            {
                string hint = parameter == CustomApi.ExternalId ? " (the source's own id of each interaction: what makes a second import record nothing twice)" : $" or give \"{parameter.ToLowerInvariant()}\" for every row";
                throw new WorkbenchException($"{name}: columns must map {parameter}{hint}");
            }
        }

        private static string? Constant(JsonElement root, string field, string name) =>
            !root.TryGetProperty(field, out var value) ? null
            : value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0 ? value.GetString()!.Trim()
            : throw new WorkbenchException($"{name}: '{field}' must be a non-empty string");

        private static Dictionary<string, string> Strings(JsonElement root, string field, string name)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!root.TryGetProperty(field, out var value))
            {
                return result;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new WorkbenchException($"{name}: '{field}' must be an object of names and strings");
            }

            foreach (var property in value.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0
                    ? property.Value.GetString()!
                    : throw new WorkbenchException($"{name}: {field}: '{property.Name}' must be a non-empty string");
            }

            return result;
        }
    }
}
