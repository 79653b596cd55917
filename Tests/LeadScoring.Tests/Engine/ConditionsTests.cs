using System;
using LeadScoring.Engine;

namespace LeadScoring.Tests.Engine;

/// <summary>
/// The one condition evaluator, as a table: operator × value type × missing value. The plug-ins
/// pass plain column values (text, numbers, booleans, UTC dates); the workbench passes CSV cells
/// (text, "" when missing). Both must get the same answer.
/// </summary>
public class ConditionsTests
{
    private static readonly DateTime May1 = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<ConditionOperator, object?[], object?, bool> Table() => new()
    {
        // text: case-insensitive, trimmed
        { ConditionOperator.EqualsTo, ["API"], "api", true },
        { ConditionOperator.EqualsTo, ["API"], " API ", true },
        { ConditionOperator.NotEquals, ["API"], "Chat", true },
        { ConditionOperator.NotEquals, ["API"], "api", false },
        { ConditionOperator.In, ["Google", "Direct"], "google", true },
        { ConditionOperator.In, ["Google", "Direct"], "Chat", false },
        { ConditionOperator.NotIn, ["Google", "Direct"], "Chat", true },
        { ConditionOperator.NotIn, ["Google", "Direct"], "DIRECT", false },
        { ConditionOperator.Contains, ["director"], "Sales Director", true },
        { ConditionOperator.BeginsWith, ["director"], "Director of IT", true },
        { ConditionOperator.EndsWith, ["it"], "Director of IT", true },
        { ConditionOperator.EndsWith, ["it"], "IT Director", false },
        { ConditionOperator.Exists, [], "x", true },
        { ConditionOperator.NotExists, [], "x", false },

        // numbers: a decimal column, an int column or a CSV cell compare as numbers
        { ConditionOperator.EqualsTo, [4m], "4.00", true },
        { ConditionOperator.EqualsTo, [4m], 4, true },
        { ConditionOperator.EqualsTo, ["100000001"], 100000001, true },
        { ConditionOperator.GreaterThan, [4m], "5", true },
        { ConditionOperator.GreaterThan, [4m], 10m, true },
        { ConditionOperator.GreaterThan, [10m], "9", false },
        { ConditionOperator.GreaterOrEqual, [4m], "4.0", true },
        { ConditionOperator.LessThan, [4m], "3.5", true },
        { ConditionOperator.LessOrEqual, [4m], 4, true },
        { ConditionOperator.Between, [2m, 5m], "2", true },
        { ConditionOperator.Between, [2m, 5m], 5, true },
        { ConditionOperator.Between, [2m, 5m], "5.5", false },
        { ConditionOperator.NotIn, [1m, 2m], 3, true },

        // booleans: a two-option column, or a CSV cell true/false or yes/no
        { ConditionOperator.EqualsTo, [true], true, true },
        { ConditionOperator.EqualsTo, [true], "Yes", true },
        { ConditionOperator.EqualsTo, [true], "No", false },
        { ConditionOperator.NotEquals, [true], false, true },
        { ConditionOperator.EqualsTo, [false], "false", true },

        // dates: UTC moments, or ISO text
        { ConditionOperator.GreaterThan, ["2026-04-30"], May1, true },
        { ConditionOperator.LessThan, ["2026-04-30"], May1, false },
        { ConditionOperator.EqualsTo, ["2026-05-01T00:00:00Z"], May1, true },
        { ConditionOperator.Between, ["2026-04-01", "2026-05-31"], "2026-05-01", true },

        // missing (null, "" or blanks): only the negative operators match
        { ConditionOperator.Exists, [], null, false },
        { ConditionOperator.Exists, [], "", false },
        { ConditionOperator.NotExists, [], null, true },
        { ConditionOperator.NotExists, [], "", true },
        { ConditionOperator.NotExists, [], "  ", true },
        { ConditionOperator.EqualsTo, ["API"], null, false },
        { ConditionOperator.EqualsTo, ["API"], "", false },
        { ConditionOperator.NotEquals, ["API"], null, true },
        { ConditionOperator.NotEquals, ["API"], "", true },
        { ConditionOperator.In, ["Google"], "", false },
        { ConditionOperator.NotIn, ["Google"], null, true },
        { ConditionOperator.NotIn, ["Google"], "", true },
        { ConditionOperator.Contains, ["a"], null, false },
        { ConditionOperator.BeginsWith, ["a"], "", false },
        { ConditionOperator.EndsWith, ["a"], null, false },
        { ConditionOperator.GreaterThan, [0m], null, false },
        { ConditionOperator.GreaterOrEqual, [0m], "", false },
        { ConditionOperator.LessThan, [0m], null, false },
        { ConditionOperator.LessOrEqual, [0m], "", false },
        { ConditionOperator.Between, [0m, 9m], null, false },
        { ConditionOperator.EqualsTo, [true], null, false },
        { ConditionOperator.NotEquals, [true], "", true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_condition_matches_by_operator_value_type_and_missing_value(ConditionOperator op, object?[] values, object? value, bool expected) =>
        Assert.Equal(expected, Conditions.Matches(new Condition("column", op, values), value));

    [Fact]
    public void All_conditions_of_a_rule_must_hold_and_an_absent_column_is_missing()
    {
        var conditions = new[] { new Condition("jobtitle", ConditionOperator.Contains, ["director"]), new Condition("country", ConditionOperator.NotEquals, ["India"]) };

        Assert.True(Conditions.AllMatch(conditions, new System.Collections.Generic.Dictionary<string, object?> { ["jobtitle"] = "Director" }));
        Assert.False(Conditions.AllMatch(conditions, new System.Collections.Generic.Dictionary<string, object?> { ["jobtitle"] = "Director", ["country"] = "india" }));
    }
}
