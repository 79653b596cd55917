using System;

namespace LeadScoring.Workbench
{
    internal static class Program
    {
        public static int Main(string[] args) => WorkbenchCli.Run(args, Console.Out, Console.Error);
    }
}
