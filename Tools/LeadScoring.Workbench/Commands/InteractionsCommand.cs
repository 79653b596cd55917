using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using LeadScoring.Workbench.Connection;
using LeadScoring.Workbench.Emulation;
using LeadScoring.Workbench.Interactions;
using LeadScoring.Workbench.ModelFiles;
using LeadScoring.Workbench.Simulation;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>interactions import: a CSV of interactions into an org (or the emulator) through ls_RecordInteraction.</summary>
    internal static class InteractionsCommand
    {
        /// <summary>Refused rows printed under the summary; the refused file has them all.</summary>
        public const int RefusedShown = 10;

        public static Command Create(IAnsiConsole console)
        {
            var command = new Command("interactions", "Bring marketing interactions from other systems into an org");
            command.Subcommands.Add(Import(console));
            return command;
        }

        private static Command Import(IAnsiConsole console)
        {
            var csv = new Option<string>("--csv") { Description = "The interactions, one per row, with a header row", HelpName = "interactions.csv", Required = true };
            var mapping = new Option<string>("--mapping") { Description = "Which column feeds which ls_RecordInteraction parameter (JSON, docs/integrations.md)", HelpName = "mapping.json", Required = true };
            var connection = new ConnectionOptions();
            var emulator = new Option<bool>("--emulator") { Description = "Import into the embedded emulator instead of an org (with --model, and --events to replay a history first)" };
            var model = new Option<string?>("--model") { Description = "--emulator: the model file the emulated org runs", HelpName = "model.json" };
            var events = new Option<string?>("--events") { Description = "--emulator: a history replayed before the import (its leads are the ones matched)", HelpName = "events.jsonl" };
            var batchSize = new Option<int>("--batch-size") { Description = "Rows per ExecuteMultiple request (1 to 1000)", HelpName = "n", DefaultValueFactory = _ => InteractionImport.DefaultBatchSize };

            var command = new Command("import", "Import interactions from a CSV file through ls_RecordInteraction in ExecuteMultiple batches, with retry on throttling, a progress bar and a summary; a stopped import run again resumes where it stopped");
            foreach (var option in new Option[] { csv, mapping, emulator, model, events, batchSize })
            {
                command.Options.Add(option);
            }

            connection.AddTo(command);

            command.SetAction(parse =>
            {
                string path = parse.GetValue(csv)!;
                var map = ImportMapping.Read(parse.GetValue(mapping)!);
                string name = Path.GetFileName(path);
                string text = WorkbenchFiles.Utf8Text(WorkbenchFiles.ReadAllBytes(path, WorkbenchFiles.MaxDataBytes), name);
                int rows = InteractionImport.CountRows(text, name);
                string refusedPath = InteractionImport.RefusedPath(path);
                bool emulated = parse.GetValue(emulator);
                bool connectionGiven = parse.GetValue(connection.Connection) != null || parse.GetValue(connection.ConnectionFile) != null
                    || Environment.GetEnvironmentVariable(ConnectionOptions.EnvironmentVariable) is { Length: > 0 };
                if (emulated == connectionGiven)
                {
                    throw new WorkbenchException("interactions import: give either a connection (--connection-file, --connection or " + ConnectionOptions.EnvironmentVariable + ") or --emulator");
                }

                ImportSummary summary;
                int retries;
                var watch = new System.Diagnostics.Stopwatch(); // the import alone, not the emulator's replay of a history
                if (emulated)
                {
                    var org = EmulatedOrg(parse.GetValue(model), parse.GetValue(events));
                    var service = new RetryingOrganizationService(org.As(org.Integration));
                    watch.Start();
                    summary = Run(console, rows, progress => new InteractionImport(service, map, name) { Progress = progress, AfterBatch = () => org.Org.DrainAsyncQueue() },
                        text, parse.GetValue(batchSize), null, refusedPath);
                    retries = service.Retries;
                }
                else
                {
                    using var service = DataverseConnection.Open(connection.Resolve(parse, "interactions import"), "interactions import", (wait, attempt) =>
                        console.WriteLine(F($"Throttled by Dataverse's service protection limits; waiting {wait.TotalSeconds:0.#} s (retry {attempt}).")));
                    watch.Start();
                    summary = Run(console, rows, progress => new InteractionImport(service, map, name) { Progress = progress },
                        text, parse.GetValue(batchSize), InteractionImport.StatePath(path), refusedPath);
                    retries = service.Retries;
                }

                Report(console, summary, retries, refusedPath, watch.Elapsed);
                return 0;
            });
            return command;
        }

        /// <summary>An emulated org with the model active and, when given, the history replayed; its clock at the later of the history's end and now.</summary>
        private static ScoringOrganization EmulatedOrg(string? modelPath, string? eventsPath)
        {
            var scoringModel = ValidModel.Read(modelPath ?? throw new WorkbenchException("interactions import: --emulator needs --model (the model file the emulated org runs)"));
            ScoringOrganization org;
            if (eventsPath != null)
            {
                org = Replay.Run(scoringModel, EventsFile.Read(eventsPath)).Organization;
            }
            else
            {
                org = new ScoringOrganization(scoringModel);
            }

            var now = DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Utc);
            if (org.Org.Clock.UtcNow < now)
            {
                org.Org.Clock.Set(now);
            }

            return org;
        }

        private static ImportSummary Run(IAnsiConsole console, int rows, Func<Action<int>, InteractionImport> import, string text, int batchSize, string? statePath, string refusedPath)
        {
            try
            {
                return ConsoleProgress.Run(console, "Importing interactions", rows, progress => import(progress).Run(text, batchSize, statePath, refusedPath));
            }
            catch (JobStoppedException stopped)
            {
                throw new WorkbenchException(F($"interactions import stopped after {stopped.Done} rows: {stopped.Message.Trim()}; run the same command again to resume"), stopped);
            }
        }

        private static void Report(IAnsiConsole console, ImportSummary summary, int retries, string refusedPath, TimeSpan elapsed)
        {
            if (summary.ResumedAfter > 0)
            {
                console.WriteLine(F($"Resumed after row {summary.ResumedAfter} of an earlier run that stopped."));
            }

            var table = new Table().AddColumn("Rows").AddColumn(new TableColumn("Count").RightAligned());
            table.AddRow("recorded (matched to a lead)", N(summary.Recorded));
            table.AddRow("  of which for a lead created for them", N(summary.LeadsCreated));
            table.AddRow("unmatched (waiting for a lead with the address)", N(summary.Unmatched));
            table.AddRow("duplicates (recorded before: nothing written)", N(summary.Duplicates));
            table.AddRow("refused", N(summary.Refused));
            table.AddRow("total", N(summary.Rows));
            console.Write(table);
            if (summary.Refused > 0)
            {
                foreach (var line in File.ReadLines(refusedPath).Skip(1).Take(RefusedShown))
                {
                    console.WriteLine("  refused: line " + line);
                }

                console.WriteLine(F($"Every refused row, with its reason: {Path.GetFileName(refusedPath)}."));
            }

            int rows = summary.Rows - summary.ResumedAfter;
            console.WriteLine(F($"Imported {rows} rows in {elapsed.TotalSeconds:0.0} s ({rows / Math.Max(elapsed.TotalSeconds, 0.001):0} rows/s; {retries} requests sent again after throttling)."));
        }

        private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

        private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
