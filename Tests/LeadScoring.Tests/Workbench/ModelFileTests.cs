using System;
using System.Linq;
using FsCheck.Xunit;
using LeadScoring.Engine;
using LeadScoring.Workbench;
using LeadScoring.Workbench.ModelFiles;

namespace LeadScoring.Tests.Workbench;

public class ModelFileTests
{
    // The example of issue 3, verbatim.
    internal const string Example = """
        {"name":"Default","version":1,"salesReadyThreshold":100,"minimumFit":20,"minimumEngagement":30,
         "fitCap":100,"engagementCap":200,"floor":0,
         "grades":{"fitBands":[60,30],"engagementBands":[80,40]},
         "decay":{"inactiveDays":30,"points":5,"everyDays":7,"floor":0},
         "handBack":{"points":40,"marginBelowThreshold":10,"requalifyEngagement":20},
         "rules":[
          {"id":"director","name":"Director-level title","category":"fit","table":"lead",
           "conditions":[{"attribute":"jobtitle","operator":"contains","value":"director"}],"points":20},
          {"id":"whitepaper","name":"Whitepaper download","category":"engagement","table":"ls_interaction",
           "conditions":[{"attribute":"ls_type","operator":"equals","value":"AssetDownload"}],"points":30,"limit":{"per":"record"}},
          {"id":"cold","name":"Four emails, no click","category":"engagement","kind":"unansweredEmails","count":4,"points":-30}]}
        """;

    [Fact]
    public void The_issue_example_reads_into_the_engines_records()
    {
        var model = ModelFile.Parse(Example, "model.json");

        Assert.Equal(("Default", 1, 100, 20, 30), (model.Name, model.Version, model.SalesReadyThreshold, model.MinimumFit, model.MinimumEngagement));
        Assert.Equal((100, 200, 0), (model.FitCap, model.EngagementCap, model.Floor));
        Assert.Equal(new[] { 60, 30 }, model.Grades.FitBands);
        Assert.Equal(new[] { 80, 40 }, model.Grades.EngagementBands);
        Assert.Equal(new DecayPolicy(30, 5, 7, 0), model.Decay);
        Assert.Equal(new HandBackPolicy(40, 10, 20), model.HandBack);

        var director = model.Rules[0];
        Assert.Equal(("director", Category.Fit, "lead", RuleKind.Conditions, 20, RuleLimit.None), (director.Id, director.Category, director.Table, director.Kind, director.Points, director.Limit));
        Assert.Equal(new Condition("jobtitle", ConditionOperator.Contains, director.Conditions[0].Values), director.Conditions[0]);
        Assert.Equal(new object?[] { "director" }, director.Conditions[0].Values);
        Assert.Equal(new RuleLimit(LimitType.PerRecord), model.Rules[1].Limit);
        Assert.Equal((RuleKind.UnansweredEmails, 4, -30, ""), (model.Rules[2].Kind, model.Rules[2].Count, model.Rules[2].Points, model.Rules[2].Table));
    }

    [Fact]
    public void Every_operator_limit_and_value_type_round_trips()
    {
        string json = """
            {"name":"All","salesReadyThreshold":10,"fitCap":50,"engagementCap":50,"rules":[
              {"id":"r1","category":"engagement","table":"lead","kind":"activityVolume","count":3,"withinDays":7,"points":5,"limit":{"maxTimes":2},"expiresAfterDays":90},
              {"id":"r2","name":"Two","category":"fit","table":"lead","points":1,"limit":{"oncePerDays":30},"conditions":[
                {"attribute":"a","operator":"equals","value":"x"},{"attribute":"a","operator":"notEquals","value":2.5},
                {"attribute":"a","operator":"in","value":["x","y"]},{"attribute":"a","operator":"notIn","values":[1,2]},
                {"attribute":"a","operator":"contains","value":"x"},{"attribute":"a","operator":"beginsWith","value":"x"},
                {"attribute":"a","operator":"endsWith","value":"x"},{"attribute":"a","operator":"greaterThan","value":1},
                {"attribute":"a","operator":"greaterOrEqual","value":1},{"attribute":"a","operator":"lessThan","value":1},
                {"attribute":"a","operator":"lessOrEqual","value":-1},{"attribute":"a","operator":"between","value":[1,5]},
                {"attribute":"a","operator":"exists"},{"attribute":"a","operator":"notExists"},
                {"attribute":"b","operator":"equals","value":true}]},
              {"id":"r3","category":"fit","table":"lead","points":-3,"limit":{"per":"lead"}},
              {"id":"r4","category":"engagement","table":"ls_interaction","points":4,"conditions":[
                {"attribute":"ls_type","operator":"equals","value":"Video View"},{"table":"lead","attribute":"jobtitle","operator":"contains","value":"engineer"}]}]}
            """;

        var model = ModelFile.Parse(json, "all.json");
        var again = ModelFile.Parse(ModelFile.ToJson(model), "written.json");

        AssertSameModel(model, again);
        Assert.Equal(Enum.GetValues<ConditionOperator>(), model.Rules[1].Conditions.Take(14).Select(c => c.Operator));
        Assert.Equal(new object?[] { 1m, 2m }, model.Rules[1].Conditions[3].Values);
        Assert.Equal(new object?[] { true }, model.Rules[1].Conditions[14].Values);
        Assert.Equal(new RuleLimit(LimitType.MaxTimes, 2), model.Rules[0].Limit);
        Assert.Equal(new RuleLimit(LimitType.OncePerDays, 30), model.Rules[1].Limit);
        Assert.Equal(new RuleLimit(LimitType.PerLead), model.Rules[2].Limit);
        Assert.Equal(("r1", 90, 1, 0, 0), (model.Rules[0].Name, model.Rules[0].ExpiresAfterDays, model.Version, model.MinimumFit, model.Floor));
        Assert.Null(model.Decay);
        Assert.Equal(new string?[] { null, "lead" }, model.Rules[3].Conditions.Select(c => c.Table));
    }

    [Fact]
    public void Writing_the_example_and_reading_it_back_gives_an_equal_model_and_the_same_text()
    {
        var model = ModelFile.Parse(Example, "model.json");
        string written = ModelFile.ToJson(model);
        var again = ModelFile.Parse(written, "written.json");

        AssertSameModel(model, again);
        Assert.Equal(written, ModelFile.ToJson(again));
    }

    [Property]
    public void Any_names_numbers_and_values_round_trip(string? name, int threshold, int points, decimal number, string? text, bool flag)
    {
        var model = new ScoringModel
        {
            Name = name ?? "",
            SalesReadyThreshold = threshold,
            FitCap = points,
            EngagementCap = threshold,
            Rules = new[]
            {
                new ScoringRule
                {
                    Id = (text ?? "id").Trim(), // ids are read trimmed
                    Name = name ?? "",
                    Category = flag ? Category.Fit : Category.Engagement,
                    Table = "lead",
                    Points = points,
                    Conditions = new[]
                    {
                        new Condition("a", ConditionOperator.In, new object?[] { text ?? "", number, flag }),
                        new Condition("b", ConditionOperator.EqualsTo, new object?[] { number }),
                    },
                },
            },
        };

        AssertSameModel(model, ModelFile.Parse(ModelFile.ToJson(model), "p.json"));
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\n  \"rules\": [}", "model.json, line 2, column 13: malformed JSON")]
    [InlineData("", "model.json: the file is empty")]
    [InlineData("[1]", "model.json, line 1, column 1: the model: expected a JSON object, got an array")]
    public void Malformed_json_names_the_line_and_column(string json, string expected) =>
        Assert.StartsWith(expected, Assert.Throws<WorkbenchException>(() => ModelFile.Parse(json, "model.json")).Message);

    [Fact]
    public void An_unknown_operator_names_the_rule_field_value_and_what_is_allowed()
    {
        string json = Example.Replace("\"operator\":\"contains\"", "\"operator\":\"like\"", StringComparison.Ordinal);

        var error = Assert.Throws<WorkbenchException>(() => ModelFile.Parse(json, "model.json"));

        Assert.Equal(
            "model.json, line 8, column 53: rule 'director', condition 1, field 'operator': 'like' is not allowed; allowed: "
            + "equals, notEquals, in, notIn, contains, beginsWith, endsWith, greaterThan, greaterOrEqual, lessThan, lessOrEqual, between, exists, notExists",
            error.Message);
    }

    [Theory]
    [InlineData("\"category\":\"fit\",\"table\":\"lead\"", "\"category\":\"demographic\",\"table\":\"lead\"", "rule 'director', field 'category': 'demographic' is not allowed; allowed: fit, engagement")]
    [InlineData("\"points\":20}", "\"points\":\"20\"}", "rule 'director', field 'points': expected a whole number, got the string \"20\"")]
    [InlineData("\"points\":20}", "\"points\":20.5}", "rule 'director', field 'points': expected a whole number, got 20.5")]
    [InlineData(",\"points\":20}", "}", "rule 'director': field 'points' is missing (a whole number)")]
    [InlineData("\"points\":20}", "\"pionts\":20}", "rule 'director': unknown field 'pionts'; allowed: id, name, category")]
    [InlineData("\"value\":\"director\"", "\"value\":[\"director\"]", "rule 'director', condition 1, field 'value': 'contains' takes one value, not an array")]
    [InlineData("\"operator\":\"contains\",\"value\":\"director\"", "\"operator\":\"in\",\"value\":\"director\"", "rule 'director', condition 1, field 'value': 'in' takes an array of values")]
    [InlineData("\"operator\":\"contains\",\"value\":\"director\"", "\"operator\":\"exists\",\"value\":\"director\"", "rule 'director', condition 1, field 'value': 'exists' takes no value")]
    [InlineData("\"value\":\"director\"", "\"value\":null", "rule 'director', condition 1, field 'value': null is not allowed; allowed: a string, a number, true or false")]
    [InlineData("\"limit\":{\"per\":\"record\"}", "\"limit\":{\"per\":\"week\"}", "rule 'whitepaper', field 'limit.per': 'week' is not allowed; allowed: lead, record")]
    [InlineData("\"limit\":{\"per\":\"record\"}", "\"limit\":{\"per\":\"record\",\"maxTimes\":2}", "rule 'whitepaper', field 'limit': give exactly one of")]
    [InlineData("\"kind\":\"unansweredEmails\"", "\"kind\":\"coldEmails\"", "rule 'cold', field 'kind': 'coldEmails' is not allowed; allowed: conditions, unansweredEmails, activityVolume")]
    [InlineData("\"value\":\"director\"", "\"values\":[\"director\",\"vp\"]", "rule 'director', condition 1, field 'values': 'contains' takes one value, not 2")]
    [InlineData("\"salesReadyThreshold\":100,", "", "the model: field 'salesReadyThreshold' is missing (a whole number)")]
    [InlineData("\"fitBands\":[60,30]", "\"fitBands\":[60,\"A\"]", "the model, field 'grades', field 'fitBands': expected a whole number, got the string \"A\"")]
    [InlineData("\"id\":\"director\",", "", "rule 1: field 'id' is missing (a string)")]
    [InlineData("\"version\":1,", "\"version\":1,\"version\":2,", "field 'version' appears twice in the same object")]
    public void Shape_errors_name_the_rule_the_field_the_bad_value_and_what_is_allowed(string find, string replace, string expected)
    {
        string json = Example.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Example, json);

        var error = Assert.Throws<WorkbenchException>(() => ModelFile.Parse(json, "model.json"));

        Assert.StartsWith("model.json, line ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_missing_model_file_is_named() =>
        Assert.Equal("no-such-model.json: file not found", Assert.Throws<WorkbenchException>(() => ModelFile.Read("no-such-model.json")).Message);

    /// <summary>Structural equality of two models, down to every condition value and its type.</summary>
    internal static void AssertSameModel(ScoringModel expected, ScoringModel actual)
    {
        Assert.Equal(expected with { Grades = actual.Grades, Rules = actual.Rules }, actual);
        Assert.Equal(expected.Grades.FitBands, actual.Grades.FitBands);
        Assert.Equal(expected.Grades.EngagementBands, actual.Grades.EngagementBands);
        Assert.Equal(expected.Rules.Count, actual.Rules.Count);
        foreach (var (a, b) in expected.Rules.Zip(actual.Rules))
        {
            Assert.Equal(a with { Conditions = b.Conditions }, b);
            Assert.Equal(a.Conditions.Count, b.Conditions.Count);
            foreach (var (x, y) in a.Conditions.Zip(b.Conditions))
            {
                Assert.Equal((x.Table, x.Attribute, x.Operator), (y.Table, y.Attribute, y.Operator));
                Assert.Equal(x.Values, y.Values);
                Assert.Equal(x.Values.Select(v => v?.GetType()), y.Values.Select(v => v?.GetType()));
            }
        }
    }
}
