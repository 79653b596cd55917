using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LeadScoring.Engine;
using LeadScoring.Workbench;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.ModelFiles;
using LeadScoring.Workbench.Simulation;

namespace LeadScoring.Tests.Reliability;

/// <summary>
/// A hostile file, at the byte level: the four readers get valid files damaged byte by byte —
/// invalid UTF-8, encoded surrogates, lone surrogate escapes ("\ud800"), NUL, ANSI escapes, byte
/// order marks in the middle, truncation. Each damaged file either loads or fails with one
/// WorkbenchException: one line that starts with the file's name, and names the line and column
/// when the bytes are not UTF-8. Mutating .NET strings cannot produce most of these inputs.
/// </summary>
public class ByteFuzzTests
{
    public const int CasesPerReader = 2500;

    private static readonly byte[][] Poison =
    {
        new byte[] { 0xFF }, new byte[] { 0xFE }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xE2, 0x82 },
        new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0x80 }, new byte[] { 0x00 }, new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0x0D },
        Encoding.ASCII.GetBytes("\\ud800"), Encoding.ASCII.GetBytes("\\udc00\\ud800"), Encoding.ASCII.GetBytes("\u001b[31m"), Encoding.ASCII.GetBytes("\"\\u0000\""),
        Encoding.UTF8.GetBytes("\u202E"), Encoding.ASCII.GetBytes("\",\""), Encoding.ASCII.GetBytes("\n"),
    };

    public static TheoryData<string> Readers => new() { "model", "events", "leads", "outcomes" };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Every_damaged_file_loads_or_is_refused_with_one_line_naming_the_file(string reader)
    {
        var (source, valid, read) = Reader(reader);
        read(valid); // the undamaged sample loads
        var escaped = new List<string>();
        int refused = 0;
        for (int seed = 1; seed <= CasesPerReader; seed++)
        {
            var bytes = Mutate(new Random(seed), valid);
            try
            {
                read(bytes);
            }
            catch (WorkbenchException e)
            {
                refused++;
                bool notUtf8 = WorkbenchFiles.FirstInvalidUtf8(bytes, 0) >= 0;
                bool clear = e.Message.StartsWith(source, StringComparison.Ordinal) && !e.Message.Contains('\n', StringComparison.Ordinal)
                    && (!notUtf8 || (e.Message.Contains(", line ", StringComparison.Ordinal) && e.Message.Contains(", column ", StringComparison.Ordinal)));
                if (!clear)
                {
                    escaped.Add($"seed {seed}: unclear message: {e.Message}");
                }
            }
            catch (Exception e)
            {
                escaped.Add($"seed {seed}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(escaped.Count == 0, string.Join(Environment.NewLine, escaped.Take(10)));
        Assert.InRange(refused, CasesPerReader / 4, CasesPerReader); // the damage mostly hits
    }

    [Theory]
    [InlineData("{\"name\": \"\\ud800\"}", "line 1, column 10")]
    [InlineData("{\"name\":\n \"a\u00FF\"}", "line 2, column 4")]
    public void A_lone_surrogate_escape_or_an_invalid_byte_is_named_by_line_and_column(string text, string where)
    {
        var bytes = Encoding.Latin1.GetBytes(text); // ÿ becomes the single byte 0xFF, invalid in UTF-8
        var e = Assert.Throws<WorkbenchException>(() => ModelFile.Parse(bytes, "hostile.json"));
        Assert.StartsWith("hostile.json, " + where + ": ", e.Message, StringComparison.Ordinal);
    }

    private static (string Source, byte[] Valid, Action<byte[]> Read) Reader(string reader)
    {
        string Sample(string file, int lines) =>
            string.Join("\n", File.ReadLines(Path.Combine(RepositoryRoot.Path, "samples", file)).Take(lines)) + "\n";

        switch (reader)
        {
            case "model":
                return ("model.json", Encoding.UTF8.GetBytes(ModelFile.ToJson(Engine.SampleModels.Default)), bytes => ModelValidator.Validate(ModelFile.Parse(bytes, "model.json")));
            case "events":
                return ("events.jsonl", Encoding.UTF8.GetBytes(Sample("demo/events.jsonl", 40)), bytes => EventsFile.Parse(bytes, "events.jsonl"));
            case "leads":
                return ("leads.csv", Encoding.UTF8.GetBytes(Sample("x-education/leads-train.csv", 30)), bytes =>
                {
                    var table = LeadsTable.Parse(bytes, "leads.csv", new[] { "Select" });
                    table.Outcomes(table.Column("Converted"));
                }
                );
            default:
                return ("outcomes.csv", Encoding.UTF8.GetBytes(Sample("demo/outcomes.csv", 40)), bytes =>
                {
                    var table = LeadsTable.Parse(bytes, "outcomes.csv", Array.Empty<string>());
                    table.Outcomes(table.Column("converted"));
                }
                );
        }
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = new List<byte>(valid);
        for (int edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at)); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, Poison[random.Next(Poison.Length)]); break;
            }
        }

        return bytes.ToArray();
    }
}
