using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>The calibrated model on the leads it did not see, next to what it is judged by.</summary>
    /// <param name="BaselineAuc">A plain logistic regression on the same columns (raw, one-hot), fitted on the training part.</param>
    internal sealed record HoldoutFigures(int Leads, int Converted, double Auc, double AucWithoutInteractions, double BaselineAuc);

    internal static class HoldoutCheck
    {
        public static HoldoutFigures Measure(Scorecard scorecard, LeadsTable training, LeadsTable holdout, int outcome, IReadOnlyList<string> excluded)
        {
            bool[] converted = holdout.Outcomes(outcome);
            var notUsed = excluded.Select(training.Column)
                .Concat(scorecard.Dropped.Select(d => training.Column(d.Header)))
                .Append(outcome)
                .ToHashSet();
            return new HoldoutFigures(
                holdout.Rows.Count,
                converted.Count(c => c),
                Auc(scorecard.Model, holdout, converted),
                Auc(scorecard.WithoutInteractions, holdout, converted),
                OneHotBaseline.HoldoutAuc(training, training.Outcomes(outcome), holdout, converted, notUsed));
        }

        private static double Auc(ScoringModel model, LeadsTable leads, bool[] converted)
        {
            var scorer = new SnapshotLeadScorer(model);
            return Metrics.Auc(leads.Rows.Select(r => (double)scorer.Score(Calibrator.Row(leads, r)).Score).ToArray(), converted);
        }
    }
}
