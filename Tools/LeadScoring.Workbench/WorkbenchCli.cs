using System;
using System.CommandLine;
using System.IO;
using LeadScoring.Workbench.Commands;
using Spectre.Console;

namespace LeadScoring.Workbench
{
    /// <summary>
    /// The command line. Every command is built here; this is also the one place where an expected
    /// failure (<see cref="WorkbenchException"/>) becomes one line on stderr and exit code 1.
    /// </summary>
    internal static class WorkbenchCli
    {
        public const int InputError = 1;

        /// <summary>The exit code of a defect (an exception that is not a <see cref="WorkbenchException"/>).</summary>
        public const int UnexpectedError = 70;

        /// <summary>The width tables are laid out for when the output is a file or a pipe rather than a terminal.</summary>
        public const int RedirectedWidth = 120;

        public static RootCommand Build(IAnsiConsole console, TextWriter output, TextWriter error)
        {
            var root = new RootCommand("Lead Scoring for Dataverse workbench: replay histories through the real plug-ins on an embedded Dataverse emulator, calibrate a scoring model from past outcomes, backtest and compare models");
            root.Subcommands.Add(DemoCommand.Create(console));
            root.Subcommands.Add(SimulateCommand.Create(console, output));
            root.Subcommands.Add(CalibrateCommand.Create(console));
            root.Subcommands.Add(BacktestCommand.Create(console));
            root.Subcommands.Add(CompareCommand.Create(console));
            root.Subcommands.Add(FunnelCommand.Create(console));
            root.Subcommands.Add(BaselineCommand.Create(console));
            root.Subcommands.Add(ModelCommand.Create(console, error));
            root.Subcommands.Add(OrgJobCommands.Recalculate(console));
            root.Subcommands.Add(OrgJobCommands.Decay(console));
            root.Subcommands.Add(InteractionsCommand.Create(console));
            root.Subcommands.Add(GenerateDemoCommand.Create(console));
            return root;
        }

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            // Colours and bold only on a real terminal, never in a redirected file or a test's writer.
            bool terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            });
            if (!terminal)
            {
                console.Profile.Width = RedirectedWidth;
            }

            // Everything on stderr goes through one writer that hides secrets and control characters (docs/reliability.md).
            using var safeError = new MaskingWriter(error);
            var configuration = new InvocationConfiguration { Output = output, Error = safeError, EnableDefaultExceptionHandler = false };
            try
            {
                return Build(console, output, safeError).Parse(args).Invoke(configuration);
            }
            catch (WorkbenchException e)
            {
                safeError.WriteLine($"leadscoring: {e.Message}");
                return InputError;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A defect, not bad input: still one line, masked, never a stack trace with a secret in it.
                safeError.WriteLine($"leadscoring: unexpected error ({e.GetType().Name}): {e.Message}");
                return UnexpectedError;
            }
        }
    }
}
