using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Tests.Engine;
using LeadScoring.Tests.Plugins;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.ModelFiles;

namespace LeadScoring.Tests.Workbench;

/// <summary>
/// What a grade means: a backtest's conversion by grade travels from backtest --json, through the model
/// file or model import --backtest, into the model version's ls_gradeconversion and out of ls_ExplainLeadScore
/// to the score card.
/// </summary>
public sealed class GradeConversionTests : IClassFixture<CalibratedSample>
{
    private static readonly GradeConversion Measured = new("backtest", new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), 240, new[]
    {
        new GradeOutcome("A1", 30, 26), new GradeOutcome("A2", 50, 43), new GradeOutcome("A3", 20, 6),
        new GradeOutcome("B1", 25, 15), new GradeOutcome("B2", 35, 14), new GradeOutcome("B3", 30, 5),
        new GradeOutcome("C1", 15, 3), new GradeOutcome("C2", 20, 2), new GradeOutcome("C3", 15, 0),
    });

    private readonly CalibratedSample _calibrated;

    public GradeConversionTests(CalibratedSample calibrated) => _calibrated = calibrated;

    [Fact]
    public void Backtest_json_carries_the_conversion_by_grade_in_the_shape_model_import_reads()
    {
        string report = Path.Combine(_calibrated.Folder, "backtest-grades.json");
        var run = WorkbenchCommandTests.Run("backtest", "--model", _calibrated.Model, "--leads", CalibratedSample.Sample, "--outcome", "Converted", "--split-by", "Prospect ID", "--json", report);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var grades = json.RootElement.GetProperty("grades").EnumerateArray().ToArray();
        var conversion = GradeConversions.Read(report, ModelFile.Read(_calibrated.Model).Name);
        Assert.Equal("backtest", conversion.Source);
        Assert.Equal(DateTime.UtcNow.Date, conversion.MeasuredOn);
        Assert.Equal(json.RootElement.GetProperty("leads").GetInt32(), conversion.Leads);
        Assert.Equal(grades.Select(g => (g.GetProperty("grade").GetString(), g.GetProperty("leads").GetInt32(), g.GetProperty("converted").GetInt32())),
            conversion.Grades.Select(g => ((string?)g.Grade, g.Leads, g.Converted)));
    }

    [Fact]
    public void The_backtest_of_another_model_is_refused_for_model_import()
    {
        string report = Path.Combine(_calibrated.Folder, "other-model.json");
        File.WriteAllText(report, "{\"model\":\"Another model\",\"gradeConversion\":{\"source\":\"backtest\",\"measuredOn\":\"2026-05-01\",\"leads\":1,\"grades\":[{\"grade\":\"A1\",\"leads\":1,\"converted\":1}]}}");

        var error = Assert.Throws<LeadScoring.Workbench.WorkbenchException>(() => GradeConversions.Read(report, "Default"));

        Assert.Equal("other-model.json is a backtest of the model 'Another model', not of 'Default': backtest this model and import it with that report", error.Message);
        Assert.Equal(1, GradeConversions.Read(report, "Another model").Leads);
    }

    [Fact]
    public void A_model_file_round_trips_its_grade_conversion_and_refuses_counts_that_do_not_add_up()
    {
        var model = SampleModels.Default with { GradeConversion = Measured };

        var again = ModelFile.Parse(ModelFile.ToJson(model), "model.json");

        Assert.Equal(GradeConversionText.Format(Measured), GradeConversionText.Format(again.GradeConversion!));
        string wrong = ModelFile.ToJson(model).Replace("\"leads\": 240", "\"leads\": 241", StringComparison.Ordinal);
        var error = Assert.Throws<LeadScoring.Workbench.WorkbenchException>(() => ModelFile.Parse(wrong, "model.json"));
        Assert.Contains("the grades hold 240 leads, not 241", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_explanation_says_how_leads_of_this_grade_converted_in_the_models_last_backtest()
    {
        var org = new ScoringOrganization(SampleModels.Default with { GradeConversion = Measured });
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));

        using var explanation = JsonDocument.Parse((string)org.Call(CustomApi.ExplainLeadScore, lead)[CustomApi.Explanation]);

        string grade = explanation.RootElement.GetProperty("grade").GetString()!;
        var shown = explanation.RootElement.GetProperty("gradeConversion");
        var expected = Measured.For(grade)!;
        Assert.Equal(grade, shown.GetProperty("grade").GetString());
        Assert.Equal((expected.Leads, expected.Converted), (shown.GetProperty("leads").GetInt32(), shown.GetProperty("converted").GetInt32()));
        Assert.Equal(("backtest", "2026-05-01", 240), (shown.GetProperty("source").GetString(), shown.GetProperty("measuredOn").GetString(), shown.GetProperty("sampleLeads").GetInt32()));
    }

    [Fact]
    public void Without_a_backtest_the_explanation_has_no_grade_conversion()
    {
        var org = new ScoringOrganization();
        var lead = org.CreateLead(("lastname", "Doe"));

        using var explanation = JsonDocument.Parse((string)org.Call(CustomApi.ExplainLeadScore, lead)[CustomApi.Explanation]);

        Assert.Equal(JsonValueKind.Null, explanation.RootElement.GetProperty("gradeConversion").ValueKind);
    }
}
