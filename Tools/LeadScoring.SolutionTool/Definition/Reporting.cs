using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// A system chart (Entities/&lt;table&gt;/Visualizations/): counts rows grouped by Category (and by
    /// Series when set). A chart has no filter of its own; the view it is shown with supplies it.
    /// ChartType is a Microsoft chart control series type (Column, Bar, Line, Pie, StackedColumn100, ...).
    /// </summary>
    public sealed record Chart(string Table, string Key, string Name, string Description, string Category, string ChartType)
    {
        public Guid Id => StableId.For("chart", Table + "/" + Key);

        /// <summary>A second group-by that splits each category into series (legend entries).</summary>
        public string? Series { get; init; }

        /// <summary>For a date category: year, quarter, month, week or day.</summary>
        public string? DateGrouping { get; init; }
    }

    /// <summary>A dashboard tile: a view shown as a chart (or as a list when Chart is null).</summary>
    public sealed record Tile(string Label, View View, Chart? Chart, int ColumnSpan = 1, int Rows = 8);

    public sealed record Dashboard(string Key, string Name, string Description, IReadOnlyList<IReadOnlyList<Tile>> Rows)
    {
        public Guid Id => StableId.For("dashboard", Key);
    }

    /// <summary>The "Lead scoring health" dashboard and its charts.</summary>
    public static class Reporting
    {
        public static Chart LeadsByStage { get; } = new(LeadColumns.Table, "bystage", "Leads by lifecycle stage",
            "Open scored leads counted by lifecycle stage.", LeadColumns.LifecycleStage, "Column");

        public static Chart LeadsByGrade { get; } = new(LeadColumns.Table, "bygrade", "Leads by grade",
            "Open scored leads counted by grade (fit letter, engagement digit).", LeadColumns.Grade, "Bar");

        public static Chart SalesReadyOverTime { get; } = new(LeadColumns.Table, "salesreadybymonth", "Sales-ready leads over time",
            "Leads counted by the month they became sales-ready.", LeadColumns.SalesReadyOn, "Line")
        { DateGrouping = "month" };

        public static Chart ConversionByGrade { get; } = new(LeadColumns.Table, "conversionbygrade", "Conversion by grade (closed leads)",
            "Closed leads by grade, split into qualified and disqualified: the qualified share of each bar is the grade's conversion rate.",
            LeadColumns.Grade, "StackedColumn100")
        { Series = LeadColumns.StateCode };

        // Funnel is one of the Microsoft Chart Controls types a system chart may use
        // (https://learn.microsoft.com/power-apps/developer/model-driven-apps/understand-charts-underlying-data-chart-representation).
        public static Chart LifecycleFunnel { get; } = new(LeadColumns.Table, "funnel", "Lead funnel by lifecycle stage",
            "Scored leads, open and closed, counted by the lifecycle stage they are in now. How often leads entered each stage is the stage entries chart.",
            LeadColumns.LifecycleStage, "Funnel");

        // The stage history charts group by the month columns the stage change row carries ("2026-05", UTC),
        // not by dategrouping="month": FetchXML's month grouping returns the month number alone, the year
        // being a grouping of its own (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data#grouping-by-parts-of-a-date),
        // so a chart over more than a year would put May 2025 and May 2026 in one bar.
        public static Chart StageEntriesByMonth { get; } = new(StageChangeColumns.Table, "entriesbymonth", "Stage entries by month",
            "The lifecycle funnel over time: how many times leads entered each stage, by the month (UTC) they entered it. The same count as the workbench's funnel command.",
            StageChangeColumns.EnteredMonth, "Column")
        { Series = StageChangeColumns.ToStage };

        public static Chart HandBackRateByMonth { get; } = new(StageChangeColumns.Table, "handbackrate", "MQL hand-back rate by month",
            "Leads that first became Marketing Qualified in a month (Became MQL) beside those of them sales later handed back (Handed back): the second bar over the first is that month's hand-back rate, as the workbench's funnel command computes it.",
            StageChangeColumns.MqlMonth, "Column")
        { Series = StageChangeColumns.FunnelMark };

        public static Chart EventsByRule { get; } = new(ScoreEventColumns.Table, "byrule", "Score events by rule",
            "Score events counted by the rule that awarded them.", ScoreEventColumns.RuleKey, "Bar");

        public static IReadOnlyList<Chart> Charts { get; } = new[] { LeadsByStage, LeadsByGrade, SalesReadyOverTime, ConversionByGrade, EventsByRule, LifecycleFunnel, StageEntriesByMonth, HandBackRateByMonth };

        public static Dashboard Health { get; } = new("health", "Lead scoring health",
            "For admins and sales managers: where leads are, how they grade, how many become sales-ready, how often leads enter each stage, how many MQLs sales hands back, which rules score, and how grades convert.",
            new[]
            {
                new[] { new Tile("Leads by lifecycle stage", Views.OpenScoredLeads, LeadsByStage), new Tile("Leads by grade", Views.OpenScoredLeads, LeadsByGrade) },
                new[] { new Tile("Sales-ready leads over time", Views.SalesReadyEver, SalesReadyOverTime), new Tile("Score events by rule, last 30 days", Views.RuleEventsLast30Days, EventsByRule) },
                new[] { new Tile("Stage entries by month", Views.StageChanges, StageEntriesByMonth), new Tile("MQL hand-back rate by month", Views.FunnelMarks, HandBackRateByMonth) },
                new[] { new Tile("Lead funnel by lifecycle stage", Views.ScoredLeads, LifecycleFunnel), new Tile("Conversion by grade (closed leads)", Views.ClosedScoredLeads, ConversionByGrade) },
                new[] { new Tile("Decay runs", Views.Defaults(Tables.DecayRun).First(), null) },
            });
    }
}
