using System;
using System.IO;
using System.Linq;

namespace LeadScoring.Tests.Workbench;

/// <summary>
/// Degenerate analysis input through the real command line: one class, no rows and absurd options
/// end with one line and exit code 1, never "AUC NaN" with exit 0, a crash or an invalid model file.
/// </summary>
public sealed class DegenerateInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-degenerate-").FullName;
    private readonly string _model = Path.Combine(RepositoryRoot.Path, "samples", "demo", "model.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("calibrate", "has only not converted leads (40)")]
    [InlineData("backtest", "has only not converted leads (40)")]
    [InlineData("compare", "has only not converted leads (40)")]
    [InlineData("baseline", "has only not converted leads")]
    public void Data_with_one_class_gets_a_clear_message(string command, string expected)
    {
        string leads = Leads("one-class.csv", Enumerable.Repeat("0", 40));
        string json = Path.Combine(_folder, "out.json");
        string[] args = command switch
        {
            "calibrate" => ["calibrate", "--leads", leads, "--outcome", "converted", "--out", json],
            "backtest" => ["backtest", "--model", _model, "--leads", leads, "--outcome", "converted", "--json", json],
            "compare" => ["compare", "--model", _model, "--model", _model, "--leads", leads, "--outcome", "converted", "--json", json],
            _ => ["baseline", "--leads", leads, "--outcome", "converted", "--split-by", "id"],
        };

        var run = WorkbenchCommandTests.Run(args);

        Assert.Equal(1, run.Exit);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void A_table_without_rows_gets_a_clear_message()
    {
        var run = WorkbenchCommandTests.Run("backtest", "--model", _model, "--leads", Leads("empty.csv", []), "--outcome", "converted");

        Assert.Equal(1, run.Exit);
        Assert.Equal("leadscoring: empty.csv: no leads to measure (the table, or the chosen part of it, has no rows)", run.Error.TrimEnd());
    }

    [Theory]
    [InlineData("--pdo", "Infinity", "--pdo must be a number from 1 to 100, not Infinity")]
    [InlineData("--pdo", "1e6", "--pdo must be a number from 1 to 100, not 1000000")]
    [InlineData("--bins", "2147483647", "--bins must be a number from 2 to 100, not 2147483647")]
    [InlineData("--min-iv", "NaN", "--min-iv must be a number from 0 to 10, not NaN")]
    public void Calibrate_refuses_options_outside_their_range(string option, string value, string expected)
    {
        string output = Path.Combine(_folder, "calibrated.json");

        var run = WorkbenchCommandTests.Run("calibrate", "--leads", CalibratedSample.Sample, "--outcome", "Converted", "--out", output, option, value);

        Assert.Equal(1, run.Exit);
        Assert.Equal("leadscoring: " + expected, run.Error.TrimEnd());
        Assert.False(File.Exists(output));
    }

    private string Leads(string name, System.Collections.Generic.IEnumerable<string> outcomes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllLines(path, outcomes.Select((o, i) => $"L{i + 1},{(i % 2 == 0 ? "Pune" : "Delhi")},{i % 7},{o}").Prepend("id,city,totalvisits,converted"));
        return path;
    }
}
