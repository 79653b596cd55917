using System.Globalization;
using System.Linq;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>The console tables of calibrate and backtest.</summary>
    internal static class Report
    {
        public static void Scorecard(IAnsiConsole console, Scorecard scorecard, int leads, string file)
        {
            var evidence = new Table().Title($"What each column tells alone, on {leads} leads").Border(TableBorder.Simple)
                .AddColumn("Column").AddColumn("IV").AddColumn("AUC alone").AddColumn("Used");
            foreach (var column in scorecard.Evidence)
            {
                string? why = scorecard.Dropped.FirstOrDefault(d => d.Header == column.Header)?.Reason;
                evidence.AddRow(Printable.Markup(column.Header), F(column.InformationValue, "0.00"), F(column.Auc, "0.000"), why is null ? "yes" : Printable.Markup("no: " + why));
            }

            console.Write(evidence);
            var unusable = scorecard.Dropped.Where(d => scorecard.Evidence.All(e => e.Header != d.Header)).ToArray();
            if (unusable.Length > 0)
            {
                var dropped = new Table().Title("Columns left out").Border(TableBorder.Simple).AddColumn("Column").AddColumn("Why");
                foreach (var column in unusable)
                {
                    dropped.AddRow(Printable.Markup(column.Header), Printable.Markup(column.Reason));
                }

                console.Write(dropped);
            }

            var table = new Table().Title($"Scorecard from {leads} leads").Border(TableBorder.Simple);
            foreach (string heading in new[] { "Column", "Bin", "Leads", "Conv.", "WOE", "Points" })
            {
                table.AddColumn(heading);
            }

            foreach (var column in scorecard.Columns)
            {
                bool first = true;
                for (int b = 0; b < column.Bins.Count; b++)
                {
                    var bin = column.Bins[b];
                    if (bin.Leads == 0 && column.Points[b] == 0)
                    {
                        continue; // no lead, no rule
                    }

                    table.AddRow(
                        first ? Printable.Markup($"{column.Header} ({Word(column.Category)})") : "",
                        Printable.Markup(bin.Describe(column.Header).Substring(column.Header.Length).Trim()),
                        I(bin.Leads),
                        F(bin.ConversionRate, "0%"),
                        F(bin.Woe, "+0.00;-0.00;0.00"),
                        Points(column.Points[b]));
                    first = false;
                }
            }

            console.Write(table);
            if (scorecard.Interactions.Count > 0)
            {
                var pairs = new Table().Title("Two-condition rules (where the columns' own points misjudge the leads in both bins)").Border(TableBorder.Simple)
                    .AddColumn("Both").AddColumn("Leads").AddColumn("Conv.").AddColumn("Expected").AddColumn("Points");
                foreach (var pair in scorecard.Interactions)
                {
                    pairs.AddRow(Printable.Markup(pair.Describe()), I(pair.Leads), F(pair.ConversionRate, "0%"), F(pair.ExpectedRate, "0%"), Points(pair.Points));
                }

                console.Write(pairs);
            }

            var choice = scorecard.Choice;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Chosen by 5-fold cross-validation: numeric columns start from {choice.Bins} quantile bins of at least {choice.MinBinShare:0%} of the leads, L2 penalty {choice.Penalty} (out-of-fold AUC {choice.CrossValidatedAuc:0.000})."));
            var model = scorecard.Model;
            var quality = scorecard.TrainingSalesReady;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sales-ready threshold {model.SalesReadyThreshold} (best F1 on these leads: precision {quality.Precision:0%}, recall {quality.Recall:0%}), minimum fit {model.MinimumFit}, minimum engagement {model.MinimumEngagement}"));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Fit cap {model.FitCap}, engagement cap {model.EngagementCap}, floor {model.Floor}; grade bands: fit {string.Join("/", model.Grades.FitBands)}, engagement {string.Join("/", model.Grades.EngagementBands)}"));
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"AUC on the leads it was calibrated on: [bold]{scorecard.TrainingAuc:0.000}[/]. Wrote {Printable.Markup(file)} ({model.Rules.Count} rules)."));
        }

        public static void Holdout(IAnsiConsole console, HoldoutFigures figures)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"On the {figures.Leads} held-out leads ({figures.Converted} converted): AUC [bold]{figures.Auc:0.000}[/]; without the two-condition rules {figures.AucWithoutInteractions:0.000}; a plain logistic regression on the same columns {figures.BaselineAuc:0.000}."));
        }

        public static void Backtest(IAnsiConsole console, BacktestReport report, string? note = null)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[bold]{Printable.Markup(report.Model)}[/] on {report.Leads} leads ({report.Converted} converted, {report.ConversionRate:0.0%}), scored by the plug-ins: AUC [bold]{report.Auc:0.000}[/]"));
            if (note is not null)
            {
                console.WriteLine(note);
            }

            var s = report.SalesReady;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Reached the sales-ready line (score >= {s.Threshold}, fit >= {s.MinimumFit}, engagement >= {s.MinimumEngagement}): {s.Leads} leads, precision {s.Precision:0.0%}, recall {s.Recall:0.0%}, F1 {s.F1:0.000}"));

            var grades = new Table().Title("Conversion by grade").Border(TableBorder.Simple).AddColumn("Grade").AddColumn("Leads").AddColumn("Converted").AddColumn("Rate").AddColumn("Lift");
            foreach (var g in report.Grades)
            {
                grades.AddRow(g.Grade, I(g.Leads), I(g.Converted), F(g.ConversionRate, "0.0%"), F(g.Lift, "0.00"));
            }

            console.Write(grades);
            var deciles = new Table().Title("Conversion by score decile").Border(TableBorder.Simple)
                .AddColumn("Decile").AddColumn("Scores").AddColumn("Leads").AddColumn("Converted").AddColumn("Rate").AddColumn("Lift").AddColumn("Cum. recall");
            foreach (var d in report.Deciles)
            {
                deciles.AddRow(I(d.Decile), $"{I(d.MinScore)}..{I(d.MaxScore)}", I(d.Leads), I(d.Converted), F(d.ConversionRate, "0.0%"), F(d.Lift, "0.00"), F(d.CumulativeRecall, "0%"));
            }

            console.Write(deciles);
            var c = report.Calibration;
            var calibration = new Table().Title("Calibration (predicted from a logistic fit on the score)").Border(TableBorder.Simple)
                .AddColumn("Scores").AddColumn("Leads").AddColumn("Predicted").AddColumn("Observed");
            foreach (var band in c.Bands)
            {
                calibration.AddRow($"{I(band.MinScore)}..{I(band.MaxScore)}", I(band.Leads), F(band.Predicted, "0.0%"), F(band.Observed, "0.0%"));
            }

            console.Write(calibration);
            if (c.PointsToDoubleOdds is double pdo)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"On these leads every {pdo:0.0} points double the odds of converting."));
            }
        }

        private static string Points(int points) => points == 0 ? "[grey]0[/]" : points.ToString("+0;-0", CultureInfo.InvariantCulture);

        private static string Word(Category category) => category == Category.Fit ? "fit" : "engagement";

        private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

        private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
