using System;
using LeadScoring.Engine;

namespace LeadScoring.Tests.Engine;

/// <summary>The example model of docs/model-format.md, plus a few rules the stories need.</summary>
internal static class SampleModels
{
    public static ScoringRule Director { get; } = new()
    {
        Id = "director",
        Name = "Director-level title",
        Category = Category.Fit,
        Table = "lead",
        Conditions = new[] { new Condition("jobtitle", ConditionOperator.Contains, new object?[] { "director" }) },
        Points = 20,
    };

    public static ScoringRule Whitepaper { get; } = new()
    {
        Id = "whitepaper",
        Name = "Whitepaper download",
        Category = Category.Engagement,
        Table = "ls_interaction",
        Conditions = new[] { new Condition("ls_type", ConditionOperator.EqualsTo, new object?[] { "100000001" }) },
        Points = 30,
        Limit = new RuleLimit(LimitType.PerRecord),
    };

    /// <summary>Attending a webinar, once per lead.</summary>
    public static ScoringRule Webinar { get; } = new()
    {
        Id = "webinar",
        Name = "Attended a webinar",
        Category = Category.Engagement,
        Table = "ls_interaction",
        Conditions = [new Condition("ls_type", ConditionOperator.EqualsTo, [(decimal)LeadScoring.Dataverse.InteractionTypeValues.WebinarAttended])],
        Points = 25,
        Limit = new RuleLimit(LimitType.PerLead),
    };

    public static ScoringRule Cold { get; } = new()
    {
        Id = "cold",
        Name = "Four emails, no click",
        Category = Category.Engagement,
        Kind = RuleKind.UnansweredEmails,
        Count = 4,
        Points = -30,
    };

    public static ScoringModel Default { get; } = new()
    {
        Name = "Default",
        Version = 1,
        SalesReadyThreshold = 100,
        MinimumFit = 20,
        MinimumEngagement = 30,
        FitCap = 100,
        EngagementCap = 200,
        Floor = 0,
        Grades = new GradeBands(new[] { 60, 30 }, new[] { 80, 40 }),
        Decay = new DecayPolicy(30, 5, 7, 0),
        HandBack = new HandBackPolicy(40, 10, 20),
        Rules = new[] { Director, Whitepaper, Cold },
    };

    public static ScoringModel With(params ScoringRule[] extraRules) => Default with { Rules = [.. Default.Rules, .. extraRules] };
}
