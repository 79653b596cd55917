using System.Linq;
using LeadScoring.Workbench;
using LeadScoring.Workbench.Analysis;

namespace LeadScoring.Tests.Workbench;

public class LeadsTableTests
{
    private static readonly string[] Select = { "Select" };

    [Theory]
    [InlineData("Lead Origin", "lead_origin")]
    [InlineData("Total Time Spent on Website", "total_time_spent_on_website")]
    [InlineData("TotalVisits", "totalvisits")]
    [InlineData("  How did you hear about X Education?? ", "how_did_you_hear_about_x_education")]
    [InlineData("A -- b__c", "a_b_c")]
    public void Headers_become_dataverse_style_logical_names(string header, string logical) =>
        Assert.Equal(logical, LogicalName.FromHeader(header));

    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks()
    {
        var table = LeadsTable.Parse("Name,Note,Converted\r\n\"Smith, Ann\",\"said \"\"hi\"\"\nthen left\",1\r\nBo,,0\r\n", "t.csv", Select);

        Assert.Equal(new[] { "name", "note", "converted" }, table.Attributes);
        Assert.Equal(new[] { "Smith, Ann", "said \"hi\"\nthen left", "1" }, table.Rows[0]);
        Assert.Equal(new[] { "Bo", "", "0" }, table.Rows[1]);
        Assert.Equal(new[] { 2, 4 }, table.Lines);
    }

    [Fact]
    public void Missing_markers_read_as_empty_and_can_be_switched_off()
    {
        const string csv = "City,Converted\nSelect,1\n select ,0\nMumbai,1";

        Assert.Equal(new[] { "", "", "Mumbai" }, LeadsTable.Parse(csv, "t.csv", Select).Rows.Select(r => r[0]));
        Assert.Equal(new[] { "Select", "select", "Mumbai" }, LeadsTable.Parse(csv, "t.csv", new string[0]).Rows.Select(r => r[0]));
    }

    [Fact]
    public void A_ragged_row_names_its_line_and_field_counts()
    {
        var error = Assert.Throws<WorkbenchException>(() => LeadsTable.Parse("a,b,c\n1,2,3\n1,2\n", "leads.csv", Select));
        Assert.Equal("leads.csv, line 3, column 3: 2 fields, but the header has 3", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_it_starts_on()
    {
        var error = Assert.Throws<WorkbenchException>(() => LeadsTable.Parse("a,b\n1,\"open\n2,3\n", "leads.csv", Select));
        Assert.Equal("leads.csv, line 2, column 3: a quoted field is never closed", error.Message);
    }

    [Fact]
    public void A_stray_quote_is_an_error()
    {
        var error = Assert.Throws<WorkbenchException>(() => LeadsTable.Parse("a,b\n1,x\"y\n", "leads.csv", Select));
        Assert.Contains("line 2, column 4: a quote inside an unquoted field", error.Message);
    }

    [Fact]
    public void Columns_are_found_by_header_or_logical_name_and_unknown_ones_are_named()
    {
        var table = LeadsTable.Parse("Lead Origin,Converted\nAPI,1\n", "leads.csv", Select);

        Assert.Equal(0, table.Column("Lead Origin"));
        Assert.Equal(0, table.Column("lead_origin"));
        Assert.Equal(1, table.Column("converted"));
        var error = Assert.Throws<WorkbenchException>(() => table.Column("Lead Source"));
        Assert.Equal("leads.csv: unknown column 'Lead Source' (columns: Lead Origin, Converted)", error.Message);
    }

    [Fact]
    public void Two_headers_with_the_same_logical_name_are_refused()
    {
        var error = Assert.Throws<WorkbenchException>(() => LeadsTable.Parse("Lead Origin,lead origin\n1,2\n", "leads.csv", Select));
        Assert.Contains("'Lead Origin' and 'lead origin' both map to the attribute 'lead_origin'", error.Message);
    }

    [Fact]
    public void Outcomes_accept_numbers_words_and_booleans_and_name_a_bad_cell()
    {
        var table = LeadsTable.Parse("Converted\n1\n0\ntrue\nNo\n", "leads.csv", Select);
        Assert.Equal(new[] { true, false, true, false }, table.Outcomes(0));

        var bad = LeadsTable.Parse("Converted\n1\nmaybe\n", "leads.csv", Select);
        var error = Assert.Throws<WorkbenchException>(() => bad.Outcomes(0));
        Assert.Equal("leads.csv, line 3, column 1: outcome column 'Converted' holds 'maybe'; allowed: 1/0, true/false, yes/no", error.Message);
    }

    [Fact]
    public void The_holdout_split_is_deterministic_and_complementary()
    {
        var table = LeadsTable.Parse("Id,Converted\n" + string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"lead-{i},{i % 2}")), "t.csv", Select);

        var train = HoldoutSplit.Select(table, "Id", 70, SplitPart.Train);
        var holdout = HoldoutSplit.Select(table, "Id", 70, SplitPart.Holdout);

        Assert.Equal(1000, train.Rows.Count + holdout.Rows.Count);
        Assert.Empty(train.Rows.Select(r => r[0]).Intersect(holdout.Rows.Select(r => r[0])));
        Assert.InRange(train.Rows.Count, 650, 750);
        Assert.Equal(train.Rows.Select(r => r[0]), HoldoutSplit.Select(table, "Id", 70, SplitPart.Train).Rows.Select(r => r[0]));
    }

    [Fact]
    public void A_salt_gives_another_split_of_the_same_leads_that_is_just_as_deterministic()
    {
        var table = LeadsTable.Parse("Id,Converted\n" + string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"lead-{i},{i % 2}")), "t.csv", Select);
        string[] Part(string salt, SplitPart part) => HoldoutSplit.Select(table, "Id", 70, part, salt).Rows.Select(r => r[0]).ToArray();

        var unsalted = Part("", SplitPart.Train);
        var salted = Part("1", SplitPart.Train);

        Assert.Equal(1000, salted.Length + Part("1", SplitPart.Holdout).Length);
        Assert.Empty(salted.Intersect(Part("1", SplitPart.Holdout)));
        Assert.Equal(salted, Part("1", SplitPart.Train));
        Assert.InRange(salted.Intersect(unsalted).Count(), 400, 600); // independent halves share about 70 % of 70 %
        Assert.Equal(HoldoutSplit.IsTraining("1:lead-7", 70), HoldoutSplit.IsTraining("lead-7", 70, "1"));
    }
}
