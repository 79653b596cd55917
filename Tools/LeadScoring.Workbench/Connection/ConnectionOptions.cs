using System;
using System.CommandLine;
using System.IO;

namespace LeadScoring.Workbench.Connection
{
    /// <summary>
    /// Where a command finds its Dataverse connection string: --connection-file (a file holding it),
    /// the LEADSCORING_CONNECTION environment variable, or --connection. A file or a variable keeps the
    /// secret out of the shell's history and the process list, as Microsoft advises for connection
    /// strings ("configure Dataverse connections at deployment time, and not hard code"):
    /// https://learn.microsoft.com/power-apps/developer/data-platform/xrm-tooling/use-connection-strings-xrm-tooling-connect
    /// </summary>
    internal sealed class ConnectionOptions
    {
        public const string EnvironmentVariable = "LEADSCORING_CONNECTION";

        public Option<string?> Connection { get; } = new("--connection")
        {
            Description = $"A Dataverse connection string (official SDK builds only). Prefer --connection-file or the {EnvironmentVariable} environment variable: a command line is visible to other users of the machine",
            HelpName = "connection string",
        };

        public Option<string?> ConnectionFile { get; } = new("--connection-file")
        {
            Description = "A file holding the Dataverse connection string (its first non-empty line)",
            HelpName = "file",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Connection);
            command.Options.Add(ConnectionFile);
        }

        /// <summary>The connection string, from the option, the file or the environment variable (in that order), or a clear error.</summary>
        public string Resolve(ParseResult parse, string command)
        {
            if (parse.GetValue(Connection) is { Length: > 0 } given)
            {
                return given;
            }

            if (parse.GetValue(ConnectionFile) is { Length: > 0 } path)
            {
                string text = WorkbenchFiles.Utf8Text(WorkbenchFiles.ReadAllBytes(path, 64 * 1024), Path.GetFileName(path));
                foreach (string line in text.Split('\n'))
                {
                    if (line.Trim().Length > 0)
                    {
                        return line.Trim();
                    }
                }

                throw new WorkbenchException($"{path}: the file holds no connection string");
            }

            return Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment.Trim()
                : throw new WorkbenchException($"{command} needs a Dataverse connection string: set {EnvironmentVariable}, or give --connection-file or --connection");
        }
    }
}
