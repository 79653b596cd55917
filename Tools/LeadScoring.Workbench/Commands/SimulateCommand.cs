using System;
using System.Linq;
using System.CommandLine;
using System.Globalization;
using System.IO;
using LeadScoring.Workbench.ModelFiles;
using LeadScoring.Workbench.Simulation;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>simulate: replays an events file through the real plug-ins and reports every lead's score and score events.</summary>
    internal static class SimulateCommand
    {
        public static Command Create(IAnsiConsole console, TextWriter output)
        {
            var model = new Option<string>("--model") { Description = "The model file (JSON) the org runs", HelpName = "model.json", Required = true };
            var events = new Option<string>("--events") { Description = "The history: JSON Lines, one event per line in time order", HelpName = "events.jsonl", Required = true };
            var results = new Option<string?>("--out") { Description = "Write the results (JSON) to this file and print a summary; without it the JSON goes to the standard output", HelpName = "results.json" };
            var asOf = AsOfOption();

            var command = new Command("simulate", "Replay an events file through the real plug-ins on the embedded Dataverse emulator and report each lead's score, fit, engagement, grade, stage, hand-backs and score events");
            command.Options.Add(model);
            command.Options.Add(events);
            command.Options.Add(results);
            command.Options.Add(asOf);
            command.SetAction(parse =>
            {
                var history = EventsFile.Read(parse.GetValue(events)!);
                var scoringModel = ValidModel.Read(parse.GetValue(model)!, new ReplayColumns(history));
                var end = ParseAsOf(parse.GetValue(asOf));
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var replay = ConsoleProgress.Run(console, $"Replaying {history.Source}", history.Events.Count, step => Replay.Run(scoringModel, history, end, step));
                var leads = replay.Leads().OrderByDescending(l => l.Score).ToList(); // best first; equal scores keep the file's order (a stable sort)
                string json = SimulationJson.Write(leads);
                if (parse.GetValue(results) is not string path)
                {
                    output.Write(json);
                    return 0;
                }

                WorkbenchFiles.WriteAllText(path, json);
                ReplayReport.Leads(console, leads);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Replayed {history.Events.Count} events of {history.Source} through the plug-ins in {watch.Elapsed.TotalSeconds:0.0} s; wrote {Path.GetFileName(path)} ({leads.Count} leads)."));
                return 0;
            });
            return command;
        }

        public static Option<string?> AsOfOption() => new("--as-of")
        {
            Description = "After the last event, run decay once more as of this moment (ISO-8601, UTC)",
            HelpName = "2026-07-01T00:00:00Z",
        };

        public static DateTime? ParseAsOf(string? text)
        {
            if (text is null)
            {
                return null;
            }

            return text.Length >= 10 && text[4] == '-' &&
                DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                ? DateTime.SpecifyKind(at, DateTimeKind.Utc)
                : throw new WorkbenchException($"--as-of '{text}' is not an ISO-8601 date and time such as 2026-07-01T00:00:00Z");
        }
    }
}
