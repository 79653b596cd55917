using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>The global choices (OptionSets/). Values are Schema.cs's; labels are the product's vocabulary.</summary>
    public static class Choices
    {
        public const string LifecycleStage = "ls_lifecyclestage";
        public const string ModelStatus = "ls_modelstatus";
        public const string Category = "ls_category";
        public const string RuleKind = "ls_rulekind";
        public const string LimitType = "ls_limittype";
        public const string ConditionOperator = "ls_conditionoperator";
        public const string ScoreEventKind = "ls_scoreeventkind";
        public const string InteractionType = "ls_interactiontype";
        public const string DecayRunStatus = "ls_decayrunstatus";
        public const string StageChangeCause = "ls_stagechangecause";
        public const string FunnelMark = "ls_funnelmark";

        public static IReadOnlyList<Choice> All { get; } = new[]
        {
            new Choice(LifecycleStage, "Lifecycle stage", "Where a lead is in the marketing and sales funnel.", new[]
            {
                new ChoiceOption(LifecycleStageValues.New, "New"),
                new ChoiceOption(LifecycleStageValues.Engaged, "Engaged"),
                new ChoiceOption(LifecycleStageValues.MarketingQualified, "Marketing Qualified"),
                new ChoiceOption(LifecycleStageValues.SalesAccepted, "Sales Accepted"),
                new ChoiceOption(LifecycleStageValues.Recycled, "Recycled"),
                new ChoiceOption(LifecycleStageValues.Disqualified, "Disqualified"),
            }),
            new Choice(ModelStatus, "Scoring model status", "Draft models are edited and approved; one model is Active; Retired models are kept for history.", new[]
            {
                new ChoiceOption(ModelStatusValues.Draft, "Draft"),
                new ChoiceOption(ModelStatusValues.Active, "Active"),
                new ChoiceOption(ModelStatusValues.Retired, "Retired"),
            }),
            new Choice(Category, "Scoring category", "Fit (demographic points) or engagement (behavioural points).", new[]
            {
                new ChoiceOption(CategoryValues.Fit, "Fit"),
                new ChoiceOption(CategoryValues.Engagement, "Engagement"),
            }),
            new Choice(RuleKind, "Scoring rule kind", "Plain conditions, a streak of unanswered emails, or activity volume.", new[]
            {
                new ChoiceOption(RuleKindValues.Conditions, "Conditions"),
                new ChoiceOption(RuleKindValues.UnansweredEmails, "Unanswered emails"),
                new ChoiceOption(RuleKindValues.ActivityVolume, "Activity volume"),
            }),
            new Choice(LimitType, "Frequency limit", "How often a rule may award its points to one lead.", new[]
            {
                new ChoiceOption(LimitTypeValues.None, "No limit"),
                new ChoiceOption(LimitTypeValues.PerLead, "Once per lead"),
                new ChoiceOption(LimitTypeValues.PerRecord, "Once per record"),
                new ChoiceOption(LimitTypeValues.MaxTimes, "At most N times"),
                new ChoiceOption(LimitTypeValues.OncePerDays, "At most once per N days"),
            }),
            new Choice(ConditionOperator, "Condition operator", "How a condition compares the watched column with its value.", new[]
            {
                new ChoiceOption(ConditionOperatorValues.EqualsTo, "Equals"),
                new ChoiceOption(ConditionOperatorValues.NotEquals, "Does not equal"),
                new ChoiceOption(ConditionOperatorValues.In, "Is one of"),
                new ChoiceOption(ConditionOperatorValues.NotIn, "Is not one of"),
                new ChoiceOption(ConditionOperatorValues.Contains, "Contains"),
                new ChoiceOption(ConditionOperatorValues.BeginsWith, "Begins with"),
                new ChoiceOption(ConditionOperatorValues.EndsWith, "Ends with"),
                new ChoiceOption(ConditionOperatorValues.GreaterThan, "Greater than"),
                new ChoiceOption(ConditionOperatorValues.GreaterOrEqual, "Greater than or equal to"),
                new ChoiceOption(ConditionOperatorValues.LessThan, "Less than"),
                new ChoiceOption(ConditionOperatorValues.LessOrEqual, "Less than or equal to"),
                new ChoiceOption(ConditionOperatorValues.Between, "Between"),
                new ChoiceOption(ConditionOperatorValues.Exists, "Has a value"),
                new ChoiceOption(ConditionOperatorValues.NotExists, "Has no value"),
            }),
            new Choice(ScoreEventKind, "Score event kind", "Why a score event changed a lead's points.", new[]
            {
                new ChoiceOption(ScoreEventKindValues.Rule, "Rule"),
                new ChoiceOption(ScoreEventKindValues.Decay, "Decay"),
                new ChoiceOption(ScoreEventKindValues.HandBack, "Hand-back"),
                new ChoiceOption(ScoreEventKindValues.Adjustment, "Manual adjustment"),
                new ChoiceOption(ScoreEventKindValues.Expiry, "Expiry"),
                new ChoiceOption(ScoreEventKindValues.FloorAdjustment, "Floor adjustment"),
            }),
            new Choice(InteractionType, "Interaction type", "A marketing interaction recorded by another system.",
                InteractionTypeValues.Labels.Select(o => new ChoiceOption(o.Key, o.Value)).ToList()),
            new Choice(StageChangeCause, "Stage change cause", "What moved a lead into a lifecycle stage.", new[]
            {
                new ChoiceOption(StageChangeCauseValues.Score, "Score"),
                new ChoiceOption(StageChangeCauseValues.HandBack, "Hand-back"),
                new ChoiceOption(StageChangeCauseValues.Status, "Lead status"),
                new ChoiceOption(StageChangeCauseValues.Person, "Set by a person"),
            }),
            new Choice(FunnelMark, "Funnel mark", "The stage changes the hand-back rate counts: a lead's first entry into Marketing Qualified, and its first hand-back after it.", new[]
            {
                new ChoiceOption(FunnelMarkValues.BecameMql, "Became MQL"),
                new ChoiceOption(FunnelMarkValues.HandedBack, "Handed back"),
            }),
            new Choice(DecayRunStatus, "Decay run status", "Whether the nightly decay flow is running, finished, or stopped.", new[]
            {
                new ChoiceOption(DecayRunStatusValues.Running, "Running"),
                new ChoiceOption(DecayRunStatusValues.Succeeded, "Succeeded"),
                new ChoiceOption(DecayRunStatusValues.Failed, "Failed"),
            }),
        };
    }
}
