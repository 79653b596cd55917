using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using LeadScoring.Dataverse;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.ModelFiles
{
    /// <summary>Maps the positioned JSON of a model file to the engine's records, failing on the first mistake.</summary>
    internal sealed class ModelFileReader
    {
        private static readonly string[] ModelFields =
            { "name", "version", "salesReadyThreshold", "minimumFit", "minimumEngagement", "fitCap", "engagementCap", "floor", "grades", "decay", "handBack", "rules", "gradeConversion" };

        private static readonly string[] RuleFields =
            { "id", "name", "category", "table", "kind", "count", "withinDays", "conditions", "points", "limit", "expiresAfterDays" };

        private readonly JsonTree _tree;

        public ModelFileReader(JsonTree tree) => _tree = tree;

        public ScoringModel ReadModel()
        {
            var model = Fields(_tree.Root, "the model", ModelFields);
            var grades = model.Object("grades", new[] { "fitBands", "engagementBands" });
            var decay = model.Object("decay", new[] { "inactiveDays", "points", "everyDays", "floor" });
            var handBack = model.Object("handBack", new[] { "points", "marginBelowThreshold", "requalifyEngagement" });
            var rules = model.Array("rules", required: true)!;
            return new ScoringModel
            {
                Name = model.String("name", required: true)!,
                Version = model.Int("version") ?? 1,
                SalesReadyThreshold = model.RequiredInt("salesReadyThreshold"),
                MinimumFit = model.Int("minimumFit") ?? 0,
                MinimumEngagement = model.Int("minimumEngagement") ?? 0,
                FitCap = model.RequiredInt("fitCap"),
                EngagementCap = model.RequiredInt("engagementCap"),
                Floor = model.Int("floor") ?? 0,
                Grades = new GradeBands(grades?.IntList("fitBands") ?? new List<int>(), grades?.IntList("engagementBands") ?? new List<int>()),
                Decay = decay is null ? null : new DecayPolicy(
                    decay.RequiredInt("inactiveDays"), decay.RequiredInt("points"), decay.RequiredInt("everyDays"), decay.Int("floor") ?? 0),
                HandBack = handBack is null ? null : new HandBackPolicy(
                    handBack.RequiredInt("points"), handBack.RequiredInt("marginBelowThreshold"), handBack.RequiredInt("requalifyEngagement")),
                Rules = rules.Items.Select((rule, i) => ReadRule(rule, i + 1)).ToArray(),
                GradeConversion = model.Get("gradeConversion") is { } conversion ? ReadGradeConversion(conversion, "the model, field 'gradeConversion'") : null,
            };
        }

        /// <summary>
        /// The figures of a backtest or calibration: in a model file ("gradeConversion") and in the JSON that
        /// backtest --json writes; the same shape in both (docs/model-format.md).
        /// </summary>
        public GradeConversion ReadGradeConversion(JsonAt node, string context)
        {
            var c = Fields(node, context, new[] { "source", "measuredOn", "leads", "grades" });
            string on = c.String("measuredOn", required: true)!;
            if (!DateTime.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var measuredOn))
            {
                throw _tree.Error(c.Get("measuredOn")!.Offset, $"{context}, field 'measuredOn': expected a date as yyyy-MM-dd, got \"{on}\"");
            }

            var grades = c.Array("grades", required: true)!.Items.Select((g, i) =>
            {
                var grade = Fields(g, $"{context}, grade {i + 1}", new[] { "grade", "leads", "converted", "conversionRate" });
                return new GradeOutcome(grade.String("grade", required: true)!, grade.RequiredInt("leads"), grade.RequiredInt("converted"));
            }).ToArray();
            var result = new GradeConversion(c.String("source", required: true)!, DateTime.SpecifyKind(measuredOn.Date, DateTimeKind.Utc), c.RequiredInt("leads"), grades);
            return result.Problem() is string problem ? throw _tree.Error(node.Offset, $"{context}: {problem}") : result;
        }

        private ScoringRule ReadRule(JsonAt node, int position)
        {
            // Name the rule by its id in every message when it has one, by its position otherwise.
            string context = node is JsonObjectAt obj && obj.Properties.FirstOrDefault(p => p.Name == "id")?.Value is JsonScalarAt { Value: string named }
                ? $"rule '{named}'" : $"rule {position}";
            var rule = Fields(node, context, RuleFields);
            string id = rule.String("id", required: true)!.Trim();
            var kind = rule.Word("kind", ModelFileNames.Kinds) ?? RuleKind.Conditions;
            var conditions = rule.Array("conditions", required: false);
            return new ScoringRule
            {
                Id = id,
                Name = rule.String("name", required: false) ?? id,
                Category = rule.Word("category", ModelFileNames.Categories) ?? throw rule.Missing("category", "fit or engagement"),
                Kind = kind,
                Table = rule.String("table", required: kind == RuleKind.Conditions) ?? "",
                Count = rule.Int("count") ?? 0,
                WithinDays = rule.Int("withinDays") ?? 0,
                Conditions = conditions?.Items.Select((c, i) => ReadCondition(c, $"rule '{id}', condition {i + 1}")).ToArray() ?? new Condition[0],
                Points = rule.RequiredInt("points"),
                Limit = ReadLimit(rule),
                ExpiresAfterDays = rule.Int("expiresAfterDays"),
            };
        }

        private Condition ReadCondition(JsonAt node, string context)
        {
            var condition = Fields(node, context, new[] { "table", "attribute", "operator", "value", "values" });
            return ReadComparison(condition, context) with { Table = condition.String("table", required: false) };
        }

        private Condition ReadComparison(FieldReader condition, string context)
        {
            string attribute = condition.String("attribute", required: true)!.Trim();
            var op = condition.Word("operator", ModelFileNames.Operators)
                ?? throw condition.Missing("operator", ModelFileNames.Allowed(ModelFileNames.Operators));
            string opName = ModelFileNames.Operators[op];
            var value = condition.Get("value");
            var values = condition.Get("values");
            if (value is not null && values is not null)
            {
                throw _tree.Error(values.Offset, $"{context}: give either 'value' or 'values', not both");
            }

            string field = values is null ? "value" : "values";
            value ??= values;
            if (ModelFileNames.TakesNoValue(op))
            {
                return value is null ? new Condition(attribute, op, new object?[0])
                    : throw _tree.Error(value.Offset, $"{context}, field '{field}': '{opName}' takes no value");
            }

            if (value is null)
            {
                throw condition.Missing("value", ModelFileNames.TakesList(op) ? "an array of values" : "a string, number or true/false");
            }

            if (ModelFileNames.TakesList(op) || field == "values")
            {
                if (value is not JsonArrayAt list)
                {
                    throw _tree.Error(value.Offset, $"{context}, field '{field}': '{opName}' takes an array of values, e.g. [\"a\", \"b\"]; got {Describe(value)}");
                }

                if (!ModelFileNames.TakesList(op) && list.Items.Count != 1)
                {
                    throw _tree.Error(value.Offset, $"{context}, field 'values': '{opName}' takes one value, not {list.Items.Count}");
                }

                return Stored(new Condition(attribute, op, list.Items.Select(v => Scalar(v, context, field)).ToArray()), value, context, field);
            }

            return value is JsonArrayAt
                ? throw _tree.Error(value.Offset, $"{context}, field 'value': '{opName}' takes one value, not an array (use 'in' for a list)")
                : Stored(new Condition(attribute, op, new[] { Scalar(value, context, field) }), value, context, field);
        }

        /// <summary>The condition, if its values fit the column they are stored in (ls_scoringcondition.ls_value, 4,000 characters).</summary>
        private Condition Stored(Condition condition, JsonAt value, string context, string field)
        {
            int length = ConditionValueText.Format(condition.Values).Length;
            return length <= ConditionValueText.MaxLength ? condition
                : throw _tree.Error(value.Offset, $"{context}, field '{field}': the values take {length:N0} characters as stored; at most {ConditionValueText.MaxLength:N0} are allowed");
        }

        private RuleLimit ReadLimit(FieldReader rule)
        {
            var limit = rule.Object("limit", new[] { "per", "maxTimes", "oncePerDays" });
            if (limit is null)
            {
                return RuleLimit.None;
            }

            const string allowed = "{\"per\":\"lead\"}, {\"per\":\"record\"}, {\"maxTimes\":N} or {\"oncePerDays\":N}";
            if (limit.Node.Properties.Count != 1)
            {
                throw _tree.Error(limit.Node.Offset, $"{rule.Context}, field 'limit': give exactly one of {allowed}");
            }

            var only = limit.Node.Properties[0];
            switch (only.Name)
            {
                case "maxTimes":
                    return new RuleLimit(LimitType.MaxTimes, limit.RequiredInt("maxTimes"));
                case "oncePerDays":
                    return new RuleLimit(LimitType.OncePerDays, limit.RequiredInt("oncePerDays"));
                default:
                    string? per = limit.String("per", required: true);
                    return per switch
                    {
                        "lead" => new RuleLimit(LimitType.PerLead),
                        "record" => new RuleLimit(LimitType.PerRecord),
                        _ => throw _tree.Error(only.Value.Offset, $"{rule.Context}, field 'limit.per': '{per}' is not allowed; allowed: lead, record"),
                    };
            }
        }

        private object? Scalar(JsonAt node, string context, string field) =>
            node is JsonScalarAt { Value: not null } scalar ? scalar.Value
                : throw _tree.Error(node.Offset, $"{context}, field '{field}': {Describe(node)} is not allowed; allowed: a string, a number, true or false");

        private FieldReader Fields(JsonAt node, string context, string[] allowed)
        {
            if (node is not JsonObjectAt obj)
            {
                throw _tree.Error(node.Offset, $"{context}: expected a JSON object, got {Describe(node)}");
            }

            foreach (var property in obj.Properties.Where(p => !allowed.Contains(p.Name)))
            {
                throw _tree.Error(property.Offset, $"{context}: unknown field '{property.Name}'; allowed: {string.Join(", ", allowed)}");
            }

            return new FieldReader(this, obj, context);
        }

        internal static string Describe(JsonAt node) => node switch
        {
            JsonObjectAt => "an object",
            JsonArrayAt => "an array",
            JsonScalarAt { Kind: JsonTokenType.String } s => $"the string \"{s.Raw}\"",
            JsonScalarAt s => s.Raw,
            _ => "a value",
        };

        /// <summary>Typed access to the fields of one JSON object, with errors that name the context and field.</summary>
        internal sealed class FieldReader
        {
            private readonly ModelFileReader _owner;

            public FieldReader(ModelFileReader owner, JsonObjectAt node, string context)
            {
                _owner = owner;
                Node = node;
                Context = context;
            }

            public JsonObjectAt Node { get; }

            public string Context { get; }

            private JsonTree Tree => _owner._tree;

            public JsonAt? Get(string name) => Node.Properties.FirstOrDefault(p => p.Name == name)?.Value;

            public WorkbenchException Missing(string name, string expected) =>
                Tree.Error(Node.Offset, $"{Context}: field '{name}' is missing ({expected})");

            public string? String(string name, bool required)
            {
                var node = Get(name);
                if (node is null)
                {
                    return required ? throw Missing(name, "a string") : null;
                }

                return node is JsonScalarAt { Kind: JsonTokenType.String } s ? (string)s.Value!
                    : throw Tree.Error(node.Offset, $"{Context}, field '{name}': expected a string, got {Describe(node)}");
            }

            public int RequiredInt(string name) => Int(name) ?? throw Missing(name, "a whole number");

            public int? Int(string name)
            {
                var node = Get(name);
                return node is null ? null : WholeNumber(node, name);
            }

            public List<int> IntList(string name)
            {
                var node = Get(name);
                return node switch
                {
                    null => new List<int>(),
                    JsonArrayAt list => list.Items.Select(i => WholeNumber(i, name)).ToList(),
                    _ => throw Tree.Error(node.Offset, $"{Context}, field '{name}': expected an array of whole numbers, got {Describe(node)}"),
                };
            }

            public T? Word<T>(string name, IReadOnlyDictionary<T, string> words)
                where T : struct
            {
                string? word = String(name, required: false);
                if (word is null)
                {
                    return null;
                }

                return ModelFileNames.TryParse(words, word, out T value) ? value
                    : throw Tree.Error(Get(name)!.Offset, $"{Context}, field '{name}': '{word}' is not allowed; allowed: {ModelFileNames.Allowed(words)}");
            }

            public FieldReader? Object(string name, string[] allowed)
            {
                var node = Get(name);
                return node is null ? null : _owner.Fields(node, $"{Context}, field '{name}'", allowed);
            }

            public JsonArrayAt? Array(string name, bool required)
            {
                var node = Get(name);
                return node switch
                {
                    null when required => throw Missing(name, "an array"),
                    null => null,
                    JsonArrayAt list => list,
                    _ => throw Tree.Error(node.Offset, $"{Context}, field '{name}': expected an array, got {Describe(node)}"),
                };
            }

            private int WholeNumber(JsonAt node, string name) =>
                node is JsonScalarAt { Value: decimal d } && d == decimal.Truncate(d) && d >= int.MinValue && d <= int.MaxValue
                    ? (int)d
                    : throw Tree.Error(node.Offset, $"{Context}, field '{name}': expected a whole number, got {Describe(node)}");
        }
    }
}
