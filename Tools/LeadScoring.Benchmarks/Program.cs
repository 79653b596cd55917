using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace LeadScoring.Benchmarks
{
    public static class Program
    {
        private const string Usage = @"LeadScoring.Benchmarks (run with -c Release)
  engine [BenchmarkDotNet options]   the engine benchmarks, e.g. engine --filter * --job short
  scale replay --leads M --events N [--rules R]
                                     replays N events over M leads through the real plug-ins (emulator)
  scale decay --leads M [--page-size P]
                                     runs ls_ApplyScoreDecay page by page over M seeded leads";

        public static int Main(string[] args)
        {
            switch (args.FirstOrDefault())
            {
                case "engine":
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray());
                    return 0;
                case "scale":
                    return Scale.Run(args.Skip(1).ToArray());
                default:
                    Console.WriteLine(Usage);
                    return args.Length == 0 || args[0] is "help" or "--help" or "-h" ? 0 : 2;
            }
        }
    }
}
