using System.Collections.Generic;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;

namespace LeadScoring.Tests.Workbench;

public class LeadScorerTests
{
    [Theory]
    [InlineData(ConditionOperator.EqualsTo, "api", "API", true)]
    [InlineData(ConditionOperator.NotEquals, "API", "Chat", true)]
    [InlineData(ConditionOperator.Contains, "Sales Director", "director", true)]
    [InlineData(ConditionOperator.BeginsWith, "Director of IT", "director", true)]
    [InlineData(ConditionOperator.EndsWith, "Director of IT", "it", true)]
    [InlineData(ConditionOperator.Exists, "x", null, true)]
    [InlineData(ConditionOperator.NotExists, "", null, true)]
    [InlineData(ConditionOperator.EqualsTo, "", "API", false)]
    [InlineData(ConditionOperator.NotEquals, "", "API", false)]
    public void Text_conditions_compare_case_insensitively_and_missing_matches_only_not_exists(ConditionOperator op, string cell, string? value, bool expected) =>
        Assert.Equal(expected, ConditionMatcher.Matches(new Condition("a", op, value is null ? new object?[0] : new object?[] { value }), cell));

    [Theory]
    [InlineData(ConditionOperator.GreaterThan, "5", 4, true)]
    [InlineData(ConditionOperator.GreaterOrEqual, "4.0", 4, true)]
    [InlineData(ConditionOperator.LessThan, "3.5", 4, true)]
    [InlineData(ConditionOperator.LessOrEqual, "4", 4, true)]
    [InlineData(ConditionOperator.EqualsTo, "4.00", 4, true)]
    [InlineData(ConditionOperator.GreaterThan, "many", 4, false)]
    public void Number_conditions_compare_numbers(ConditionOperator op, string cell, int value, bool expected) =>
        Assert.Equal(expected, ConditionMatcher.Matches(new Condition("a", op, new object?[] { (decimal)value }), cell));

    [Fact]
    public void Lists_and_between_work_on_arrays()
    {
        var inList = new Condition("a", ConditionOperator.In, new object?[] { "Google", "Direct" });
        var notIn = new Condition("a", ConditionOperator.NotIn, new object?[] { "Google", "Direct" });
        var between = new Condition("a", ConditionOperator.Between, new object?[] { 2m, 5m });
        var flag = new Condition("a", ConditionOperator.EqualsTo, new object?[] { true });

        Assert.True(ConditionMatcher.Matches(inList, "google"));
        Assert.True(ConditionMatcher.Matches(notIn, "Chat"));
        Assert.False(ConditionMatcher.Matches(notIn, ""));
        Assert.True(ConditionMatcher.Matches(between, "2") && ConditionMatcher.Matches(between, "5") && !ConditionMatcher.Matches(between, "5.5"));
        Assert.True(ConditionMatcher.Matches(flag, "Yes") && !ConditionMatcher.Matches(flag, "No"));
    }

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
