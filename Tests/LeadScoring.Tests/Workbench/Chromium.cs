using System;
using System.Diagnostics;
using System.IO;

namespace LeadScoring.Tests.Workbench;

/// <summary>Debian's headless Chromium (or CHROMIUM_PATH), as the web resource tests launch it.</summary>
internal static class Chromium
{
    public static (int Exit, string Dom, string Log) DumpDom(string file)
    {
        string path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(path), $"Chromium not found at {path}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH");
        string profile = Directory.CreateTempSubdirectory("ls-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(file).AbsoluteUri })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string dom = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "Chromium did not finish within a minute");
            return (process.ExitCode, dom, error.Result);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
