using System;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadScoring.Engine;
using LeadScoring.Workbench;
using LeadScoring.Workbench.ModelFiles;

namespace LeadScoring.Tests.Reliability;

/// <summary>
/// The model file loader under random damage: every mutation of a valid file either loads a
/// model or fails with one WorkbenchException whose message names the file; nothing else escapes.
/// </summary>
public class ModelFileFuzzTests
{
    private static readonly string Sample = ModelFile.ToJson(Engine.SampleModels.Default);

    [Property(MaxTest = 2000)]
    public Property A_damaged_model_file_loads_or_fails_with_a_clear_error(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var text = Mutate(random, Sample);
        try
        {
            var model = ModelFile.Parse(text, "fuzz.json");
            ModelValidator.Validate(model); // validation of whatever loaded must not throw either
            return true.ToProperty();
        }
        catch (WorkbenchException e)
        {
            return e.Message.Contains("fuzz.json", StringComparison.Ordinal).Label("message without the file name: " + e.Message);
        }
    }

    [Fact]
    public void The_sample_round_trips_and_the_mutations_hit_it()
    {
        Assert.Equal(Sample, ModelFile.ToJson(ModelFile.Parse(Sample, "sample.json")));
        foreach (var target in new[] { "\"points\": 20", "\"contains\"", "\"lead\"", "\"per\": \"record\"" })
        {
            Assert.Contains(target, Sample, StringComparison.Ordinal);
        }

        var failures = 0;
        for (var seed = 1; seed <= 200; seed++)
        {
            try
            {
                ModelFile.Parse(Mutate(new Random(seed), Sample), "fuzz.json");
            }
            catch (WorkbenchException)
            {
                failures++;
            }
        }

        Assert.InRange(failures, 50, 199); // most damage is caught, some is harmless
    }

    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(7))
            {
                case 0: builder.Remove(at, Math.Min(random.Next(1, 20), builder.Length - at)); break;
                case 1: builder.Insert(at, Pick(random, "{", "}", "[", "]", ",", ":", "\"", "null", "-1", "1e309", "\"x\"", "true", "\u0000", "🚀", "99999999999999999999")); break;
                case 2: builder[at] = (char)random.Next(32, 127); break;
                case 3: builder.Replace("\"points\": 20", "\"points\": " + Pick(random, "\"20\"", "2147483648", "-0", "20.5", "null", "[]")); break;
                case 4: builder.Replace("\"contains\"", Pick(random, "\"containz\"", "\"between\"", "\"in\"", "\"exists\"")); break;
                case 5: builder.Replace("\"lead\"", Pick(random, "\"webpage\"", "\"\"", "null", "\"LEAD\"")); break;
                default: builder.Replace("\"per\": \"record\"", Pick(random, "\"per\": \"day\"", "\"maxTimes\": 0", "\"oncePerDays\": -5", "\"per\": 1")); break;
            }
        }

        return builder.ToString();
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}
