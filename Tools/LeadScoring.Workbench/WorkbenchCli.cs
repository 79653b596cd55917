using System.CommandLine;
using System.IO;

namespace LeadScoring.Workbench
{
    internal static class WorkbenchCli
    {
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var root = new RootCommand("Lead Scoring for Dataverse workbench");
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        }
    }
}
