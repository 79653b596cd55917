using System;
using System.Linq;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;

namespace LeadScoring.Tests.Workbench;

public class ScorecardBinningTests
{
    private static readonly BinningOptions Options = new(Bins: 4, MinBinShare: 0.05, RareShare: 0.1, MonotoneCorrelation: 0.8, SimilarWoe: 0);

    [Fact]
    public void Woe_is_the_log_of_the_bins_share_of_buyers_over_its_share_of_the_others()
    {
        // 100 leads, 50 converted; the bin holds 30 buyers and 10 others (plus a one-lead prior at 50 %).
        double expected = Math.Log(30.5 / 10.5);
        Assert.Equal(expected, WeightOfEvidence.Woe(40, 30, 100, 50), 12);
        Assert.True(WeightOfEvidence.Woe(40, 5, 100, 50) < 0);
    }

    [Fact]
    public void An_empty_bin_has_no_evidence() => Assert.Equal(0, WeightOfEvidence.Woe(0, 0, 100, 20), 12);

    [Fact]
    public void Information_value_adds_share_differences_times_woe()
    {
        string[] cells = { "a", "a", "a", "a", "b", "b", "b", "b" };
        bool[] converted = { true, true, true, false, false, false, false, true };
        var bins = Binning.Categorical("x", cells, converted, Options);

        var a = bins.Single(b => b.Kind == BinKind.Value && b.Values[0] == "a");
        double expected = 2 * (0.75 - 0.25) * a.Woe;
        Assert.Equal(expected, WeightOfEvidence.InformationValue(bins), 12);
        Assert.Equal(-a.Woe, bins.Single(b => b.Kind == BinKind.Value && b.Values[0] == "b").Woe, 12);
    }

    [Fact]
    public void Categories_group_rare_values_as_other_case_insensitively_and_keep_missing_apart()
    {
        string[] cells = Enumerable.Repeat("Google", 40).Concat(Enumerable.Repeat("google", 10)).Concat(Enumerable.Repeat("Direct", 40))
            .Concat(new[] { "Fax", "Pigeon", "", "", "", "", "", "", "", "" }).ToArray();
        bool[] converted = cells.Select((_, i) => i % 3 == 0).ToArray();

        var bins = Binning.Categorical("lead_source", cells, converted, Options);

        Assert.Equal(new[] { BinKind.Missing, BinKind.Value, BinKind.Value, BinKind.Other }, bins.Select(b => b.Kind));
        Assert.Equal(50, bins[1].Leads); // Google and google together, spelled the common way
        Assert.Equal("Google", bins[1].Values[0]);
        Assert.Equal(2, bins[3].Leads);
        Assert.Equal(8, bins[0].Leads);
        Assert.Equal(cells.Length, bins.Sum(b => b.Leads));
        Assert.Equal(ConditionOperator.NotIn, bins[3].Conditions[1].Operator);
        Assert.Equal(ConditionOperator.NotExists, bins[0].Conditions.Single().Operator);
    }

    [Fact]
    public void Numeric_bins_start_at_quantiles_cover_every_value_and_use_half_open_ranges()
    {
        string[] cells = Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("").ToArray();
        bool[] converted = cells.Select((_, i) => i % 2 == 0).ToArray();

        var bins = Binning.Numeric("visits", cells, converted, Options with { MonotoneCorrelation = 2 });

        Assert.Equal(new decimal?[] { null, 25, 50, 75 }, bins.Skip(1).Select(b => b.From));
        Assert.Equal(new decimal?[] { 25, 50, 75, null }, bins.Skip(1).Select(b => b.To));
        Assert.Equal(new[] { 1, 25, 25, 25, 25 }, bins.Select(b => b.Leads));
        Assert.Equal(new[] { ConditionOperator.GreaterOrEqual, ConditionOperator.LessThan }, bins[2].Conditions.Select(c => c.Operator));
        Assert.True(bins[2].Matches("25") && !bins[2].Matches("50") && !bins[2].Matches(""));
    }

    [Fact]
    public void Small_numeric_bins_merge_into_a_neighbour()
    {
        // Quartile cuts at 1 and 2 leave [1, 2) with two leads, below 5 % of 100.
        string[] cells = Enumerable.Repeat("0", 24).Concat(new[] { "1", "1" }).Concat(Enumerable.Repeat("2", 74)).ToArray();
        bool[] converted = cells.Select((_, i) => i % 2 == 0).ToArray();

        var ranges = Binning.Numeric("x", cells, converted, Options with { MinBinShare = 0.05 }).Where(b => b.Kind == BinKind.Range).ToArray();

        Assert.Equal(2, ranges.Length);
        Assert.Equal(100, ranges.Sum(b => b.Leads));
        Assert.True(ranges.All(b => b.Leads >= 5));
    }

    [Fact]
    public void A_clearly_monotone_column_loses_the_bins_that_break_its_trend()
    {
        // Conversion rises with the value except a dip in the third quarter.
        string[] cells = Enumerable.Range(0, 400).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        int[] buyersPerQuarter = { 10, 40, 30, 90 };
        bool[] converted = cells.Select((_, i) => (i % 100) < buyersPerQuarter[i / 100]).ToArray();

        var ranges = Binning.Numeric("x", cells, converted, Options).Where(b => b.Kind == BinKind.Range).ToArray();

        Assert.Equal(3, ranges.Length);
        Assert.True(ranges.Zip(ranges.Skip(1)).All(p => p.Second.Woe > p.First.Woe));
    }

    [Fact]
    public void A_bin_without_leads_never_scores_more_than_a_bin_with_real_evidence()
    {
        // "plan" is never empty and "unseen" values never occur: their bins have no leads. Gold converts
        // far worse than silver here, so an empty bin that inherited the reference's 0 would outscore gold.
        var rows = Enumerable.Range(0, 600).Select(i => (Plan: (i % 3) switch { 0 => "gold", 1 => "silver", _ => "bronze" }, Converted: i % 3 == 1 ? i % 10 < 8 : i % 10 < 2));
        var table = LeadsTable.Parse("plan,converted\n" + string.Join("\n", rows.Select(r => $"{r.Plan},{(r.Converted ? 1 : 0)}")), "plans.csv", Array.Empty<string>());

        var scorecard = Calibrator.Calibrate(table, table.Column("converted"), new CalibrationOptions { MaxInteractions = 0 });

        var plan = scorecard.Columns.Single();
        int lowestReal = plan.Bins.Select((b, i) => (b, i)).Where(x => x.b.Leads > 0).Min(x => plan.Points[x.i]);
        Assert.All(plan.Bins.Select((b, i) => (b, i)).Where(x => x.b.Leads == 0), x => Assert.Equal(lowestReal, plan.Points[x.i]));
        Assert.DoesNotContain(scorecard.Model.Rules, r => r.Conditions.Any(c => c.Operator == ConditionOperator.NotExists));
    }

    [Fact]
    public void A_rare_value_with_ten_leads_or_more_that_converts_unlike_the_rest_earns_points_of_its_own()
    {
        // 2,000 leads: "platinum" holds 15 (below 1 %, so it is the column's "another value" bin) and
        // 12 of them converted, against 10 % to 40 % for the common plans. With the former minimum (1 %
        // of the leads, 20) it had no feature and scored as the worst plan.
        var rows = Enumerable.Range(0, 2000).Select(i => i < 15
            ? (Plan: "platinum", Converted: i < 12)
            : (Plan: (i % 3) switch { 0 => "gold", 1 => "silver", _ => "bronze" }, Converted: i % 10 < (i % 3) switch { 0 => 4, 1 => 2, _ => 1 }));
        var table = LeadsTable.Parse("plan,converted\n" + string.Join("\n", rows.Select(r => $"{r.Plan},{(r.Converted ? 1 : 0)}")), "plans.csv", Array.Empty<string>());

        var scorecard = Calibrator.Calibrate(table, table.Column("converted"), new CalibrationOptions { MaxInteractions = 0 });

        var plan = scorecard.Columns.Single();
        int Points(Func<Bin, bool> bin) => plan.Points[plan.Bins.Select((b, i) => (b, i)).Single(x => bin(x.b)).i];
        int platinum = Points(b => b.Kind == BinKind.Other);
        Assert.Equal(15, plan.Bins.Single(b => b.Kind == BinKind.Other).Leads);
        Assert.True(platinum > Points(b => b.Kind == BinKind.Value && b.Values[0] == "bronze"), $"platinum scores {platinum}, no more than the worst plan");
        Assert.Contains(scorecard.Model.Rules, r => r.Points == platinum && r.Conditions.Any(c => c.Operator == ConditionOperator.NotIn));
    }
}
