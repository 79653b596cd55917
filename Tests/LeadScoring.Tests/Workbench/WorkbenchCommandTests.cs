using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LeadScoring.Engine;
using LeadScoring.Workbench;
using LeadScoring.Workbench.ModelFiles;

namespace LeadScoring.Tests.Workbench;

/// <summary>Runs calibrate once on the training part of the bundled X Education sample, for the tests that use its model.</summary>
public sealed class CalibratedSample : IDisposable
{
    public const string SalesEnteredAndIdentifiers =
        "Prospect ID,Lead Number,Tags,Lead Quality,Asymmetrique Activity Index,Asymmetrique Profile Index,Asymmetrique Activity Score,Asymmetrique Profile Score";

    public CalibratedSample()
    {
        Model = Path.Combine(Folder, "model.json");
        Calibrate = WorkbenchCommandTests.Run("calibrate", "--leads", Sample, "--outcome", "Converted", "--exclude", SalesEnteredAndIdentifiers,
            "--split-by", "Prospect ID", "--out", Model);
    }

    public static string Sample { get; } = Path.Combine(RepositoryRoot(), "samples", "x-education", "leads-train.csv");

    public string Folder { get; } = Directory.CreateTempSubdirectory("leadscoring-tests-").FullName;

    public string Model { get; }

    public (int Exit, string Output, string Error) Calibrate { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LeadScoring.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("LeadScoring.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The workbench commands, driven through the real command line on the bundled X Education sample.</summary>
public sealed class WorkbenchCommandTests : IClassFixture<CalibratedSample>
{
    private const string SalesEnteredAndIdentifiers = CalibratedSample.SalesEnteredAndIdentifiers;
    private static readonly string Sample = CalibratedSample.Sample;
    private readonly CalibratedSample _calibrated;
    private readonly string _folder;

    public WorkbenchCommandTests(CalibratedSample calibrated)
    {
        _calibrated = calibrated;
        _folder = calibrated.Folder;
    }

    [Fact]
    public void Calibrating_on_70_percent_of_X_Education_predicts_the_other_30_percent_with_AUC_of_at_least_0_88()
    {
        string report = Path.Combine(_folder, "backtest.json");

        var calibrate = _calibrated.Calibrate;
        var backtest = Run("backtest", "--model", _calibrated.Model, "--leads", Sample, "--outcome", "Converted", "--split-by", "Prospect ID", "--json", report);

        Assert.Equal((0, ""), (calibrate.Exit, calibrate.Error));
        Assert.Contains("Scorecard from 4526 leads", calibrate.Output);
        Assert.Equal((0, ""), (backtest.Exit, backtest.Error));
        using var figures = JsonDocument.Parse(File.ReadAllText(report));
        var root = figures.RootElement;
        Assert.Equal(1921, root.GetProperty("leads").GetInt32());
        Assert.InRange(root.GetProperty("auc").GetDouble(), 0.88, 1.0);
        Assert.InRange(root.GetProperty("salesReady").GetProperty("precision").GetDouble(), 0.6, 1.0);
        Assert.Equal(10, root.GetProperty("deciles").GetArrayLength());
        Assert.True(root.GetProperty("calibration").GetProperty("bands").GetArrayLength() > 3);
    }

    [Fact]
    public void A_calibrated_model_is_an_ordinary_model_file_with_explained_lead_rules()
    {
        Assert.Equal(0, _calibrated.Calibrate.Exit);

        var model = ModelFile.Read(_calibrated.Model);

        Assert.Equal("Calibrated from leads-train.csv", model.Name);
        Assert.All(model.Rules, r => Assert.Equal("lead", r.Table));
        Assert.All(model.Rules, r => Assert.Contains("WOE", r.Name, StringComparison.Ordinal));
        Assert.All(model.Rules.Where(r => r.Category == Category.Fit), r => Assert.Equal(RuleLimit.None, r.Limit));
        Assert.All(model.Rules.Where(r => r.Category == Category.Engagement), r => Assert.Equal(LimitType.PerLead, r.Limit.Type));
        Assert.Contains(model.Rules, r => r.Id == "lead_origin.lead_add_form" && r.Points > 0 && r.Category == Category.Fit);
        Assert.Contains(model.Rules, r => r.Conditions.Any(c => c.Attribute == "total_time_spent_on_website") && r.Category == Category.Engagement);
        Assert.DoesNotContain(model.Rules, r => r.Conditions.Any(c => c.Attribute is "tags" or "lead_quality" or "prospect_id"));
        Assert.True(model.FitCap >= model.MinimumFit && model.EngagementCap >= model.MinimumEngagement);
        Assert.Equal(2, model.Grades.FitBands.Count);
    }

    [Fact]
    public void The_baseline_regression_on_one_hot_columns_reports_its_holdout_auc()
    {
        var baseline = Run("baseline", "--leads", Sample, "--outcome", "Converted", "--exclude", SalesEnteredAndIdentifiers, "--split-by", "Prospect ID");

        Assert.Equal(0, baseline.Exit);
        Assert.StartsWith("Holdout AUC 0.8", baseline.Output);
    }

    [Theory]
    [InlineData("calibrate")]
    [InlineData("backtest")]
    [InlineData("baseline")]
    public void Every_command_has_help(string command)
    {
        var help = Run(command, "--help");

        Assert.Equal(0, help.Exit);
        Assert.Contains("--leads", help.Output);
        Assert.Contains("--outcome", help.Output);
    }

    [Fact]
    public void A_missing_leads_file_is_one_line_and_exit_code_1()
    {
        var result = Run("backtest", "--model", "m.json", "--leads", Path.Combine(_folder, "none.csv"), "--outcome", "Converted");

        Assert.Equal(1, result.Exit);
        Assert.Equal("leadscoring: m.json: file not found", result.Error.TrimEnd());
    }

    [Fact]
    public void Malformed_model_json_names_the_line_and_column()
    {
        string path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, "{\"name\": \"x\",\n \"rules\": [,]}");

        var result = Run("backtest", "--model", path, "--leads", Sample, "--outcome", "Converted");

        Assert.Equal(1, result.Exit);
        Assert.StartsWith("leadscoring: bad.json, line 2, column 12: malformed JSON", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_model_rule_on_a_column_the_leads_table_lacks_is_refused()
    {
        string path = Path.Combine(_folder, "director.json");
        File.WriteAllText(path, ModelFileTests.Example);

        var result = Run("backtest", "--model", path, "--leads", Sample, "--outcome", "Converted");

        Assert.Equal(1, result.Exit);
        Assert.StartsWith("leadscoring: director.json: rule 'director' needs the lead column 'jobtitle', which leads-train.csv does not have", result.Error);
    }

    [Theory]
    [InlineData("--outcome", "Bought", "the outcome column 'Bought' is not in the file")]
    [InlineData("--exclude", "Prospect ID,Nope", "unknown column 'Nope'")]
    [InlineData("--split-by", "Nope", "unknown column 'Nope'")]
    public void Unknown_columns_are_one_line_and_exit_code_1(string option, string value, string expected)
    {
        var args = new[] { "calibrate", "--leads", Sample, "--outcome", "Converted", "--out", Path.Combine(_folder, "m.json") }.ToList();
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange(new[] { option, value });
        }

        var result = Run(args.ToArray());

        Assert.Equal(1, result.Exit);
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void A_missing_required_option_is_a_usage_error_without_a_stack_trace()
    {
        var result = Run("calibrate", "--leads", Sample);

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("--outcome", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    internal static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = WorkbenchCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
