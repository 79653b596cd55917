using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.ModelFiles
{
    /// <summary>Writes a model in the field order of docs/model-format.md, leaving out fields at their defaults.</summary>
    internal static class ModelFileWriter
    {
        private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The shape ModelFileReader.ReadGradeConversion reads (also inside backtest --json).</summary>
        public static void WriteGradeConversion(Utf8JsonWriter json, GradeConversion conversion)
        {
            json.WriteStartObject();
            json.WriteString("source", conversion.Source);
            json.WriteString("measuredOn", conversion.MeasuredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("leads", conversion.Leads);
            json.WriteStartArray("grades");
            foreach (var g in conversion.Grades)
            {
                json.WriteStartObject();
                json.WriteString("grade", g.Grade);
                json.WriteNumber("leads", g.Leads);
                json.WriteNumber("converted", g.Converted);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        public static string ToJson(ScoringModel model)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                json.WriteString("name", model.Name);
                json.WriteNumber("version", model.Version);
                json.WriteNumber("salesReadyThreshold", model.SalesReadyThreshold);
                json.WriteNumber("minimumFit", model.MinimumFit);
                json.WriteNumber("minimumEngagement", model.MinimumEngagement);
                json.WriteNumber("fitCap", model.FitCap);
                json.WriteNumber("engagementCap", model.EngagementCap);
                json.WriteNumber("floor", model.Floor);
                json.WriteStartObject("grades");
                WriteInts(json, "fitBands", model.Grades.FitBands);
                WriteInts(json, "engagementBands", model.Grades.EngagementBands);
                json.WriteEndObject();
                if (model.Decay is { } decay)
                {
                    json.WriteStartObject("decay");
                    json.WriteNumber("inactiveDays", decay.InactiveDays);
                    json.WriteNumber("points", decay.Points);
                    json.WriteNumber("everyDays", decay.EveryDays);
                    json.WriteNumber("floor", decay.Floor);
                    json.WriteEndObject();
                }

                if (model.HandBack is { } handBack)
                {
                    json.WriteStartObject("handBack");
                    json.WriteNumber("points", handBack.Points);
                    json.WriteNumber("marginBelowThreshold", handBack.MarginBelowThreshold);
                    json.WriteNumber("requalifyEngagement", handBack.RequalifyEngagement);
                    json.WriteEndObject();
                }

                json.WriteStartArray("rules");
                foreach (var rule in model.Rules)
                {
                    WriteRule(json, rule);
                }

                json.WriteEndArray();
                if (model.GradeConversion is { } conversion)
                {
                    json.WritePropertyName("gradeConversion");
                    WriteGradeConversion(json, conversion);
                }

                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void WriteRule(Utf8JsonWriter json, ScoringRule rule)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            json.WriteString("category", ModelFileNames.Categories[rule.Category]);
            if (rule.Table.Length > 0)
            {
                json.WriteString("table", rule.Table);
            }

            if (rule.Kind != RuleKind.Conditions)
            {
                json.WriteString("kind", ModelFileNames.Kinds[rule.Kind]);
            }

            if (rule.Count != 0)
            {
                json.WriteNumber("count", rule.Count);
            }

            if (rule.WithinDays != 0)
            {
                json.WriteNumber("withinDays", rule.WithinDays);
            }

            if (rule.Conditions.Count > 0 || rule.Kind == RuleKind.Conditions)
            {
                json.WriteStartArray("conditions");
                foreach (var condition in rule.Conditions)
                {
                    WriteCondition(json, condition);
                }

                json.WriteEndArray();
            }

            json.WriteNumber("points", rule.Points);
            WriteLimit(json, rule.Limit);
            if (rule.ExpiresAfterDays is int days)
            {
                json.WriteNumber("expiresAfterDays", days);
            }

            json.WriteEndObject();
        }

        private static void WriteCondition(Utf8JsonWriter json, Condition condition)
        {
            json.WriteStartObject();
            json.WriteString("attribute", condition.Attribute);
            json.WriteString("operator", ModelFileNames.Operators[condition.Operator]);
            if (ModelFileNames.TakesList(condition.Operator) || condition.Values.Count > 1)
            {
                json.WriteStartArray("value");
                foreach (object? value in condition.Values)
                {
                    WriteValue(json, value);
                }

                json.WriteEndArray();
            }
            else if (condition.Values.Count == 1)
            {
                json.WritePropertyName("value");
                WriteValue(json, condition.Values[0]);
            }

            json.WriteEndObject();
        }

        private static void WriteLimit(Utf8JsonWriter json, RuleLimit limit)
        {
            if (limit.Type == LimitType.None)
            {
                return;
            }

            json.WriteStartObject("limit");
            switch (limit.Type)
            {
                case LimitType.PerLead: json.WriteString("per", "lead"); break;
                case LimitType.PerRecord: json.WriteString("per", "record"); break;
                case LimitType.MaxTimes: json.WriteNumber("maxTimes", limit.Value); break;
                default: json.WriteNumber("oncePerDays", limit.Value); break;
            }

            json.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter json, object? value)
        {
            switch (value)
            {
                case string s: json.WriteStringValue(s); break;
                case bool b: json.WriteBooleanValue(b); break;
                case decimal d: json.WriteNumberValue(d); break;
                case int i: json.WriteNumberValue(i); break;
                case double x: json.WriteNumberValue(x); break;
                case System.DateTime t: json.WriteStringValue(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)); break;
                case null: json.WriteNullValue(); break;
                default: json.WriteStringValue(value.ToString()); break;
            }
        }

        private static void WriteInts(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
        {
            json.WriteStartArray(name);
            foreach (int value in values.ToArray())
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
        }
    }
}
