using System;
using System.Linq;
using FsCheck.Xunit;
using LeadScoring.Workbench.Analysis;

namespace LeadScoring.Tests.Workbench;

public class MetricsTests
{
    [Fact]
    public void Auc_is_one_for_a_perfect_ranking_and_zero_for_a_reversed_one()
    {
        double[] scores = { 1, 2, 3, 4 };
        Assert.Equal(1.0, Metrics.Auc(scores, new[] { false, false, true, true }));
        Assert.Equal(0.0, Metrics.Auc(scores, new[] { true, true, false, false }));
    }

    [Fact]
    public void Auc_counts_ties_between_a_buyer_and_a_non_buyer_as_half()
    {
        // Buyers score 2 and 3, the others 1 and 2: pairs 2>1, 2=2 (half), 3>1, 3>2 → 3.5 of 4.
        Assert.Equal(0.875, Metrics.Auc(new double[] { 1, 2, 2, 3 }, new[] { false, true, false, true }));
        Assert.Equal(0.5, Metrics.Auc(new double[] { 5, 5, 5, 5 }, new[] { false, true, false, true }));
    }

    [Fact]
    public void Auc_is_undefined_without_both_outcomes() =>
        Assert.True(double.IsNaN(Metrics.Auc(new double[] { 1, 2 }, new[] { true, true })));

    [Property]
    public bool Auc_equals_the_share_of_correctly_ordered_pairs(byte[] raw)
    {
        // A small score range forces many ties; the top bit is the outcome.
        var scores = raw.Select(b => (double)(b % 8)).ToArray();
        var converted = raw.Select(b => (b & 0x80) != 0).ToArray();
        double pairs = 0, wins = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            for (int j = 0; j < raw.Length; j++)
            {
                if (converted[i] && !converted[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        double auc = Metrics.Auc(scores, converted);
        return pairs == 0 ? double.IsNaN(auc) : Math.Abs(auc - (wins / pairs)) < 1e-12;
    }

    [Fact]
    public void Precision_and_recall_count_the_selected_buyers()
    {
        var quality = Metrics.Selection(new[] { true, true, true, false, false }, new[] { true, false, true, true, false });

        Assert.Equal(3, quality.Selected);
        Assert.Equal(2, quality.Converted);
        Assert.Equal(2.0 / 3, quality.Precision, 12);
        Assert.Equal(2.0 / 3, quality.Recall, 12);
        Assert.Equal(2.0 / 3, quality.F1, 12);
    }

    [Fact]
    public void Logistic_regression_recovers_a_known_relation()
    {
        // log-odds = -1 + 2x exactly, on a grid with fractional outcomes spread as counts.
        var rows = new System.Collections.Generic.List<double[]>();
        var outcomes = new System.Collections.Generic.List<bool>();
        foreach (double x in new[] { -1.0, -0.5, 0, 0.5, 1 })
        {
            int buyers = (int)Math.Round(1000 * LogisticRegression.Sigmoid(-1 + (2 * x)));
            for (int k = 0; k < 1000; k++)
            {
                rows.Add(new[] { x });
                outcomes.Add(k < buyers);
            }
        }

        var fit = LogisticRegression.Fit(rows, outcomes, penalty: 0);

        Assert.Equal(-1, fit.Intercept, 1);
        Assert.Equal(2, fit.Weights[0], 1);
    }

    [Fact]
    public void Deciles_keep_equal_scores_together_so_their_ranges_never_overlap()
    {
        // 40 leads: a quarter share the score 50, across what would be the third and fourth tenth.
        int[] points = Enumerable.Range(0, 40).Select(i => i is >= 8 and < 18 ? 50 : 100 - i).ToArray();
        var scores = points.Select(p => new LeadScore(p, 0, p, "A1", false)).ToList();
        bool[] converted = points.Select((p, i) => i % 2 == 0).ToArray();

        var deciles = Backtest.Measure(new LeadScoring.Engine.ScoringModel { Name = "m", SalesReadyThreshold = 60 }, scores, converted, "test").Deciles;

        Assert.All(deciles.Zip(deciles.Skip(1)), p => Assert.True(p.First.MinScore > p.Second.MaxScore, $"decile {p.First.Decile} ({p.First.MinScore}..{p.First.MaxScore}) and {p.Second.Decile} ({p.Second.MinScore}..{p.Second.MaxScore})"));
        Assert.Equal(40, deciles.Sum(d => d.Leads));
    }
}
