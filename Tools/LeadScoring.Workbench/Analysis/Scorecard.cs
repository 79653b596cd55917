using System.Collections.Generic;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>How calibrate builds a scorecard (docs/workbench.md and the calibrate --help describe each).</summary>
    internal sealed record CalibrationOptions
    {
        public string ModelName { get; init; } = "Calibrated";

        /// <summary>Columns to leave out (headers or logical names), besides the outcome.</summary>
        public IReadOnlyList<string> Exclude { get; init; } = new string[0];

        /// <summary>Columns the leakage guard would refuse that the user keeps anyway.</summary>
        public IReadOnlyList<string> Keep { get; init; } = new string[0];

        /// <summary>Behavioural columns that score engagement; null: the name heuristic of <see cref="Calibrator.LooksBehavioural"/>.</summary>
        public IReadOnlyList<string>? EngagementColumns { get; init; }

        /// <summary>Points that double the odds of converting.</summary>
        public double PointsToDoubleOdds { get; init; } = 20;

        /// <summary>Columns whose information value is below this are dropped.</summary>
        public double MinInformationValue { get; init; } = 0.02;

        /// <summary>A column that alone ranks the leads at least this well (AUC) is refused as leakage.</summary>
        public double LeakageAuc { get; init; } = 0.9;

        /// <summary>At most this many two-condition rules.</summary>
        public int MaxInteractions { get; init; } = 6;

        /// <summary>At most this many rules: over it, points move in coarser steps so more bins share a rule.</summary>
        public int MaxRules { get; init; } = 60;

        /// <summary>The binning to screen columns with; cross-validation then picks the numeric bins.</summary>
        public BinningOptions Binning { get; init; } = new();
    }

    /// <summary>A column the scorecard uses: its bins, their WOE and the points per bin.</summary>
    internal sealed record ScorecardColumn(string Header, string Attribute, Category Category, IReadOnlyList<Bin> Bins, IReadOnlyList<int> Points);

    /// <summary>A rule on two columns at once: the leads in both bins convert unlike what the two columns' own points say.</summary>
    /// <param name="ExpectedRate">The conversion rate the additive points predict for these leads.</param>
    internal sealed record ScorecardInteraction(string FirstHeader, Bin First, string SecondHeader, Bin Second, Category Category, int Leads, int Converted, double ExpectedRate, int Points)
    {
        public double ConversionRate => Leads == 0 ? 0 : (double)Converted / Leads;

        public string Describe() => $"{First.Describe(FirstHeader)} and {Second.Describe(SecondHeader)}";
    }

    /// <summary>What a column tells on its own: information value and the AUC of ranking leads by its bins alone.</summary>
    internal sealed record ColumnEvidence(string Header, double InformationValue, double Auc);

    internal sealed record DroppedColumn(string Header, string Reason);

    /// <summary>What cross-validation chose: quantile bins to start numeric columns with, the smallest numeric bin, the L2 penalty.</summary>
    internal sealed record BinningChoice(int Bins, double MinBinShare, double Penalty, double CrossValidatedAuc);

    /// <summary>The calibrated model and how it came about.</summary>
    internal sealed record Scorecard(
        ScoringModel Model,
        IReadOnlyList<ScorecardColumn> Columns,
        IReadOnlyList<ScorecardInteraction> Interactions,
        IReadOnlyList<ColumnEvidence> Evidence,
        IReadOnlyList<DroppedColumn> Dropped,
        BinningChoice Choice,
        double TrainingAuc,
        SelectionQuality TrainingSalesReady)
    {
        /// <summary>The same model without its two-condition rules (to show what they add).</summary>
        public ScoringModel WithoutInteractions { get; init; } = Model;
    }
}
