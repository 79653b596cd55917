using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;

namespace LeadScoring.Workbench.Reports
{
    /// <summary>The HTML reports of backtest, compare, calibrate and funnel, drawn with <see cref="Charts"/>.</summary>
    internal static class AnalysisReports
    {
        public static string Backtest(BacktestReport report, IReadOnlyList<LeadScore> scores, IReadOnlyList<bool> converted, string source, string? note)
        {
            var page = new HtmlPage($"Backtest: {report.Model} on {source}");
            Quality(page, report, scores, converted, note);
            return page.Close("backtest");
        }

        /// <summary>The figures of a backtest: AUC, sales-ready, grade heatmap, deciles, calibration, ROC and their tables.</summary>
        public static void Quality(HtmlPage page, BacktestReport report, IReadOnlyList<LeadScore> scores, IReadOnlyList<bool> converted, string? note)
        {
            var s = report.SalesReady;
            page.Paragraph(F($"{report.Leads} leads, {report.Converted} converted ({report.ConversionRate:0.0%}). AUC {report.Auc:0.000}: the chance that a converted lead scores above one that did not."), "figure");
            if (note is not null)
            {
                page.Paragraph(note, "muted");
            }

            page.Paragraph(F($"Reached the sales-ready line (score ≥ {s.Threshold}, fit ≥ {s.MinimumFit}, engagement ≥ {s.MinimumEngagement}): {s.Leads} leads, precision {s.Precision:0.0%}, recall {s.Recall:0.0%}, F1 {s.F1:0.000}."));
            page.Charts(
                Charts.GradeHeatmap(report.Grades),
                Charts.Deciles(report.Deciles),
                Charts.Calibration(report.Calibration),
                Charts.Roc(scores.Select(x => (double)x.Score).ToList(), converted, report.Auc));
            page.Heading("Conversion by grade")
                .Table(new[] { "Grade", "#Leads", "#Converted", "#Rate", "#Lift" }, report.Grades.Select(g => Row(g.Grade, I(g.Leads), I(g.Converted), F($"{g.ConversionRate:0.0%}"), F($"{g.Lift:0.00}"))));
            page.Heading("Conversion by score decile")
                .Table(new[] { "#Decile", "Scores", "#Leads", "#Converted", "#Rate", "#Lift", "#Cum. recall" },
                    report.Deciles.Select(d => Row(I(d.Decile), F($"{d.MinScore}..{d.MaxScore}"), I(d.Leads), I(d.Converted), F($"{d.ConversionRate:0.0%}"), F($"{d.Lift:0.00}"), F($"{d.CumulativeRecall:0%}"))));
            page.Heading("Calibration")
                .Table(new[] { "Scores", "#Leads", "#Predicted", "#Observed" },
                    report.Calibration.Bands.Select(b => Row(F($"{b.MinScore}..{b.MaxScore}"), I(b.Leads), F($"{b.Predicted:0.0%}"), F($"{b.Observed:0.0%}"))));
            if (report.Calibration.PointsToDoubleOdds is double pdo)
            {
                page.Paragraph(F($"On these leads every {pdo:0.0} points double the odds of converting."));
            }
        }

        public static string Compare(ModelComparison c, string source)
        {
            var a = c.Models[0];
            var b = c.Models[1];
            var page = new HtmlPage($"Compare: {a.File} (A) and {b.File} (B) on {source}");
            page.Paragraph(F($"{c.Leads} leads ({c.Converted} converted), both scored by the plug-ins. AUC difference (B − A, of the AUCs as shown): {c.AucDifference:+0.000;-0.000;0.000}."), "figure");
            page.Table(new[] { "", "A", "B" }, new[]
            {
                Row("File", a.File, b.File),
                Row("Model", a.Name, b.Name),
                Row("AUC", F($"{a.Auc:0.000}"), F($"{b.Auc:0.000}")),
                Row("Sales-ready leads (open, Marketing Qualified)", I(a.SalesReady), I(b.SalesReady)),
                Row("Precision", F($"{a.Precision:0.0%}"), F($"{b.Precision:0.0%}")),
                Row("Recall", F($"{a.Recall:0.0%}"), F($"{b.Recall:0.0%}")),
            });
            page.Charts(Charts.StageMatrix(c.StageMatrix));
            page.Heading("Stage to stage")
                .Table(new[] { "Stage under A", "Stage under B", "#Leads" }, c.StageMatrix.Select(t => Row(t.From, t.To, I(t.Leads))));
            page.Heading(F($"Leads whose stage or grade changes ({c.ChangedLeads.Count}; {c.StageChanges} change stage, {c.GradeChanges} change grade)"));
            if (c.ChangedLeads.Count > 0)
            {
                page.Links("Jump to:", c.ChangedLeads.Select(l => l.Id));
            }

            page.Table(new[] { "Lead", "#Score A", "#Score B", "Stage A", "Stage B", "Grade A", "Grade B" },
                c.ChangedLeads.Select(l => Row(l.Id, I(l.ScoreA), I(l.ScoreB), l.StageA, l.StageB, l.GradeA, l.GradeB)),
                c.ChangedLeads.Select(l => l.Id).ToList());
            return page.Close("compare");
        }

        public static string Calibrate(Scorecard scorecard, int leads, string file, HoldoutFigures? holdout)
        {
            var model = scorecard.Model;
            var page = new HtmlPage($"Calibrate: {model.Name}");
            page.Paragraph(F($"A scorecard from {leads} leads: {model.Rules.Count} rules ({scorecard.Interactions.Count} on two columns), written to {file}. AUC on these leads {scorecard.TrainingAuc:0.000}."), "figure");
            if (holdout is not null)
            {
                page.Paragraph(F($"On the {holdout.Leads} held-out leads ({holdout.Converted} converted): AUC {holdout.Auc:0.000}; without the two-condition rules {holdout.AucWithoutInteractions:0.000}; a plain logistic regression on the same columns {holdout.BaselineAuc:0.000}."), "figure");
            }

            var choice = scorecard.Choice;
            page.Paragraph(F($"Chosen by 5-fold cross-validation: numeric columns start from {choice.Bins} quantile bins of at least {choice.MinBinShare:0%} of the leads, L2 penalty {choice.Penalty} (out-of-fold AUC {choice.CrossValidatedAuc:0.000}). Sales-ready at {model.SalesReadyThreshold}, minimum fit {model.MinimumFit}, minimum engagement {model.MinimumEngagement}."));
            page.Charts(SvgChart.Bars("What each column tells alone (AUC)", scorecard.Evidence.Select(e => Short(e.Header)).ToList(),
                new[] { new ChartSeries("AUC alone", Charts.Accent, scorecard.Evidence.Select(e => e.Auc).ToList()) }, v => F($"{v:0.00}"), 1));
            page.Heading("Columns")
                .Table(new[] { "Column", "#IV", "#AUC alone", "Used" }, scorecard.Evidence.Select(e =>
                    Row(e.Header, F($"{e.InformationValue:0.00}"), F($"{e.Auc:0.000}"), scorecard.Dropped.FirstOrDefault(d => d.Header == e.Header) is DroppedColumn d ? "no: " + d.Reason : "yes")));
            page.Heading("Bins and points")
                .Table(new[] { "Column", "Bin", "#Leads", "#Converted", "#Points" }, scorecard.Columns.SelectMany(col => col.Bins.Select((bin, i) => (bin, i))
                    .Where(x => x.bin.Leads > 0 || col.Points[x.i] != 0)
                    .Select(x => Row(col.Header, x.bin.Describe(col.Header), I(x.bin.Leads), F($"{x.bin.ConversionRate:0%}"), I(col.Points[x.i])))));
            if (scorecard.Interactions.Count > 0)
            {
                page.Heading("Two-condition rules")
                    .Table(new[] { "Both", "#Leads", "#Converted", "#Expected", "#Points" },
                        scorecard.Interactions.Select(p => Row(p.Describe(), I(p.Leads), F($"{p.ConversionRate:0%}"), F($"{p.ExpectedRate:0%}"), I(p.Points))));
            }

            return page.Close("calibrate");
        }

        public static string Funnel(FunnelReport f, string source)
        {
            var page = new HtmlPage($"Funnel: {f.Model} (version {f.ModelVersion}) on {source}");
            page.Paragraph($"Verdict: {f.Verdict}" + (f.Reasons.Count > 0 ? ": " + string.Join("; ", f.Reasons) : "") + ".", "verdict");
            page.Paragraph(F($"Lines: hand-backs above {f.Lines.HandBackLine:0%} or MQLs going nowhere within {f.Lines.StallDays} days above {f.Lines.NoProgressLine:0%} make the model too generous; converted leads never MQL above {f.Lines.MissedLine:0%} make it too strict. {f.ConvertedNeverMql} of {f.Converted} converted leads were never MQL ({f.MissedRate:0%})."));
            page.Paragraph(f.Suggestion is SuggestedLine s
                ? F($"For precision {s.TargetPrecision:0%}: sales-ready at score ≥ {s.Threshold}, fit ≥ {s.MinimumFit}, engagement ≥ {s.MinimumEngagement} would have selected {s.Leads} leads just before their outcome, precision {s.Precision:0.0%}, recall {s.Recall:0.0%}.")
                : F($"No sales-ready line reaches precision {f.Lines.Precision:0%} on this history."));
            page.Charts(Charts.Funnel(f), Charts.HandBackRate(f), Charts.StageEntries(f));
            page.Heading("Leads entering each stage, by month")
                .Table(new[] { "Month", "#Version" }.Concat(f.Stages.Select(s => "#" + s)).ToList(),
                    f.Months.Append(f.Total).Select(m => (IReadOnlyList<string>)new[] { m.Month, m.ModelVersion == 0 ? "all" : I(m.ModelVersion) }.Concat(f.Stages.Select(s => I(m.Entered[s]))).ToList()));
            page.Heading("What became of each month's new MQLs")
                .Table(new[] { "Month", "#Version", "#MQLs", "#Sales Accepted", "#Qualified", "#Handed back", "#Median days to hand-back", "#Went nowhere" },
                    f.Months.Append(f.Total).Where(m => m.Mqls > 0).Select(m => Row(m.Month, m.ModelVersion == 0 ? "all" : I(m.ModelVersion), I(m.Mqls), F($"{m.SalesAccepted} ({m.AcceptedRate:0%})"), F($"{m.Qualified} ({m.QualifiedRate:0%})"),
                        F($"{m.HandedBack} ({m.HandBackRate:0%})"), m.MedianDaysToHandBack is double d ? F($"{d:0.0}") : "", m.Judged == 0 ? "not yet" : F($"{m.NoProgress} of {m.Judged} ({m.NoProgressRate:0%})"))));
            return page.Close("funnel");
        }

        private static string Short(string header) => header.Length > 14 ? header[..13] + "…" : header;

        private static IReadOnlyList<string> Row(params string[] cells) => cells;

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
