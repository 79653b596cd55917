using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadScoring.Workbench;
using LeadScoring.Workbench.Simulation;

namespace LeadScoring.Tests.Reliability;

/// <summary>
/// The events reader under random damage: every mutation of a valid history either reads or fails
/// with one WorkbenchException naming the file; nothing else escapes.
/// </summary>
public class EventsFileFuzzTests
{
    private static readonly string Sample = string.Join("\n", File.ReadLines(Path.Combine(RepositoryRoot.Path, "samples", "demo", "events.jsonl")).Take(60));

    [Property(MaxTest = 2000)]
    public Property A_damaged_events_file_reads_or_fails_with_a_clear_error(PositiveInt seed)
    {
        var text = Mutate(new Random(seed.Get), Sample);
        try
        {
            EventsFile.Parse(new StringReader(text), "fuzz.jsonl");
            return true.ToProperty();
        }
        catch (WorkbenchException e)
        {
            return e.Message.Contains("fuzz.jsonl", StringComparison.Ordinal).Label("message without the file name: " + e.Message);
        }
    }

    [Fact]
    public void The_sample_reads_and_most_damage_is_caught()
    {
        EventsFile.Parse(new StringReader(Sample), "sample.jsonl");
        var caught = Enumerable.Range(1, 200).Count(seed =>
        {
            try
            {
                EventsFile.Parse(new StringReader(Mutate(new Random(seed), Sample)), "fuzz.jsonl");
                return false;
            }
            catch (WorkbenchException)
            {
                return true;
            }
        });

        Assert.InRange(caught, 50, 200);
    }

    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        for (var i = random.Next(1, 4); i > 0 && builder.Length > 0; i--)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0: builder.Remove(at, Math.Min(random.Next(1, 30), builder.Length - at)); break;
                case 1: builder.Insert(at, Pick(random, "{", "}", "\"", ",", "\n", "null", "\"at\":\"yesterday\"", "🚀", "\u0000", "1e999")); break;
                case 2: builder[at] = (char)random.Next(32, 127); break;
                case 3: builder.Replace("\"op\":\"create\"", "\"op\":\"" + Pick(random, "upsert", "", "handback", "decay") + "\""); break;
                case 4: builder.Replace("2026-01-0", Pick(random, "2025-13-0", "2026-01-0", "1999-01-0")); break;
                default: builder.Replace("\"ls_leadid\":\"L", "\"ls_leadid\":\"" + Pick(random, "X", "", "L")); break;
            }
        }

        return builder.ToString();
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}
