using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// The views (SavedQueries/). Every new table gets the five system views an exported table has
    /// (public, advanced find, associated, quick find, lookup); the product's own views come after.
    /// </summary>
    public static class Views
    {
        private static string V(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static readonly Condition Active = new("statecode", "eq", "0");

        private static readonly Dictionary<string, string[]> Grid = new()
        {
            [ScoringModelColumns.Table] = new[] { ScoringModelColumns.Name, ScoringModelColumns.Version, ScoringModelColumns.Status, ScoringModelColumns.SalesReadyThreshold, ScoringModelColumns.ActivatedOn },
            [ScoringRuleColumns.Table] = new[] { ScoringRuleColumns.Name, ScoringRuleColumns.Category, ScoringRuleColumns.Kind, ScoringRuleColumns.WatchedTable, ScoringRuleColumns.Points, ScoringRuleColumns.LimitType },
            [ScoringConditionColumns.Table] = new[] { ScoringConditionColumns.ColumnTable, ScoringConditionColumns.Attribute, ScoringConditionColumns.Operator, ScoringConditionColumns.Value, ScoringConditionColumns.ValueLabel },
            [ScoreEventColumns.Table] = new[] { ScoreEventColumns.Name, ScoreEventColumns.LeadId, ScoreEventColumns.Points, ScoreEventColumns.Category, ScoreEventColumns.Kind, ScoreEventColumns.OccurredOn },
            [StageChangeColumns.Table] = new[] { StageChangeColumns.Name, StageChangeColumns.LeadId, StageChangeColumns.ToStage, StageChangeColumns.EnteredOn, StageChangeColumns.Cause, StageChangeColumns.ModelVersion },
            [InteractionColumns.Table] = new[] { InteractionColumns.Name, InteractionColumns.Type, InteractionColumns.LeadId, InteractionColumns.OccurredOn },
            [DecayRunColumns.Table] = new[] { DecayRunColumns.Name, DecayRunColumns.Status, DecayRunColumns.StartedOn, DecayRunColumns.FinishedOn, DecayRunColumns.Pages, DecayRunColumns.LeadsProcessed, DecayRunColumns.PointsDebited },
        };

        public static View SalesReadyLeads { get; } = new(LeadColumns.Table, "salesready", "Sales-ready leads",
            "Open leads in the Marketing Qualified stage, highest score first: follow up with these now.", 0,
            new[] { LeadColumns.FullName, "companyname", LeadColumns.Score, LeadColumns.Grade, LeadColumns.SalesReadyOn, LeadColumns.OwnerId })
        {
            OrderBy = LeadColumns.Score,
            Descending = true,
            Conditions = new[] { Active, new Condition(LeadColumns.LifecycleStage, "eq", V(LifecycleStageValues.MarketingQualified)) },
        };

        public static View RecycledLeads { get; } = new(LeadColumns.Table, "recycled", "Recycled leads",
            "Open leads sales handed back to marketing, latest hand-back first, with the reason.", 0,
            new[] { LeadColumns.FullName, "companyname", LeadColumns.Score, LeadColumns.HandBackOn, LeadColumns.HandBackReason, LeadColumns.HandBackCount, LeadColumns.OwnerId })
        {
            OrderBy = LeadColumns.HandBackOn,
            Descending = true,
            Conditions = new[] { Active, new Condition(LeadColumns.LifecycleStage, "eq", V(LifecycleStageValues.Recycled)) },
        };

        /// <summary>The score-event subgrid of the lead form shows this view, filtered to the lead by the relationship.</summary>
        public static View ScoreEventsOfLead { get; } = new(ScoreEventColumns.Table, "oflead", "Score events of a lead",
            "A lead's score events, latest first: what changed its points and why.", 0,
            new[] { ScoreEventColumns.OccurredOn, ScoreEventColumns.Points, ScoreEventColumns.Category, ScoreEventColumns.Kind, ScoreEventColumns.Reason, ScoreEventColumns.RuleKey })
        {
            OrderBy = ScoreEventColumns.OccurredOn,
            Descending = true,
        };

        public static View ActiveModelRules { get; } = new(ScoringRuleColumns.Table, "activemodel", "Active model's rules",
            "The rules of the scoring model that is Active now.", 0,
            new[] { ScoringRuleColumns.Name, ScoringRuleColumns.Category, ScoringRuleColumns.Kind, ScoringRuleColumns.WatchedTable, ScoringRuleColumns.Points, ScoringRuleColumns.LimitType, ScoringRuleColumns.ScoringModelId })
        {
            OrderBy = ScoringRuleColumns.Category,
            Conditions = new[] { Active },
            Link = new LinkFilter(ScoringModelColumns.Table, ScoringModelColumns.Id, ScoringRuleColumns.ScoringModelId, "model",
                new[] { new Condition(ScoringModelColumns.Status, "eq", V(ModelStatusValues.Active)) }),
        };

        // The views behind the "Lead scoring health" dashboard's charts (Reporting).

        public static View OpenScoredLeads { get; } = new(LeadColumns.Table, "openscored", "Open scored leads",
            "Open leads lead scoring has scored: the population of the stage and grade charts.", 0,
            new[] { LeadColumns.FullName, LeadColumns.Score, LeadColumns.Grade, LeadColumns.LifecycleStage, LeadColumns.OwnerId })
        {
            OrderBy = LeadColumns.Score,
            Descending = true,
            Conditions = new[] { Active, new Condition(LeadColumns.ScoringModelId, "not-null") },
        };

        public static View ScoredLeads { get; } = new(LeadColumns.Table, "scored", "Scored leads",
            "Every lead lead scoring has scored, open or closed: the population of the lifecycle funnel.", 0,
            new[] { LeadColumns.FullName, LeadColumns.LifecycleStage, LeadColumns.Score, LeadColumns.Grade, LeadColumns.StateCode })
        {
            OrderBy = LeadColumns.Score,
            Descending = true,
            Conditions = new[] { new Condition(LeadColumns.ScoringModelId, "not-null") },
        };

        public static View SalesReadyEver { get; } = new(LeadColumns.Table, "salesreadyever", "Leads that became sales-ready",
            "Leads with a sales-ready date, latest first.", 0,
            new[] { LeadColumns.FullName, LeadColumns.SalesReadyOn, LeadColumns.Score, LeadColumns.Grade, LeadColumns.LifecycleStage })
        {
            OrderBy = LeadColumns.SalesReadyOn,
            Descending = true,
            Conditions = new[] { new Condition(LeadColumns.SalesReadyOn, "not-null") },
        };

        public static View ClosedScoredLeads { get; } = new(LeadColumns.Table, "closedscored", "Closed scored leads",
            "Qualified and disqualified leads lead scoring had scored: the population of the conversion chart.", 0,
            new[] { LeadColumns.FullName, LeadColumns.Grade, LeadColumns.Score, LeadColumns.StateCode, LeadColumns.StatusCode })
        {
            OrderBy = LeadColumns.Grade,
            Conditions = new[] { new Condition(LeadColumns.StateCode, "ne", "0"), new Condition(LeadColumns.Grade, "not-null") },
        };

        public static View RuleEventsLast30Days { get; } = new(ScoreEventColumns.Table, "rules30days", "Rule score events, last 30 days",
            "Score events rules awarded in the last 30 days.", 0,
            new[] { ScoreEventColumns.RuleKey, ScoreEventColumns.Points, ScoreEventColumns.Category, ScoreEventColumns.LeadId, ScoreEventColumns.OccurredOn })
        {
            OrderBy = ScoreEventColumns.OccurredOn,
            Descending = true,
            Conditions = new[] { new Condition(ScoreEventColumns.Kind, "eq", V(ScoreEventKindValues.Rule)), new Condition(ScoreEventColumns.OccurredOn, "last-x-days", "30") },
        };

        public static View StageChanges { get; } = new(StageChangeColumns.Table, "all", "Stage changes",
            "Every change of a lead's lifecycle stage, latest first: the population of the stage entries chart.", 0,
            new[] { StageChangeColumns.LeadId, StageChangeColumns.FromStage, StageChangeColumns.ToStage, StageChangeColumns.EnteredOn, StageChangeColumns.Cause, StageChangeColumns.ModelVersion })
        {
            OrderBy = StageChangeColumns.EnteredOn,
            Descending = true,
        };

        public static View FunnelMarks { get; } = new(StageChangeColumns.Table, "funnelmarks", "MQLs and their hand-backs",
            "Each lead's first entry into Marketing Qualified and its first hand-back after it: the population of the hand-back rate chart.", 0,
            new[] { StageChangeColumns.LeadId, StageChangeColumns.FunnelMark, StageChangeColumns.MqlMonth, StageChangeColumns.EnteredOn, StageChangeColumns.ModelVersion })
        {
            OrderBy = StageChangeColumns.EnteredOn,
            Descending = true,
            Conditions = new[] { new Condition(StageChangeColumns.FunnelMark, "not-null") },
        };

        /// <summary>The subgrid of rules on the model form.</summary>
        public static View RulesOfModel => Defaults(Tables.ScoringRule).First();

        /// <summary>The subgrid of conditions on the rule form.</summary>
        public static View ConditionsOfRule => Defaults(Tables.ScoringCondition).First();

        public static IReadOnlyList<View> All { get; } =
            Tables.All.Where(t => t.IsNew).SelectMany(Defaults)
                .Concat(new[] { SalesReadyLeads, RecycledLeads, ScoreEventsOfLead, ActiveModelRules, OpenScoredLeads, ScoredLeads, SalesReadyEver, ClosedScoredLeads, RuleEventsLast30Days, StageChanges, FunnelMarks })
                .ToList();

        /// <summary>The system views of a new table, public view first.</summary>
        public static IEnumerable<View> Defaults(Table table)
        {
            string name = table.PrimaryNameColumn;
            string[] grid = Grid[table.Name];
            yield return new View(table.Name, "active", "Active " + table.PluralLabel, "The default view of " + table.PluralLabel.ToLowerInvariant() + ".", 0, grid)
            { IsDefault = true, OrderBy = name, Conditions = new[] { Active } };
            yield return new View(table.Name, "advancedfind", table.Label + " Advanced Find View", "Advanced find.", 1, new[] { name, "createdon" })
            { IsDefault = true, OrderBy = name, Conditions = new[] { Active } };
            yield return new View(table.Name, "associated", table.Label + " Associated View", "Shown where " + table.PluralLabel.ToLowerInvariant() + " are related to another row.", 2, grid)
            { IsDefault = true, OrderBy = name, Conditions = new[] { Active } };
            yield return new View(table.Name, "quickfind", "Quick Find Active " + table.PluralLabel, "Quick find.", 4, new[] { name, "createdon" })
            { IsDefault = true, OrderBy = name, Conditions = new[] { Active }, FindColumns = new[] { name } };
            yield return new View(table.Name, "lookup", table.Label + " Lookup View", "Lookup.", 64, new[] { name, "createdon" })
            { IsDefault = true, OrderBy = name, Conditions = new[] { Active } };
        }
    }
}
