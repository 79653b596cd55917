using System.CommandLine;
using System.IO;
using LeadScoring.Workbench.Demo;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>generate-demo (hidden): writes the demo history once; the files are committed under samples/demo and embedded in the tool.</summary>
    internal static class GenerateDemoCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var folder = new Option<string>("--out") { Description = "The folder to write events.jsonl and outcomes.csv to", HelpName = "samples/demo", Required = true };
            var command = new Command("generate-demo", "Generate the demo history (seeded, so the same files every time)") { Hidden = true };
            command.Options.Add(folder);
            command.SetAction(parse =>
            {
                string path = parse.GetValue(folder)!;
                Directory.CreateDirectory(path);
                var (events, outcomes) = DemoHistoryGenerator.Generate();
                WorkbenchFiles.WriteAllText(Path.Combine(path, "events.jsonl"), events);
                WorkbenchFiles.WriteAllText(Path.Combine(path, "outcomes.csv"), outcomes);
                console.WriteLine($"Wrote {Path.Combine(path, "events.jsonl")} and {Path.Combine(path, "outcomes.csv")} (seed {DemoHistoryGenerator.Seed}).");
                return 0;
            });
            return command;
        }
    }
}
