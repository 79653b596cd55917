using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadScoring.Dataverse;
using LeadScoring.SolutionTool.Definition;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// Every table, column and choice value the plug-ins (Plugins/Dataverse/Schema.cs) and the web
/// resources (WebResources/src/shared/schema.ts) use exists in Solution/ with the right type; standard
/// columns are allowed only when StandardColumns lists them.
/// </summary>
public class SchemaConsistencyTests
{
    private static readonly SolutionSource Source = SolutionSource.Committed;

    /// <summary>Schema.cs classes that name a table and its columns.</summary>
    private static readonly Type[] TableClasses =
    {
        typeof(LeadColumns), typeof(ScoringModelColumns), typeof(ScoringRuleColumns), typeof(ScoringConditionColumns),
        typeof(ScoreEventColumns), typeof(StageChangeColumns), typeof(InteractionColumns), typeof(EmailColumns), typeof(AppointmentColumns),
    };

    /// <summary>Schema.cs classes of choice values, and the global choice each is.</summary>
    public static readonly IReadOnlyDictionary<Type, string> ChoiceClasses = new Dictionary<Type, string>
    {
        [typeof(LifecycleStageValues)] = "ls_lifecyclestage",
        [typeof(ModelStatusValues)] = "ls_modelstatus",
        [typeof(CategoryValues)] = "ls_category",
        [typeof(RuleKindValues)] = "ls_rulekind",
        [typeof(LimitTypeValues)] = "ls_limittype",
        [typeof(ConditionOperatorValues)] = "ls_conditionoperator",
        [typeof(ScoreEventKindValues)] = "ls_scoreeventkind",
        [typeof(InteractionTypeValues)] = "ls_interactiontype",
        [typeof(StageChangeCauseValues)] = "ls_stagechangecause",
        [typeof(FunnelMarkValues)] = "ls_funnelmark",
        // Not in Schema.cs: the nightly decay flow (issue 11) writes it, not the plug-ins.
        [typeof(DecayRunStatusValues)] = "ls_decayrunstatus",
    };

    /// <summary>Which global choice each choice column uses (a column's OptionSetName must say the same).</summary>
    private static readonly Dictionary<string, string> ChoiceColumns = new()
    {
        [LeadColumns.Table + "." + LeadColumns.LifecycleStage] = "ls_lifecyclestage",
        [ScoringModelColumns.Table + "." + ScoringModelColumns.Status] = "ls_modelstatus",
        [ScoringRuleColumns.Table + "." + ScoringRuleColumns.Category] = "ls_category",
        [ScoringRuleColumns.Table + "." + ScoringRuleColumns.Kind] = "ls_rulekind",
        [ScoringRuleColumns.Table + "." + ScoringRuleColumns.LimitType] = "ls_limittype",
        [ScoringConditionColumns.Table + "." + ScoringConditionColumns.Operator] = "ls_conditionoperator",
        [ScoreEventColumns.Table + "." + ScoreEventColumns.Kind] = "ls_scoreeventkind",
        [ScoreEventColumns.Table + "." + ScoreEventColumns.Category] = "ls_category",
        [InteractionColumns.Table + "." + InteractionColumns.Type] = "ls_interactiontype",
        [StageChangeColumns.Table + "." + StageChangeColumns.FromStage] = "ls_lifecyclestage",
        [StageChangeColumns.Table + "." + StageChangeColumns.ToStage] = "ls_lifecyclestage",
        [StageChangeColumns.Table + "." + StageChangeColumns.Cause] = "ls_stagechangecause",
        [StageChangeColumns.Table + "." + StageChangeColumns.FunnelMark] = "ls_funnelmark",
        [DecayRunColumns.Table + "." + DecayRunColumns.Status] = "ls_decayrunstatus",
    };

    public static IEnumerable<(string Table, string Column)> SchemaColumns() =>
        TableClasses.SelectMany(type =>
        {
            var constants = Constants(type).Where(c => c.FieldType == typeof(string)).ToDictionary(c => c.Name, c => (string)c.GetRawConstantValue()!);
            string table = constants["Table"];
            return constants.Where(c => c.Key is not ("Table" or "AlternateKey")).Select(c => (table, c.Value));
        });

    private static IEnumerable<FieldInfo> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral);

    /// <summary>Does the solution define the column, or is it a listed standard column?</summary>
    public static bool Exists(string table, string column) =>
        Source.Column(table, column) != null
        || (StandardColumns.ByTable.TryGetValue(table, out var standard) && standard.Contains(column));

    [Fact]
    public void Every_table_the_plugins_use_is_in_the_solution_or_a_standard_table()
    {
        var tables = TableClasses.Select(t => (string)t.GetField("Table")!.GetRawConstantValue()!).ToList();
        var missing = tables.Where(t => !Source.Tables.ContainsKey(t) && !StandardColumns.ByTable.ContainsKey(t)).ToList();
        Assert.Empty(missing);
        Assert.Equal(new[] { "lead", "ls_decayrun", "ls_interaction", "ls_scoreevent", "ls_scoringcondition", "ls_scoringmodel", "ls_scoringrule", "ls_stagechange" }, Source.Tables.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_column_the_plugins_use_exists_and_product_columns_are_in_the_solution()
    {
        var missing = SchemaColumns().Where(c => !Exists(c.Table, c.Column)).Select(c => c.Table + "." + c.Column).ToList();
        Assert.Empty(missing);
        var productColumnsOutsideSolution = SchemaColumns().Where(c => c.Column.StartsWith("ls_", StringComparison.Ordinal) && Source.Column(c.Table, c.Column) == null).ToList();
        Assert.Empty(productColumnsOutsideSolution);
    }

    [Fact]
    public void Columns_have_the_types_schema_cs_describes()
    {
        // The types the Schema.cs comments give, checked against the Entity.xml <Type>; WrittenValuesTests
        // checks the same columns against the values the plug-ins actually write.
        Assert.Equal("int", Source.Tables[LeadColumns.Table].Type(LeadColumns.Score));
        Assert.Equal("int", Source.Tables[LeadColumns.Table].Type(LeadColumns.FitScore));
        Assert.Equal("int", Source.Tables[LeadColumns.Table].Type(LeadColumns.EngagementScore));
        Assert.Equal("nvarchar", Source.Tables[LeadColumns.Table].Type(LeadColumns.Grade));
        Assert.Equal("picklist", Source.Tables[LeadColumns.Table].Type(LeadColumns.LifecycleStage));
        Assert.Equal("datetime", Source.Tables[LeadColumns.Table].Type(LeadColumns.SalesReadyOn));
        Assert.Equal("lookup", Source.Tables[LeadColumns.Table].Type(LeadColumns.ScoringModelId));
        Assert.Equal("nvarchar", Source.Tables[ScoreEventColumns.Table].Type(ScoreEventColumns.IdempotencyKey));
        Assert.True(MaxLength(ScoreEventColumns.Table, ScoreEventColumns.IdempotencyKey) >= 400);
        Assert.True(MaxLength(LeadColumns.Table, LeadColumns.HandBackReason) >= 500);
        Assert.True(MaxLength(LeadColumns.Table, LeadColumns.UnansweredEmailIds) >= 4000);
        Assert.Equal("ntext", Source.Tables[ScoringConditionColumns.Table].Type(ScoringConditionColumns.Value));

        // Dates are UTC moments: the User local behaviour stores UTC and the SDK reads and writes UTC.
        var dates = Source.Tables.Values.SelectMany(t => t.Columns.Values).Where(a => a.Element("Type")!.Value == "datetime");
        Assert.All(dates, d => Assert.Equal("1", d.Element("Behavior")!.Value));
    }

    private static int MaxLength(string table, string column) =>
        int.Parse(Source.Column(table, column)!.Element("MaxLength")!.Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Choice_columns_use_their_global_choice_and_every_choice_column_is_known()
    {
        foreach (var (key, optionSet) in ChoiceColumns)
        {
            string[] parts = key.Split('.');
            var column = Source.Column(parts[0], parts[1]);
            Assert.NotNull(column);
            Assert.Equal("picklist", column!.Element("Type")!.Value);
            Assert.Equal(optionSet, column.Element("OptionSetName")?.Value);
        }

        var picklists = Source.Tables.Values.SelectMany(t => t.Columns.Values.Where(a => a.Element("Type")!.Value == "picklist").Select(a => t.Name + "." + a.Element("LogicalName")!.Value));
        Assert.Equal(picklists.OrderBy(p => p, StringComparer.Ordinal), ChoiceColumns.Keys.OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Choice_values_in_schema_cs_and_the_solution_are_the_same_both_ways()
    {
        foreach (var (type, optionSet) in ChoiceClasses)
        {
            Assert.True(Source.OptionSets.ContainsKey(optionSet), $"No OptionSets/{optionSet}.xml");
            var code = Constants(type).Select(f => (int)f.GetRawConstantValue()!).OrderBy(v => v);
            Assert.Equal(code, Source.OptionSets[optionSet].Keys.OrderBy(v => v));
        }

        Assert.Equal(ChoiceClasses.Values.OrderBy(v => v, StringComparer.Ordinal), Source.OptionSets.Keys.OrderBy(v => v, StringComparer.Ordinal));
    }

    [Fact]
    public void Choice_values_carry_the_publishers_option_value_prefix()
    {
        int prefix = int.Parse(Source.Manifest.Element("Publisher")!.Element("CustomizationOptionValuePrefix")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(Source.OptionSets.Values.SelectMany(o => o.Keys), value => Assert.Equal(prefix, value / 10000));
    }

    [Fact]
    public void The_score_event_alternate_key_is_on_the_idempotency_key()
    {
        var keys = Source.Tables[ScoreEventColumns.Table].Entity.Descendants("EntityKey").ToList();
        var key = Assert.Single(keys);
        Assert.Equal(ScoreEventColumns.AlternateKey, key.Element("LogicalName")!.Value);
        Assert.Equal(new[] { ScoreEventColumns.IdempotencyKey }, key.Descendants("AttributeName").Select(a => a.Value));
    }

    [Fact]
    public void Every_lookup_has_a_relationship_to_its_target()
    {
        var relationships = Source.Relationships.ToDictionary(r => r.Attribute("Name")!.Value);
        foreach (var table in Source.Tables.Values)
        {
            foreach (var lookup in table.Columns.Values.Where(a => a.Element("Type")!.Value == "lookup"))
            {
                string name = lookup.Element("LogicalName")!.Value;
                var relationship = Source.Relationships.SingleOrDefault(r =>
                    r.Element("ReferencingEntityName")!.Value.Equals(table.Name, StringComparison.OrdinalIgnoreCase)
                    && r.Element("ReferencingAttributeName")!.Value.Equals(name, StringComparison.OrdinalIgnoreCase));
                Assert.True(relationship != null, $"No relationship for the lookup {table.Name}.{name}");
            }
        }

        var listed = XDocument.Load(Source.Path("Other", "Relationships.xml")).Root!.Elements("EntityRelationship").Select(r => r.Attribute("Name")!.Value);
        Assert.Equal(relationships.Keys.OrderBy(k => k, StringComparer.Ordinal), listed.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(ScoringModelColumns.Table, Referenced(Tables.ModelRules));
        Assert.Equal(ScoringRuleColumns.Table, Referenced(Tables.RuleConditions));
        Assert.Equal("lead", Referenced(Tables.LeadScoreEvents));

        string Referenced(string name) => relationships[name].Element("ReferencedEntityName")!.Value.ToLowerInvariant();
    }

    [Fact]
    public void Names_the_web_resources_use_exist_in_the_solution()
    {
        string schema = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "WebResources", "src", "shared", "schema.ts"));
        var objects = Regex.Matches(schema, @"export const (\w+)(?::[^=]+)? = \{(.*?)\}( as const)?;", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => Regex.Matches(m.Groups[2].Value, @"(\w+):\s*(""[^""]*""|\d+)")
                .ToDictionary(p => p.Groups[1].Value, p => p.Groups[2].Value.Trim('"')));
        Assert.True(objects.Count >= 8, "schema.ts no longer has the shape this test reads");

        foreach (var (name, properties) in objects.Where(o => o.Value.ContainsKey("table")))
        {
            string table = properties["table"];
            var missing = properties.Where(p => p.Key != "table" && !Exists(table, p.Value)).Select(p => $"{name}.{p.Key} = {table}.{p.Value}").ToList();
            Assert.Empty(missing);
        }

        var choices = new Dictionary<string, string>
        {
            ["LifecycleStage"] = "ls_lifecyclestage",
            ["ModelStatus"] = "ls_modelstatus",
            ["Category"] = "ls_category",
            ["RuleKind"] = "ls_rulekind",
            ["LimitType"] = "ls_limittype",
        };
        foreach (var (name, optionSet) in choices)
        {
            Assert.All(objects[name].Values, value => Assert.Contains(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Source.OptionSets[optionSet].Keys));
        }

        Assert.All(objects["CustomApi"].Values, api => Assert.Contains(api, Source.CustomApis.Keys));
        var webResourceNames = Source.WebResources.Select(w => w.Element("Name")!.Value).ToHashSet();
        Assert.All(objects["WebResourceNames"].Values, name => Assert.Contains(name, webResourceNames));

        string control = Regex.Match(schema, @"ScoreCardControlName = ""([^""]+)""").Groups[1].Value;
        var leadForm = Source.Tables["lead"].Forms.Single();
        Assert.Contains(leadForm.Descendants("control"), c => c.Attribute("id")!.Value == control);
    }

    [Fact]
    public void Every_column_a_form_or_view_shows_exists()
    {
        foreach (var (table, form) in Source.Forms)
        {
            var missing = form.Descendants("control").Select(c => c.Attribute("datafieldname")?.Value).OfType<string>().Where(c => !Exists(table, c)).ToList();
            Assert.True(missing.Count == 0, $"Form {SolutionSource.FormName(form)} shows {string.Join(", ", missing)}, which {table} does not have");
        }

        foreach (var (table, view) in Source.Views)
        {
            var entity = view.Element("fetchxml")!.Element("fetch")!.Element("entity")!;
            var columns = entity.Elements("attribute").Select(a => a.Attribute("name")!.Value)
                .Concat(entity.Elements("order").Select(o => o.Attribute("attribute")!.Value))
                .Concat(entity.Elements("filter").Descendants("condition").Select(c => c.Attribute("attribute")!.Value));
            Assert.All(columns, c => Assert.True(Exists(table, c), $"View {SolutionSource.ViewName(view)} uses {table}.{c}"));
            Assert.All(view.Descendants("cell").Select(c => c.Attribute("name")!.Value), c => Assert.Contains(c, entity.Elements("attribute").Select(a => a.Attribute("name")!.Value)));
            foreach (var link in entity.Elements("link-entity"))
            {
                string linked = link.Attribute("name")!.Value;
                Assert.True(Exists(linked, link.Attribute("from")!.Value) || link.Attribute("from")!.Value == linked + "id");
                Assert.True(Exists(table, link.Attribute("to")!.Value));
                Assert.All(link.Descendants("condition"), c => Assert.True(Exists(linked, c.Attribute("attribute")!.Value)));
            }

            // A choice condition compares with a value the choice has.
            foreach (var condition in view.Descendants("condition").Where(c => c.Attribute("value") != null && c.Attribute("operator")!.Value == "eq"))
            {
                string conditionTable = condition.Ancestors("link-entity").FirstOrDefault()?.Attribute("name")!.Value ?? table;
                var column = Source.Column(conditionTable, condition.Attribute("attribute")!.Value);
                if (column?.Element("OptionSetName") is { } optionSet)
                {
                    Assert.Contains(int.Parse(condition.Attribute("value")!.Value, System.Globalization.CultureInfo.InvariantCulture), Source.OptionSets[optionSet.Value].Keys);
                }
            }
        }
    }
}
