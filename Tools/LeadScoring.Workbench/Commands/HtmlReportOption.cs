using System.CommandLine;
using System.IO;
using Spectre.Console;

namespace LeadScoring.Workbench.Commands
{
    /// <summary>The --report option of demo and the analysis commands: where to write the HTML report (artifacts/ under the current folder by default).</summary>
    internal static class HtmlReportOption
    {
        public static Option<string> Create(string defaultName) => new("--report")
        {
            Description = "Where to write the HTML report (self-contained: no script, no network)",
            HelpName = "report.html",
            DefaultValueFactory = _ => Path.Combine("artifacts", defaultName),
        };

        public static void Write(IAnsiConsole console, ParseResult parse, Option<string> option, string html)
        {
            string path = Path.GetFullPath(parse.GetValue(option)!);
            if (Path.GetDirectoryName(path) is string folder)
            {
                Directory.CreateDirectory(folder);
            }

            WorkbenchFiles.WriteAllText(path, html);
            console.MarkupLine($"Wrote the report to [bold]{Markup.Escape(path)}[/] (open it in a browser).");
        }
    }
}
