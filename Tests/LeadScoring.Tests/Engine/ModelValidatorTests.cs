using System;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Tests.Engine;

public class ModelValidatorTests
{
    [Fact]
    public void The_sample_model_is_valid() => Assert.Empty(ModelValidator.Validate(SampleModels.Default));

    [Theory]
    [InlineData("missing threshold", "salesReadyThreshold is required")]
    [InlineData("caps below minimums", "fitCap (10) must be positive and at least minimumFit (20)")]
    [InlineData("duplicate rule ids", "Rule 'director': the id is used by 2 rules")]
    [InlineData("between with one value", "Rule 'size', condition on 'numberofemployees': operator between needs exactly two numbers or dates")]
    [InlineData("between reversed", "operator between needs low ≤ high; got [500, 50]")]
    [InlineData("unknown table", "Rule 'visit': table 'webpage' is not watched; allowed: lead, email, appointment, phonecall, ls_interaction.")]
    [InlineData("fit rule on email", "Rule 'opened': a fit rule scores the lead's own columns")]
    [InlineData("positive streak", "Rule 'cold': an unansweredEmails rule is a debit; points must be negative; got 30.")]
    [InlineData("zero points", "Rule 'director': points must be between -10000 and 10000 and not 0; got 0.")]
    [InlineData("huge points", "got 2147483647")]
    [InlineData("bands not descending", "grades.fitBands must be strictly descending thresholds (best band first); got [30, 60].")]
    [InlineData("contains a number", "operator contains needs one non-empty text value; got [5].")]
    [InlineData("persona of another table", "Rule 'whitepaper', condition on 'subject': table 'email' is not allowed; a condition may name the table \"lead\" (the lead's own columns) only in an engagement rule with plain conditions on email, appointment, phonecall, ls_interaction.")]
    public void An_invalid_model_is_reported_with_the_rule_the_field_and_what_is_allowed(string problem, string expected)
    {
        var model = Broken(problem);

        var errors = ModelValidator.Validate(model);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        var thrown = Assert.Throws<ScoringException>(() => ModelValidator.EnsureValid(model));
        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }

    private static ScoringModel Broken(string problem)
    {
        var model = SampleModels.Default;
        var director = SampleModels.Director;
        ScoringRule Rule(string id, string table, Category category, params Condition[] conditions) =>
            new() { Id = id, Name = id, Table = table, Category = category, Conditions = conditions, Points = 5 };
        return problem switch
        {
            "missing threshold" => model with { SalesReadyThreshold = 0 },
            "caps below minimums" => model with { FitCap = 10 },
            "duplicate rule ids" => SampleModels.With(director with { Name = "Another" }),
            "between with one value" => SampleModels.With(Rule("size", "lead", Category.Fit, new Condition("numberofemployees", ConditionOperator.Between, [50m]))),
            "between reversed" => SampleModels.With(Rule("size", "lead", Category.Fit, new Condition("numberofemployees", ConditionOperator.Between, [500m, 50m]))),
            "unknown table" => SampleModels.With(Rule("visit", "webpage", Category.Engagement)),
            "fit rule on email" => SampleModels.With(Rule("opened", "email", Category.Fit)),
            "positive streak" => model with { Rules = [SampleModels.Cold with { Points = 30 }] },
            "zero points" => model with { Rules = [director with { Points = 0 }] },
            "huge points" => model with { Rules = [director with { Points = int.MaxValue }] },
            "bands not descending" => model with { Grades = new GradeBands([30, 60], [80, 40]) },
            "persona of another table" => model with { Rules = [SampleModels.Whitepaper with { Conditions = [new Condition("subject", ConditionOperator.Contains, ["x"]) { Table = "email" }] }] },
            "contains a number" => model with { Rules = [director with { Conditions = [new Condition("jobtitle", ConditionOperator.Contains, [5m])] }] },
            _ => throw new ArgumentException(problem),
        };
    }
}
