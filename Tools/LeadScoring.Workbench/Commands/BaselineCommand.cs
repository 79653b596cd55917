using System.CommandLine;
using System.Globalization;
using System.Linq;
using LeadScoring.Workbench.Analysis;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>baseline: the holdout AUC of a plain logistic regression on the raw columns, to judge a calibrated model by.</summary>
    internal static class BaselineCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var leads = new LeadsOptions(SplitPart.Holdout);
            var exclude = new Option<string?>("--exclude") { Description = "Comma-separated columns to leave out", HelpName = "columns" };
            var command = new Command("baseline", "Fit a plain logistic regression (one-hot categories, standardised numbers) on the training part and report its AUC on the holdout part (needs --split-by)");
            leads.AddTo(command);
            command.Options.Add(exclude);
            command.SetAction(parse =>
            {
                if (parse.GetValue(leads.SplitBy) is null)
                {
                    throw new WorkbenchException("baseline needs --split-by (the key column of the train/holdout split)");
                }

                var (train, outcome) = leads.Load(parse, SplitPart.Train);
                var (holdout, _) = leads.Load(parse, SplitPart.Holdout);
                var excluded = LeadsOptions.List(parse.GetValue(exclude)).Select(train.Column).Append(outcome).ToHashSet();
                double auc = OneHotBaseline.HoldoutAuc(train, train.Outcomes(outcome), holdout, holdout.Outcomes(outcome), excluded);
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Holdout AUC [bold]{auc:0.000}[/] (one-hot logistic regression trained on {train.Rows.Count} leads, measured on {holdout.Rows.Count})"));
                return 0;
            });
            return command;
        }
    }
}
