using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.Connection;
using LeadScoring.Workbench.ModelFiles;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>model validate | export | import: the model file checked by the engine, and moved between a file and an org's configuration tables.</summary>
    internal static class ModelCommand
    {
        public static Command Create(IAnsiConsole console, TextWriter error)
        {
            var model = new Command("model", "Check a model file, or move a model between a file and a Dataverse org's configuration tables");
            model.Subcommands.Add(Validate(console, error));
            model.Subcommands.Add(Export(console));
            model.Subcommands.Add(Import(console));
            return model;
        }

        private static Command Validate(IAnsiConsole console, TextWriter error)
        {
            var file = new Argument<string>("model.json") { Description = "The model file to check" };
            var command = new Command("validate", "Check a model file the way the product checks a model before it is activated, columns against the product's column catalogue: every problem on a line of its own, exit code 1 when there is one; a custom column is a warning");
            command.Arguments.Add(file);
            command.SetAction(parse =>
            {
                string path = parse.GetValue(file)!;
                var scoringModel = ValidModel.Check(ModelFile.Read(path), ColumnCatalogue.Instance, out var problems, out var warnings);
                string name = Path.GetFileName(path);
                foreach (string warning in warnings)
                {
                    error.WriteLine($"leadscoring: {name}: warning: {warning}");
                }

                if (problems.Count > 0)
                {
                    error.WriteLine($"leadscoring: {name}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; the product would refuse this model:");
                    foreach (string problem in problems)
                    {
                        error.WriteLine($"  - {problem}");
                    }

                    return WorkbenchCli.InputError;
                }

                int fit = scoringModel.Rules.Count(r => r.Category == Category.Fit);
                console.WriteLine($"{Printable.Text(name)}: valid. '{Printable.Text(scoringModel.Name)}' version {scoringModel.Version}: {scoringModel.Rules.Count} rules ({fit} fit, {scoringModel.Rules.Count - fit} engagement), sales-ready at {scoringModel.SalesReadyThreshold}.");
                return 0;
            });
            return command;
        }

        private static Command Export(IAnsiConsole console)
        {
            var connection = new ConnectionOptions();
            var id = new Option<Guid?>("--id") { Description = "The model's id (ls_scoringmodelid) [default: the Active model]", HelpName = "guid" };
            var output = new Option<string>("--out") { Description = "Where to write the model file", HelpName = "model.json", Required = true };
            var command = new Command("export", "Read a model (the Active one, or --id) from an org's configuration tables into a model file");
            connection.AddTo(command);
            command.Options.Add(id);
            command.Options.Add(output);
            command.SetAction(parse =>
            {
                using var service = DataverseConnection.Open(connection.Resolve(parse, "model export"), "model export");
                var store = new ModelStore(service, Guid.NewGuid());
                var stored = parse.GetValue(id) is Guid modelId ? store.Load(modelId, DateTime.UtcNow) : store.Active(DateTime.UtcNow)
                    ?? throw new WorkbenchException("model export: no scoring model is Active in this org; name one with --id");
                string path = parse.GetValue(output)!;
                ModelFile.Write(stored.Model, path);
                console.WriteLine($"Wrote '{stored.Model.Name}' version {stored.Model.Version} ({stored.Model.Rules.Count} rules) to {Path.GetFileName(path)}.");
                return 0;
            });
            return command;
        }

        private static Command Import(IAnsiConsole console)
        {
            var connection = new ConnectionOptions();
            var file = new Argument<string>("model.json") { Description = "The model file to import" };
            var command = new Command("import", "Write a model file into an org's configuration tables as a new Draft, all rows in one transaction; a marketing and a sales approver then approve it and an admin activates it");
            var backtest = new Option<string?>("--backtest")
            {
                Description = "The JSON 'leadscoring backtest --json' wrote for this model: its conversion by grade is stored with the model (the lead form shows it)",
                HelpName = "report.json",
            };
            var emulator = new Option<bool>("--emulator") { Description = "Import into the embedded emulator instead of an org, and show its configuration tables before and after" };
            var active = new Option<string?>("--active") { Description = "--emulator: the model the emulated org already runs", HelpName = "active.json" };
            connection.AddTo(command);
            command.Options.Add(backtest);
            command.Options.Add(emulator);
            command.Options.Add(active);
            command.Arguments.Add(file);
            command.SetAction(parse =>
            {
                if (!parse.GetValue(emulator))
                {
                    using var service = DataverseConnection.Open(connection.Resolve(parse, "model import"), "model import");
                    Import(console, service, parse.GetValue(file)!, parse.GetValue(backtest));
                    return 0;
                }

                var org = new Emulation.ScoringOrganization(parse.GetValue(active) is string path ? ValidModel.Read(path) : null);
                console.WriteLine("Emulated org before: " + Rows(org.Org) + ".");
                try
                {
                    Import(console, org.As(org.Admin), parse.GetValue(file)!, parse.GetValue(backtest));
                }
                finally
                {
                    console.WriteLine("Emulated org after: " + Rows(org.Org) + ".");
                }

                return 0;
            });
            return command;
        }

        private static void Import(IAnsiConsole console, IOrganizationService service, string path, string? backtest)
        {
            var scoringModel = ValidModel.Read(path, new OrganizationColumns(service));
            if (backtest != null)
            {
                scoringModel = scoringModel with { GradeConversion = GradeConversions.Read(backtest, scoringModel.Name) };
            }

            Guid modelId;
            try
            {
                modelId = ModelRows.Create(service, scoringModel);
            }
            catch (ScoringException refused)
            {
                throw new WorkbenchException("model import: " + refused.Message);
            }

            console.WriteLine($"Created the Draft '{scoringModel.Name}' version {scoringModel.Version} ({modelId:D}) with {scoringModel.Rules.Count} rules. It becomes Active once a marketing and a sales approver have approved it.");
            if (scoringModel.GradeConversion is { } conversion)
            {
                console.WriteLine($"Stored with it how each grade converted in {GradeConversions.Describe(conversion)}.");
            }
        }

        private static string Rows(Emulator.EmulatedOrganization org) =>
            $"{org.RowCount(ScoringModelColumns.Table)} models, {org.RowCount(ScoringRuleColumns.Table)} rules, {org.RowCount(ScoringConditionColumns.Table)} conditions";
    }
}
