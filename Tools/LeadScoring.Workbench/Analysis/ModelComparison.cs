using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Workbench.Analysis
{
    internal sealed record ComparedModel(string File, string Name, double Auc, int SalesReady, double Precision, double Recall);

    internal sealed record Transition(string From, string To, int Leads);

    /// <summary>A lead whose stage or grade differs between the two models.</summary>
    internal sealed record ChangedLead(string Id, int ScoreA, int ScoreB, string StageA, string StageB, string GradeA, string GradeB);

    /// <summary>Two models on the same leads: their AUCs and the leads whose stage or grade differs.</summary>
    internal sealed record ModelComparison(
        int Leads,
        int Converted,
        IReadOnlyList<ComparedModel> Models,
        double AucDifference,
        int StageChanges,
        int GradeChanges,
        IReadOnlyList<Transition> StageTransitions,
        IReadOnlyList<Transition> GradeTransitions,
        IReadOnlyList<ChangedLead> ChangedLeads)
    {
        /// <summary>Every (stage under A, stage under B) pair, the unchanged ones included: the stage-to-stage matrix.</summary>
        public IReadOnlyList<Transition> StageMatrix { get; init; } = Array.Empty<Transition>();

        public static ModelComparison Of((string File, string Name, IReadOnlyList<LeadScore> Scores) a, (string File, string Name, IReadOnlyList<LeadScore> Scores) b, bool[] converted, IReadOnlyList<string> ids)
        {
            if (a.Scores.Count != b.Scores.Count || a.Scores.Count != converted.Length)
            {
                throw new ArgumentException("both models must score the same leads");
            }

            var models = new[] { Model(a, converted), Model(b, converted) };
            var pairs = a.Scores.Zip(b.Scores).ToList();
            return new ModelComparison(
                converted.Length,
                converted.Count(c => c),
                models,
                // New minus old, of the figures as shown (three decimals), so the three numbers agree.
                Math.Round(Math.Round(models[1].Auc, 3) - Math.Round(models[0].Auc, 3), 3),
                pairs.Count(p => p.First.Stage != p.Second.Stage),
                pairs.Count(p => p.First.Grade != p.Second.Grade),
                Transitions(pairs.Select(p => (p.First.Stage, p.Second.Stage))),
                Transitions(pairs.Select(p => (p.First.Grade, p.Second.Grade))),
                pairs.Select((p, i) => new ChangedLead(ids[i], p.First.Score, p.Second.Score, p.First.Stage, p.Second.Stage, p.First.Grade, p.Second.Grade))
                    .Where(c => c.StageA != c.StageB || c.GradeA != c.GradeB)
                    .ToList())
            {
                StageMatrix = pairs.GroupBy(p => (p.First.Stage, p.Second.Stage))
                    .Select(g => new Transition(g.Key.Item1, g.Key.Item2, g.Count()))
                    .OrderBy(t => t.From, StringComparer.Ordinal).ThenBy(t => t.To, StringComparer.Ordinal)
                    .ToList(),
            };
        }

        private static ComparedModel Model((string File, string Name, IReadOnlyList<LeadScore> Scores) model, bool[] converted)
        {
            var selection = Metrics.Selection(model.Scores.Select(s => s.SalesReady).ToArray(), converted);
            double auc = Metrics.Auc(model.Scores.Select(s => (double)s.Score).ToArray(), converted);
            return new ComparedModel(model.File, model.Name, auc, selection.Selected, selection.Precision, selection.Recall);
        }

        /// <summary>Leads per (from, to) pair that differ, most first.</summary>
        private static List<Transition> Transitions(IEnumerable<(string From, string To)> pairs) =>
            pairs.Where(p => p.From != p.To)
                .GroupBy(p => p)
                .Select(g => new Transition(g.Key.From, g.Key.To, g.Count()))
                .OrderByDescending(t => t.Leads).ThenBy(t => t.From, StringComparer.Ordinal).ThenBy(t => t.To, StringComparer.Ordinal)
                .ToList();
    }
}
