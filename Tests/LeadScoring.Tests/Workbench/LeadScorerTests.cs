using System.Collections.Generic;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;

namespace LeadScoring.Tests.Workbench;

public class LeadScorerTests
{
    [Fact]
    public void A_snapshot_adds_matching_lead_rules_applies_caps_floor_grade_and_the_sales_ready_test()
    {
        var model = new ScoringModel
        {
            Name = "t",
            SalesReadyThreshold = 50,
            MinimumFit = 10,
            MinimumEngagement = 10,
            FitCap = 40,
            EngagementCap = 100,
            Floor = -5,
            Grades = new GradeBands(new[] { 30, 10 }, new[] { 40, 20 }),
            Rules = new[]
            {
                Rule("director", Category.Fit, 25, new Condition("jobtitle", ConditionOperator.Contains, new object?[] { "director" })),
                Rule("big", Category.Fit, 25, new Condition("employees", ConditionOperator.GreaterOrEqual, new object?[] { 500m })),
                Rule("visits", Category.Engagement, 30, new Condition("visits", ConditionOperator.GreaterThan, new object?[] { 3m })),
                Rule("student", Category.Fit, -60, new Condition("jobtitle", ConditionOperator.EqualsTo, new object?[] { "student" })),
                Rule("download", Category.Engagement, 99, new Condition("ls_type", ConditionOperator.Exists, new object?[0])) with { Table = "ls_interaction" },
            },
        };
        var scorer = new SnapshotLeadScorer(model);

        var director = scorer.Score(new Dictionary<string, string> { ["jobtitle"] = "IT Director", ["employees"] = "1000", ["visits"] = "5" });
        var student = scorer.Score(new Dictionary<string, string> { ["jobtitle"] = "Student", ["visits"] = "1" });

        Assert.Equal(new LeadScore(40, 30, 70, "A2", true), director); // fit 50 capped at 40
        Assert.Equal(new LeadScore(-60, 0, -5, "C3", false), student); // total held at the floor
        Assert.Equal(1, scorer.SkippedRules);
    }

    private static ScoringRule Rule(string id, Category category, int points, Condition condition) =>
        new() { Id = id, Name = id, Category = category, Table = "lead", Points = points, Conditions = new[] { condition } };
}
