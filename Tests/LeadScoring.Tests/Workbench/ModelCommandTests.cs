using System;
using System.IO;
using System.Linq;
using LeadScoring.Engine;
using LeadScoring.Workbench.ModelFiles;

namespace LeadScoring.Tests.Workbench;

/// <summary>model validate, and the commands that need a Dataverse connection, through the real command line.</summary>
public sealed class ModelCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_valid_model_is_summarised_with_exit_code_0()
    {
        var run = WorkbenchCommandTests.Run("model", "validate", Write("model.json", SimulateCommandTests.Model));

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Equal("model.json: valid. 'Default' version 1: 3 rules (1 fit, 2 engagement), sales-ready at 100.", run.Output.Trim());
    }

    [Fact]
    public void The_demo_model_is_valid()
    {
        var run = WorkbenchCommandTests.Run("model", "validate", Path.Combine(RepositoryRoot.Path, "samples", "demo", "model.json"));

        Assert.Equal((0, ""), (run.Exit, run.Error));
    }

    [Fact]
    public void Every_problem_the_engine_finds_is_listed_with_exit_code_1()
    {
        string json = SimulateCommandTests.Model
            .Replace("\"minimumFit\":20", "\"minimumFit\":-20", StringComparison.Ordinal)
            .Replace("\"count\":4", "\"count\":0", StringComparison.Ordinal);

        var run = WorkbenchCommandTests.Run("model", "validate", Write("bad.json", json));

        Assert.Equal(1, run.Exit);
        Assert.Equal(
            new[]
            {
                "leadscoring: bad.json: 2 problems; the product would refuse this model:",
                "  - Model: minimumFit must be between 0 and 10000; got -20.",
                "  - Rule 'cold': count (the number of unanswered emails) must be between 1 and 100; got 0.",
            },
            run.Error.TrimEnd().Replace("\r", "", StringComparison.Ordinal).Split('\n'));
    }

    [Fact]
    public void A_model_file_with_a_shape_error_is_one_line()
    {
        var run = WorkbenchCommandTests.Run("model", "validate", Write("bad.json", "{\"name\":\"x\",\n\"pionts\":1}"));

        Assert.Equal(1, run.Exit);
        Assert.StartsWith("leadscoring: bad.json, line 2, column 1: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Model_import_into_the_emulator_writes_the_model_rules_and_conditions_as_a_Draft()
    {
        var run = WorkbenchCommandTests.Run("model", "import", "--emulator", Write("model.json", SimulateCommandTests.Model));

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Contains("Emulated org before: 0 models, 0 rules, 0 conditions.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Created the Draft 'Default' version 1 (", run.Output, StringComparison.Ordinal);
        Assert.Contains("Emulated org after: 1 models, 3 rules, 2 conditions.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_needs_more_rows_than_one_transaction_holds_is_refused_and_the_org_is_as_before()
    {
        // 60 rules of 20 conditions: 1,261 rows, within the model's limits (1,000 rules of 20 conditions) but over ExecuteTransaction's 1,000 requests.
        var rules = Enumerable.Range(1, 60).Select(r => Engine.SampleModels.Director with
        {
            Id = "title-" + r,
            Conditions = Enumerable.Range(1, 20).Select(c => new Condition("jobtitle", ConditionOperator.EqualsTo, new object?[] { "title " + r + "-" + c })).ToArray(),
        });
        var big = Engine.SampleModels.Default with { Rules = [.. rules] };

        var run = WorkbenchCommandTests.Run("model", "import", "--emulator", "--active", Write("active.json", SimulateCommandTests.Model), Write("big.json", ModelFileWriter.ToJson(big)));

        Assert.Equal(1, run.Exit);
        Assert.Contains("needs 1261 rows (1 model, 60 rules, 1200 conditions); one import writes at most 1000 in a single transaction.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Emulated org before: 1 models, 3 rules, 2 conditions.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Emulated org after: 1 models, 3 rules, 2 conditions.", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model", "export", "--out", "m.json")]
    [InlineData("model", "import", "model.json")]
    [InlineData("recalculate")]
    [InlineData("decay", "--as-of", "2026-07-01T00:00:00Z")]
    public void Commands_that_need_a_Dataverse_connection_say_so_in_a_stand_in_build(params string[] args)
    {
        if (Sdk.SdkTestAssemblies.XrmSdk == "Official")
        {
            return; // an official build would really try to connect
        }

        var run = WorkbenchCommandTests.Run([.. args, "--connection", "AuthType=OAuth;Url=https://contoso.crm.dynamics.com"]);

        Assert.Equal(1, run.Exit);
        Assert.EndsWith("needs a build with the official SDK packages; see README 'The SDK switch'", run.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--report", "demo")]
    [InlineData("--events", "simulate")]
    [InlineData("--outcomes", "compare")]
    [InlineData("--events", "backtest")]
    [InlineData("model.json", "model", "validate")]
    [InlineData("--connection", "model", "export")]
    [InlineData("--connection", "model", "import")]
    [InlineData("--after", "recalculate")]
    [InlineData("--continuation", "decay")]
    public void Every_command_has_help(string expected, params string[] command)
    {
        var help = WorkbenchCommandTests.Run([.. command, "--help"]);

        Assert.Equal(0, help.Exit);
        Assert.Contains(expected, help.Output, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
