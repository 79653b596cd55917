using System.CommandLine;
using System.Globalization;
using System.IO;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.ModelFiles;
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
            var bins = new Option<int>("--bins") { Description = "Quantile bins to start each numeric column with", HelpName = "n", DefaultValueFactory = _ => 10 };
            var minBin = new Option<double>("--min-bin-share") { Description = "Numeric bins smaller than this share of the leads merge into a neighbour", HelpName = "share", DefaultValueFactory = _ => 0.05 };
            var rare = new Option<double>("--rare") { Description = "Categories with less than this share of the leads are grouped as \"other\"", HelpName = "share", DefaultValueFactory = _ => 0.01 };
            var minIv = new Option<double>("--min-iv") { Description = "Columns whose information value is below this are dropped", HelpName = "iv", DefaultValueFactory = _ => 0.02 };

            var command = new Command("calibrate", "Suggest a model from past outcomes: bin columns, weigh bins by weight of evidence, fit a logistic regression and scale it to points");
            leads.AddTo(command);
            foreach (Option option in new Option[] { exclude, output, pdo, engagement, bins, minBin, rare, minIv })
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
