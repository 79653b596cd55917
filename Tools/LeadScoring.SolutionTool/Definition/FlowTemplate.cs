using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// A cloud flow's triggers and actions, Definition/Flows/&lt;key&gt;.json, filled from the definition.
    /// A template names the product's logical names and values as {{Class.Name}} (the constants of
    /// LeadColumns, ScoreEventColumns, CustomApi, DecayRunColumns and the choice values), and an
    /// environment variable's flow parameter as {{Parameter.schema name}}. Tokens work in property names
    /// and inside texts; a text that is only a number constant's token becomes that number.
    /// </summary>
    public static class FlowTemplate
    {
        private static readonly Type[] Sources =
        {
            typeof(LeadColumns), typeof(ScoreEventColumns), typeof(CustomApi), typeof(LifecycleStageValues), typeof(ScoreEventKindValues),
            typeof(DecayRunColumns), typeof(DecayRunStatusValues),
        };

        private static readonly Regex Token = new(@"\{\{([A-Za-z]+)\.([A-Za-z_]+)\}\}", RegexOptions.CultureInvariant);

        public static JsonObject Fill(string key, IReadOnlyList<EnvironmentVariable> variables)
        {
            string name = $"Definition/Flows/{key}.json";
            using var stream = typeof(FlowTemplate).Assembly.GetManifestResourceStream("Flows/" + key + ".json")
                ?? throw new SolutionToolException($"No flow template {name}.");
            using var reader = new StreamReader(stream);
            return Fill(name, reader.ReadToEnd(), variables);
        }

        /// <summary>Fills a template's text; name says which template in error messages.</summary>
        public static JsonObject Fill(string name, string json, IReadOnlyList<EnvironmentVariable> variables)
        {
            var template = JsonNode.Parse(json)!.AsObject();
            var parameters = variables.ToDictionary(v => v.SchemaName, Flows.Parameter, StringComparer.Ordinal);
            return (JsonObject)Fill(template, token => Value(name, token, parameters))!;
        }

        private static JsonNode? Fill(JsonNode? node, Func<Match, object> value)
        {
            switch (node)
            {
                case JsonObject obj:
                    var filled = new JsonObject();
                    foreach (var (property, child) in obj)
                    {
                        filled[Replace(property, value)] = Fill(child, value);
                    }

                    return filled;
                case JsonArray array:
                    return new JsonArray(array.Select(item => Fill(item, value)).ToArray());
                case JsonValue text when text.TryGetValue(out string? s):
                    var whole = Token.Match(s);
                    if (whole.Success && whole.Length == s.Length && value(whole) is int number)
                    {
                        return JsonValue.Create(number);
                    }

                    return JsonValue.Create(Replace(s, value));
                default:
                    return node?.DeepClone();
            }
        }

        private static string Replace(string text, Func<Match, object> value) =>
            Token.Replace(text, m => Convert.ToString(value(m), System.Globalization.CultureInfo.InvariantCulture)!);

        private static object Value(string template, Match token, IReadOnlyDictionary<string, string> parameters)
        {
            string source = token.Groups[1].Value;
            string member = token.Groups[2].Value;
            if (source == "Parameter")
            {
                return parameters.TryGetValue(member, out var parameter)
                    ? parameter
                    : throw new SolutionToolException($"{template}: {token.Value} names an environment variable the flow does not declare (it declares {string.Join(", ", parameters.Keys)}).");
            }

            var field = Sources.FirstOrDefault(t => t.Name == source)?.GetField(member, BindingFlags.Public | BindingFlags.Static);
            return field?.GetValue(null)
                ?? throw new SolutionToolException($"{template}: {token.Value} is not a constant of {string.Join(", ", Sources.Select(t => t.Name))}.");
        }
    }
}
