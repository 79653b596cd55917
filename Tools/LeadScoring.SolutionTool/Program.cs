using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LeadScoring.SolutionTool
{
    /// <summary>
    /// dotnet run --project Tools/LeadScoring.SolutionTool -- generate [--check]
    /// dotnet run --project Tools/LeadScoring.SolutionTool -- pack [--out DIR] [--assembly DLL] [--webresources DIR] [--allow-standin-for-tests] [--no-pac]
    /// dotnet run --project Tools/LeadScoring.SolutionTool -- validate --schemas DIR [--out DIR]
    /// </summary>
    public static class Program
    {
        private const string Usage = """
            Usage:
              generate [--check]            write Solution/ from Tools/LeadScoring.SolutionTool/Definition and pac-config.json
                                            (--check: change nothing, fail when Solution/ differs)
              pack [options]                write LeadScoring.zip and LeadScoring_managed.zip
                --out DIR                   where to write them (default artifacts/)
                --assembly PATH             the net462 plug-in assembly (default: pac-config.json pluginAssembly.path)
                --webresources DIR          the built web resources (default: WebResources/dist)
                --allow-standin-for-tests   accept an assembly built against the Xrm SDK stand-in (test packs only)
                --no-pac                    do not use `pac solution pack` even when pac is on PATH
              validate --schemas DIR [--out DIR]
                                            check LeadScoring.zip and LeadScoring_managed.zip in --out (default artifacts/)
                                            against Microsoft's solution schemas in DIR, and what no schema covers
                                            (root components, referenced ids, web resources, plug-in types, Custom APIs)
              --repo DIR                    the clone's root (default: found from the current folder)
            """;

        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            try
            {
                if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
                {
                    output.WriteLine(Usage);
                    return args.Length == 0 ? 2 : 0;
                }

                var options = Options(args.Skip(1).ToArray());
                string root = options.TryGetValue("--repo", out var repo) ? Path.GetFullPath(repo!) : FindRoot(Directory.GetCurrentDirectory());
                switch (args[0])
                {
                    case "generate":
                        return Generate(root, options.ContainsKey("--check"), output, error);
                    case "pack":
                        SolutionPacker.Pack(new PackOptions
                        {
                            RepositoryRoot = root,
                            OutputFolder = options.TryGetValue("--out", out var outFolder) ? Path.GetFullPath(outFolder!) : Path.Combine(root, "artifacts"),
                            AssemblyPath = options.GetValueOrDefault("--assembly"),
                            WebResourcesFolder = options.GetValueOrDefault("--webresources"),
                            AllowStandinForTests = options.ContainsKey("--allow-standin-for-tests"),
                            UsePac = !options.ContainsKey("--no-pac"),
                        }, output);
                        return 0;
                    case "validate":
                        return Validate(root, options, output);
                    default:
                        error.WriteLine($"Unknown command '{args[0]}'.");
                        error.WriteLine(Usage);
                        return 2;
                }
            }
            catch (SolutionToolException e)
            {
                error.WriteLine("error: " + e.Message);
                return 1;
            }
        }

        private static int Generate(string root, bool check, TextWriter output, TextWriter error)
        {
            var generator = new SolutionGenerator(root);
            string folder = Path.Combine(root, "Solution");
            if (!check)
            {
                generator.WriteTo(folder);
                output.WriteLine($"Wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), folder)} ({generator.Generate().Count} files).");
                return 0;
            }

            var differences = Differences(generator.Generate(), folder);
            foreach (string difference in differences)
            {
                error.WriteLine(difference);
            }

            if (differences.Count > 0)
            {
                error.WriteLine("Solution/ is not what the definition generates. Run: dotnet run --project Tools/LeadScoring.SolutionTool -- generate");
                return 1;
            }

            output.WriteLine("Solution/ is up to date.");
            return 0;
        }

        private static int Validate(string root, Dictionary<string, string?> options, TextWriter output)
        {
            if (!options.TryGetValue("--schemas", out var schemas) || schemas == null)
            {
                throw new SolutionToolException($"validate needs --schemas DIR: the folder with Microsoft's solution schemas (CustomizationsSolution.xsd and the files it includes).\n{Usage}");
            }

            string folder = options.TryGetValue("--out", out var outFolder) ? Path.GetFullPath(outFolder!) : Path.Combine(root, "artifacts");
            var config = PacConfigFile.Read(Path.Combine(root, "pac-config.json"));
            int errors = 0;
            foreach (string zip in new[] { config.Solution.UniqueName + ".zip", config.Solution.UniqueName + "_managed.zip" })
            {
                var report = Validation.SolutionValidator.Validate(Path.Combine(folder, zip), Path.GetFullPath(schemas));
                report.WriteTo(output);
                errors += report.Errors.Count;
            }

            return errors == 0 ? 0 : 1;
        }

        /// <summary>What differs between the generated files and Solution/ (README.md aside), one line each.</summary>
        public static List<string> Differences(IReadOnlyDictionary<string, string> generated, string folder)
        {
            var differences = new List<string>();
            var existing = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Where(f => f != "README.md").ToHashSet()
                : new HashSet<string>();
            foreach (var (path, content) in generated)
            {
                if (!existing.Contains(path))
                {
                    differences.Add("missing: Solution/" + path);
                }
                else if (File.ReadAllText(Path.Combine(folder, path)) != content)
                {
                    differences.Add("differs: Solution/" + path);
                }
            }

            differences.AddRange(existing.Where(f => !generated.ContainsKey(f)).OrderBy(f => f, StringComparer.Ordinal).Select(f => "not generated: Solution/" + f));
            return differences;
        }

        private static Dictionary<string, string?> Options(string[] args)
        {
            var flags = new HashSet<string> { "--check", "--allow-standin-for-tests", "--no-pac" };
            var values = new HashSet<string> { "--out", "--assembly", "--webresources", "--repo", "--schemas" };
            var options = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (int i = 0; i < args.Length; i++)
            {
                if (flags.Contains(args[i]))
                {
                    options[args[i]] = null;
                }
                else if (values.Contains(args[i]) && i + 1 < args.Length)
                {
                    options[args[i]] = args[++i];
                }
                else
                {
                    throw new SolutionToolException($"Unknown or incomplete option '{args[i]}'.\n{Usage}");
                }
            }

            return options;
        }

        private static string FindRoot(string start)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LeadScoring.sln")) && File.Exists(Path.Combine(dir.FullName, "pac-config.json")))
                {
                    return dir.FullName;
                }
            }

            throw new SolutionToolException($"No LeadScoring.sln above {start}; pass --repo DIR.");
        }
    }
}
