using System;
using System.IO;

namespace LeadScoring.Tests.Workbench;

/// <summary>
/// model validate checks every condition against the product's column catalogue: a rule an admin
/// writes in sales and marketing words ("Asset download") is accepted, and one that could never
/// fire (a misspelt column, another table's column, an unknown label, a value of the wrong type) is
/// refused with one line that says what exists.
/// </summary>
public sealed class ModelColumnsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-columns-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_choice_label_is_accepted_where_the_value_is()
    {
        var run = Validate("\"value\":100000001", "\"value\":\"Asset Download\"");

        Assert.Equal((0, ""), (run.Exit, run.Error));
    }

    [Theory]
    [InlineData("\"Event registration\"")] // the type the event-registration flow records
    [InlineData("100000008")]
    public void The_interaction_types_are_the_solutions_choice_the_flows_record_into(string value)
    {
        var run = Validate("\"value\":100000001", "\"value\":" + value);

        Assert.Equal((0, ""), (run.Exit, run.Error));
    }

    [Theory]
    [InlineData("\"attribute\":\"jobtitle\"", "\"attribute\":\"jobtilte\"",
        "Rule 'director', condition 1: lead has no column 'jobtilte'; did you mean 'jobtitle'?")]
    [InlineData("\"attribute\":\"ls_type\",\"operator\":\"equals\",\"value\":100000001", "\"attribute\":\"jobtitle\",\"operator\":\"equals\",\"value\":\"Engineer\"",
        "Rule 'whitepaper', condition 1: ls_interaction has no column 'jobtitle'; 'jobtitle' is a column of lead, not of ls_interaction (a condition on the lead's own column names its table: {\"table\":\"lead\",\"attribute\":\"jobtitle\",…}); ls_interaction columns: createdon, ls_durationseconds, ls_interactionid, ls_leadid, ls_name, ls_occurredon, ls_type, ls_url, modifiedon, statecode.")]
    [InlineData("\"value\":100000001", "\"value\":\"Asset Downlaod\"",
        "Rule 'whitepaper', condition 1: 'Asset Downlaod' is not a label of ls_interaction.ls_type; labels: Page visit, Asset download, Video view, Webinar registration, Webinar attendance, Event attendance, Form submission, Social like, Event registration. Did you mean 'Asset download'?")]
    [InlineData("\"value\":100000001", "\"value\":7",
        "Rule 'whitepaper', condition 1: 7 is not a value or label of ls_interaction.ls_type; values: Page visit (100000000), Asset download (100000001), Video view (100000002), Webinar registration (100000003), Webinar attendance (100000004), Event attendance (100000005), Form submission (100000006), Social like (100000007), Event registration (100000008).")]
    [InlineData("\"attribute\":\"jobtitle\",\"operator\":\"contains\",\"value\":\"director\"", "\"attribute\":\"numberofemployees\",\"operator\":\"equals\",\"value\":\"many\"",
        "Rule 'director', condition 1: 'many' is not a whole number; lead.numberofemployees is a whole number column.")]
    [InlineData("\"attribute\":\"jobtitle\",\"operator\":\"contains\",\"value\":\"director\"", "\"attribute\":\"numberofemployees\",\"operator\":\"contains\",\"value\":\"5\"",
        "Rule 'director', condition 1: operator contains compares text, but lead.numberofemployees is a whole number column; use equals, greaterThan, lessThan or between.")]
    public void A_condition_that_could_never_fire_is_one_clear_line(string from, string to, string message)
    {
        var run = Validate(from, to);

        Assert.Equal(1, run.Exit);
        Assert.Equal(
            new[] { "leadscoring: model.json: 1 problem; the product would refuse this model:", "  - " + message },
            run.Error.TrimEnd().Replace("\r", "", StringComparison.Ordinal).Split('\n'));
    }

    [Fact]
    public void A_custom_column_outside_the_catalogue_is_a_warning_offline()
    {
        var run = Validate("\"attribute\":\"jobtitle\"", "\"attribute\":\"new_persona\"");

        Assert.Equal(0, run.Exit);
        Assert.Equal(
            "leadscoring: model.json: warning: Rule 'director', condition 1: 'new_persona' is not a column the product knows on lead; as a custom column it is checked against the org's metadata when the model is imported.",
            run.Error.Trim());
    }

    private (int Exit, string Output, string Error) Validate(string from, string to)
    {
        Assert.Contains(from, SimulateCommandTests.Model, StringComparison.Ordinal);
        string path = Path.Combine(_folder, "model.json");
        File.WriteAllText(path, SimulateCommandTests.Model.Replace(from, to, StringComparison.Ordinal));
        return WorkbenchCommandTests.Run("model", "validate", path);
    }
}
