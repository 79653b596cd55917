using System.Collections.Generic;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>How calibrate builds a scorecard (docs/model-format.md and the calibrate --help describe each).</summary>
    internal sealed record CalibrationOptions
    {
        public string ModelName { get; init; } = "Calibrated";

        /// <summary>Columns to leave out (headers or logical names), besides the outcome.</summary>
        public IReadOnlyList<string> Exclude { get; init; } = new string[0];

        /// <summary>Behavioural columns that score engagement; null: the name heuristic of <see cref="Calibrator.LooksBehavioural"/>.</summary>
        public IReadOnlyList<string>? EngagementColumns { get; init; }

        /// <summary>Points that double the odds of converting.</summary>
        public double PointsToDoubleOdds { get; init; } = 20;

        /// <summary>Columns whose information value is below this are dropped.</summary>
        public double MinInformationValue { get; init; } = 0.02;

        public BinningOptions Binning { get; init; } = new();
    }

    /// <summary>A column the scorecard uses: its bins, their WOE, the regression weight and the points per bin.</summary>
    internal sealed record ScorecardColumn(string Header, string Attribute, Category Category, IReadOnlyList<Bin> Bins, double InformationValue, double Weight, IReadOnlyList<int> Points);

    internal sealed record DroppedColumn(string Header, string Reason);

    /// <summary>The calibrated model and how it came about.</summary>
    internal sealed record Scorecard(
        ScoringModel Model,
        IReadOnlyList<ScorecardColumn> Columns,
        IReadOnlyList<DroppedColumn> Dropped,
        double TrainingAuc,
        SelectionQuality TrainingSalesReady);
}
