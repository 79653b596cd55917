using System;
using System.IO;
using System.Linq;
using System.Text;
using LeadScoring.Engine;
using LeadScoring.Tests.Workbench;
using LeadScoring.Workbench.ModelFiles;
using ConditionOperator = LeadScoring.Engine.ConditionOperator;
using SampleModels = LeadScoring.Tests.Engine.SampleModels;

namespace LeadScoring.Tests.Reliability;

/// <summary>
/// A hostile file against the workbench's limits, through the real command line: files that would
/// exhaust memory are refused early, models beyond what the org stores are refused with the limit,
/// ids are compared trimmed, and control characters are never echoed raw.
/// </summary>
public sealed class InputLimitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-limits-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_50_MB_model_file_is_refused_before_it_is_parsed()
    {
        string path = Path.Combine(_folder, "huge.json");
        using (var file = File.Create(path))
        {
            file.SetLength(50L * 1024 * 1024);
        }

        var result = WorkbenchCommandTests.Run("model", "validate", path);

        Assert.Equal(1, result.Exit);
        Assert.Contains("larger than 4 MB", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_stream_is_refused_at_the_limit() // the tests run on Linux (test.sh), where /dev/zero never ends
    {
        var model = WorkbenchCommandTests.Run("model", "validate", "/dev/zero");
        var events = WorkbenchCommandTests.Run("simulate", "--model", Path.Combine(RepositoryRoot.Path, "samples", "demo", "model.json"), "--events", "/dev/zero");

        Assert.Equal(1, model.Exit);
        Assert.Contains("/dev/zero: the file is larger than 4 MB", model.Error, StringComparison.Ordinal);
        Assert.Equal(1, events.Exit);
        Assert.Contains("larger than", events.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_million_row_leads_table_is_refused_for_baseline()
    {
        string path = Path.Combine(_folder, "million.csv");
        var csv = new StringBuilder("id,city,converted\n");
        for (int i = 0; i < 1_000_000; i++)
        {
            csv.Append(i).Append(",Pune,").Append(i % 2).Append('\n');
        }

        File.WriteAllText(path, csv.ToString());
        var result = WorkbenchCommandTests.Run("baseline", "--leads", path, "--outcome", "converted", "--split-by", "id");

        Assert.Equal(1, result.Exit);
        Assert.Contains("million.csv, line 200002: more than 200,000 leads", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_that_differ_only_by_trailing_spaces_are_one_rule_twice()
    {
        var director = SampleModels.Default.Rules[0];
        var model = SampleModels.Default with { Rules = [.. SampleModels.Default.Rules, director with { Id = director.Id + " ", Points = 40 }] };

        var problems = ModelValidator.Validate(ModelFile.Parse(ModelFile.ToJson(model), "two.json"));

        Assert.Contains($"Rule '{director.Id}': the id is used by 2 rules; rule ids must be unique.", problems);
    }

    [Fact]
    public void Models_beyond_the_columns_and_counts_the_org_stores_are_refused()
    {
        var rule = SampleModels.Default.Rules[1];
        var condition = rule.Conditions[0];
        var model = SampleModels.Default with
        {
            Name = new string('m', 101),
            Rules =
            [
                rule with { Id = new string('k', 101) },
                rule with { Id = "long-name", Name = new string('n', 201) },
                rule with { Id = "many", Conditions = Enumerable.Repeat(condition, 21).ToArray() },
                rule with { Id = "list", Conditions = [new Condition("ls_type", ConditionOperator.In, Enumerable.Range(0, 101).Select(i => (object?)i.ToString()).ToArray())] },
            ],
        };

        var problems = string.Join("\n", ModelValidator.Validate(model));

        Assert.Contains("Model: name has 101 characters; at most 100 are allowed.", problems);
        Assert.Contains("id must be at most 100 characters", problems);
        Assert.Contains("Rule 'long-name': name has 201 characters; at most 200 are allowed.", problems);
        Assert.Contains("Rule 'many': at most 20 conditions per rule; got 21.", problems);
        Assert.Contains("operator in takes at most 100 values; got 101.", problems);
    }

    [Fact]
    public void A_condition_value_longer_than_its_column_is_refused_with_line_and_column()
    {
        var rule = SampleModels.Default.Rules[0];
        var model = SampleModels.Default with { Rules = [rule with { Conditions = [new Condition("jobtitle", ConditionOperator.Contains, [new string('x', 4001)])] }] };

        var e = Assert.Throws<LeadScoring.Workbench.WorkbenchException>(() => ModelFile.Parse(ModelFile.ToJson(model), "wide.json"));

        Assert.Matches(@"^wide\.json, line \d+, column \d+: rule '.+', condition 1, field 'value': the values take 4,003 characters as stored; at most 4,000 are allowed$", e.Message);
    }

    [Fact]
    public void Control_characters_and_ansi_escapes_in_a_file_are_never_echoed_raw()
    {
        string path = Path.Combine(_folder, "ansi.json");
        var model = SampleModels.Default with { Rules = [SampleModels.Default.Rules[0] with { Id = "\u001b[2J\u001b[31mowned\u0007", Points = 0 }] };
        File.WriteAllText(path, ModelFile.ToJson(model));

        var result = WorkbenchCommandTests.Run("model", "validate", path);

        Assert.Equal(1, result.Exit);
        Assert.DoesNotContain('\u001b', result.Error);
        Assert.DoesNotContain('\u0007', result.Error);
        Assert.Contains("\\u001B[2J\\u001B[31mowned\\u0007", result.Error, StringComparison.Ordinal);
    }
}
