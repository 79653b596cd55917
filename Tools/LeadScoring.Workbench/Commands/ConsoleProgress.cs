using System;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>A progress bar on a terminal for long work; nothing at all when the output is redirected, so files and pipes stay clean.</summary>
    internal static class ConsoleProgress
    {
        /// <summary>Below this many steps the work is over before a bar would help.</summary>
        public const int MinimumSteps = 2000;

        public static T Run<T>(IAnsiConsole console, string description, int steps, Func<Action<int>, T> work)
        {
            if (!console.Profile.Capabilities.Interactive || steps < MinimumSteps)
            {
                return work(_ => { });
            }

            return console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Printable.Markup(description), maxValue: steps);
                    return work(done => task.Value = done);
                });
        }
    }
}
