using System;
using System.CommandLine;
using System.Globalization;
using LeadScoring.Workbench.Connection;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>recalculate and decay: the product's batch Custom APIs run against an org, with progress, retry on throttling and resume.</summary>
    internal static class OrgJobCommands
    {
        public static Command Recalculate(IAnsiConsole console)
        {
            var connection = new ConnectionOptions();
            var after = new Option<Guid?>("--after") { Description = "Resume after this lead id (the one a stopped run names)", HelpName = "lead id" };
            var pageSize = PageSize();
            var command = new Command("recalculate", "Recalculate every open lead's score in an org (ls_RecalculateLeadScore per lead, in id order), with progress, retry on throttling and resume");
            connection.AddTo(command);
            command.Options.Add(after);
            command.Options.Add(pageSize);
            command.SetAction(parse =>
            {
                using var service = DataverseConnection.Open(connection.Resolve(parse, "recalculate"), "recalculate", Retried(console));
                int done = Run(console, "Recalculating leads", "--after", progress =>
                    ScoringJobs.Recalculate(service, parse.GetValue(after) ?? Guid.Empty, parse.GetValue(pageSize), progress));
                console.WriteLine(F($"Recalculated {done} leads ({service.Retries} requests sent again after throttling)."));
                return 0;
            });
            return command;
        }

        public static Command Decay(IAnsiConsole console)
        {
            var connection = new ConnectionOptions();
            var asOf = SimulateCommand.AsOfOption();
            asOf.Description = "Decay as of this moment (ISO-8601, UTC) [default: now]";
            var continuation = new Option<string>("--continuation") { Description = "Resume from this continuation (the one a stopped run names)", HelpName = "continuation", DefaultValueFactory = _ => "" };
            var pageSize = PageSize();
            var command = new Command("decay", "Run the decay job in an org (ls_ApplyScoreDecay page after page), with progress, retry on throttling and resume");
            connection.AddTo(command);
            command.Options.Add(asOf);
            command.Options.Add(continuation);
            command.Options.Add(pageSize);
            command.SetAction(parse =>
            {
                using var service = DataverseConnection.Open(connection.Resolve(parse, "decay"), "decay", Retried(console));
                var at = SimulateCommand.ParseAsOf(parse.GetValue(asOf));
                int done = Run(console, "Applying decay", "--continuation", progress =>
                    ScoringJobs.Decay(service, at, parse.GetValue(pageSize), parse.GetValue(continuation) ?? "", progress));
                console.WriteLine(F($"Processed {done} leads ({service.Retries} requests sent again after throttling)."));
                return 0;
            });
            return command;
        }

        /// <summary>Runs a job with a live count on a terminal; a stop becomes one line that says how to resume.</summary>
        private static int Run(IAnsiConsole console, string description, string resumeOption, Func<Action<int>, int> job)
        {
            try
            {
                if (!console.Profile.Capabilities.Interactive)
                {
                    return job(_ => { });
                }

                return console.Status().Start(description, context => job(done => context.Status(F($"{description}: {done} leads"))));
            }
            catch (JobStoppedException stopped)
            {
                string resume = stopped.Resume.Length > 0 ? $"; resume with {resumeOption} {stopped.Resume}" : "; run it again to resume";
                throw new WorkbenchException(F($"stopped after {stopped.Done} leads: {stopped.Message.Trim()}{resume}"), stopped);
            }
        }

        private static Option<int> PageSize() => new("--page-size")
        {
            Description = "Leads per page (1 to 1000)",
            HelpName = "n",
            DefaultValueFactory = _ => ScoringJobs.DefaultPageSize,
        };

        private static Action<TimeSpan, int> Retried(IAnsiConsole console) => (wait, attempt) =>
            console.WriteLine(F($"Throttled by Dataverse's service protection limits; waiting {wait.TotalSeconds:0.#} s (retry {attempt})."));

        private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
