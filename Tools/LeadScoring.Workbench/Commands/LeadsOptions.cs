using System;
using System.CommandLine;
using System.Linq;
using LeadScoring.Workbench.Analysis;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>The leads table, its outcome column and the optional train/holdout split, shared by the analysis commands.</summary>
    internal sealed class LeadsOptions
    {
        private readonly SplitPart _defaultPart;

        /// <param name="leadsRequired">False where an events file can stand in for the leads table (backtest, compare).</param>
        public LeadsOptions(SplitPart defaultPart, bool leadsRequired = true)
        {
            _defaultPart = defaultPart;
            Leads.Required = leadsRequired;
            Part = new Option<string>("--part")
            {
                Description = $"With --split-by: the part of the leads to use, train or holdout [default: {Word(defaultPart)}]",
                HelpName = "train|holdout",
            };
            Part.AcceptOnlyFromAmong("train", "holdout");
        }

        public Option<string> Leads { get; } = new("--leads")
        {
            Description = "The leads table: a CSV file with a header row of column names, one row per lead",
            HelpName = "file.csv",
            Required = true,
        };

        public Option<string> Outcome { get; } = new("--outcome")
        {
            Description = "The outcome column (1/0, true/false or yes/no: did the lead convert?)",
            HelpName = "column",
            Required = true,
        };

        public Option<string> Missing { get; } = new("--missing")
        {
            Description = "Comma-separated cell values that mean \"not filled in\" and are read as empty (\"\" for none)",
            HelpName = "values",
            DefaultValueFactory = _ => "Select",
        };

        public Option<string?> SplitBy { get; } = new("--split-by")
        {
            Description = "Split the leads deterministically by the SHA-256 of this key column into a training and a holdout part",
            HelpName = "column",
        };

        public Option<int> TrainPercent { get; } = new("--train-percent")
        {
            Description = "With --split-by: the share of the leads in the training part",
            HelpName = "percent",
            DefaultValueFactory = _ => 70,
        };

        public Option<string> SplitSalt { get; } = new("--split-salt")
        {
            Description = "With --split-by: hash \"salt:key\" instead of the key, for another split of the same file (calibrate and backtest need the same salt)",
            HelpName = "text",
            DefaultValueFactory = _ => "",
        };

        public Option<string> Part { get; }

        public void AddTo(Command command)
        {
            foreach (Option option in new Option[] { Leads, Outcome, Missing, SplitBy, TrainPercent, SplitSalt, Part })
            {
                command.Options.Add(option);
            }
        }

        /// <summary>Reads the table and returns the selected part with its outcome column.</summary>
        public (LeadsTable Leads, int Outcome) Load(ParseResult parse, SplitPart? part = null)
        {
            var leads = LoadAll(parse);
            int outcome = OutcomeColumn(parse, leads);
            string? key = parse.GetValue(SplitBy);
            if (key is null)
            {
                return parse.GetValue(Part) is null && parse.GetValue(SplitSalt)!.Length == 0 ? (leads, outcome)
                    : throw new WorkbenchException("--part and --split-salt need --split-by (the key column of the split)");
            }

            var chosen = part ?? ChosenPart(parse);
            return (HoldoutSplit.Select(leads, key, parse.GetValue(TrainPercent), chosen, parse.GetValue(SplitSalt)!), outcome);
        }

        /// <summary>The part --part names, or the command's default.</summary>
        public SplitPart ChosenPart(ParseResult parse) =>
            parse.GetValue(Part) is string word ? (word == "train" ? SplitPart.Train : SplitPart.Holdout) : _defaultPart;

        public LeadsTable LoadAll(ParseResult parse) => LeadsTable.Load(parse.GetValue(Leads)!, MissingMarkers(parse));

        /// <summary>An outcomes file (another CSV with the --outcome column) and its outcomes.</summary>
        public (LeadsTable Table, bool[] Converted) LoadOutcomes(ParseResult parse, string path)
        {
            var table = LeadsTable.Load(path, MissingMarkers(parse));
            return (table, table.Outcomes(OutcomeColumn(parse, table)));
        }

        private string[] MissingMarkers(ParseResult parse) =>
            (parse.GetValue(Missing) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        public int OutcomeColumn(ParseResult parse, LeadsTable leads)
        {
            string name = parse.GetValue(Outcome)!;
            try
            {
                return leads.Column(name);
            }
            catch (WorkbenchException)
            {
                throw new WorkbenchException($"{leads.Source}: the outcome column '{name}' is not in the file (columns: {string.Join(", ", leads.Headers)})");
            }
        }

        public static string[] List(string? value) =>
            (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToArray();

        private static string Word(SplitPart part) => part == SplitPart.Train ? "train" : "holdout";
    }
}
