using System.CommandLine;
using System.Globalization;
using System.IO;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.ModelFiles;
using LeadScoring.Workbench.Reports;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>calibrate: suggests a model from past outcomes, the way credit scorecards are built.</summary>
    internal static class CalibrateCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var leads = new LeadsOptions(SplitPart.Train);
            var exclude = new Option<string?>("--exclude") { Description = "Comma-separated columns to leave out (identifiers, columns filled in after contact…)", HelpName = "columns" };
            var output = new Option<string>("--out") { Description = "Where to write the suggested model file (JSON)", HelpName = "model.json", Required = true };
            var pdo = new Option<double>("--pdo") { Description = "Points to double the odds of converting", HelpName = "points", DefaultValueFactory = _ => 20 };
            var engagement = new Option<string?>("--engagement-columns")
            {
                Description = "Comma-separated behavioural columns that score engagement; the rest score fit [default: columns whose names mention visits, time spent, page views, activity, clicks, downloads or webinars]",
                HelpName = "columns",
            };
            var bins = new Option<int>("--bins") { Description = "Quantile bins to start each numeric column with when measuring what it tells alone (cross-validation picks the scorecard's bins)", HelpName = "n", DefaultValueFactory = _ => 10 };
            var minBin = new Option<double>("--min-bin-share") { Description = "Numeric bins smaller than this share of the leads merge into a neighbour, when measuring what a column tells alone", HelpName = "share", DefaultValueFactory = _ => 0.05 };
            var rare = new Option<double>("--rare") { Description = "Categories with less than this share of the leads are grouped as \"other\"", HelpName = "share", DefaultValueFactory = _ => 0.01 };
            var keep = new Option<string?>("--keep-column")
            {
                Description = "Comma-separated columns to use even though alone they give the outcome away (AUC at or above --leakage-auc)",
                HelpName = "columns",
            };
            var leakage = new Option<double>("--leakage-auc") { Description = "A column that alone ranks the leads at least this well is left out as leakage", HelpName = "auc", DefaultValueFactory = _ => 0.9 };
            var interactions = new Option<int>("--max-interactions") { Description = "At most this many two-condition rules (0: none)", HelpName = "n", DefaultValueFactory = _ => 6 };
            var maxRules = new Option<int>("--max-rules") { Description = "At most this many rules: over it, points move in coarser steps so more bins share a rule", HelpName = "n", DefaultValueFactory = _ => 60 };
            var html = HtmlReportOption.Create("calibrate-report.html");
            var minIv = new Option<double>("--min-iv") { Description = "Columns whose information value is below this are dropped", HelpName = "iv", DefaultValueFactory = _ => 0.02 };

            var command = new Command("calibrate", "Suggest a model from past outcomes: leave out columns that give the outcome away, bin columns as cross-validation chooses, fit a logistic regression on the bins (and a few two-condition rules) and scale it to points");
            leads.AddTo(command);
            foreach (Option option in new Option[] { exclude, keep, output, pdo, engagement, bins, minBin, rare, minIv, leakage, interactions, maxRules, html })
            {
                command.Options.Add(option);
            }

            command.SetAction(parse =>
            {
                var (table, outcome) = leads.Load(parse);
                var options = new CalibrationOptions
                {
                    ModelName = $"Calibrated from {table.Source}",
                    Exclude = LeadsOptions.List(parse.GetValue(exclude)),
                    EngagementColumns = parse.GetValue(engagement) is string columns ? LeadsOptions.List(columns) : null,
                    PointsToDoubleOdds = Between(parse.GetValue(pdo), 1, 100, "--pdo"),
                    MinInformationValue = Between(parse.GetValue(minIv), 0, 10, "--min-iv"),
                    Keep = LeadsOptions.List(parse.GetValue(keep)),
                    LeakageAuc = Between(parse.GetValue(leakage), 0.5, 1, "--leakage-auc"),
                    MaxInteractions = (int)Between(parse.GetValue(interactions), 0, 50, "--max-interactions"),
                    MaxRules = (int)Between(parse.GetValue(maxRules), 1, 1000, "--max-rules"),
                    Binning = new BinningOptions(
                        (int)Between(parse.GetValue(bins), 2, 100, "--bins"),
                        Share(parse.GetValue(minBin), "--min-bin-share"),
                        Share(parse.GetValue(rare), "--rare")),
                };
                var scorecard = Calibrator.Calibrate(table, outcome, options);
                var problems = LeadScoring.Engine.ModelValidator.Validate(scorecard.Model);
                if (problems.Count > 0)
                {
                    throw new WorkbenchException($"calibrate: the suggested model would not be valid ({problems[0]}); try a smaller --pdo");
                }

                string path = parse.GetValue(output)!;
                ModelFile.Write(scorecard.Model, path);
                Report.Scorecard(console, scorecard, table.Rows.Count, Path.GetFileName(path));
                HoldoutFigures? figures = null;
                if (parse.GetValue(leads.SplitBy) is not null && leads.ChosenPart(parse) == SplitPart.Train)
                {
                    var (holdout, _) = leads.Load(parse, SplitPart.Holdout);
                    figures = HoldoutCheck.Measure(scorecard, table, holdout, outcome, options.Exclude);
                    Report.Holdout(console, figures);
                }

                HtmlReportOption.Write(console, parse, html, AnalysisReports.Calibrate(scorecard, table.Rows.Count, Path.GetFileName(path), figures));

                return 0;
            });
            return command;
        }

        /// <summary>The value when it is a number in [min, max]; NaN and infinities are refused too.</summary>
        private static double Between(double value, double min, double max, string option) =>
            value >= min && value <= max ? value
                : throw new WorkbenchException(string.Create(CultureInfo.InvariantCulture, $"{option} must be a number from {min} to {max}, not {value}"));

        private static double Share(double value, string option) =>
            value is >= 0 and < 1 ? value : throw new WorkbenchException(string.Create(CultureInfo.InvariantCulture, $"{option} must be a share between 0 and 1, not {value}"));
    }
}
