using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadScoring.Engine;
using LeadScoring.Workbench.ModelFiles;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// A backtest's conversion by grade, in the form kept with the model version (ls_gradeconversion): backtest
    /// --json writes it as "gradeConversion", and model import --backtest stores it with the model it imports.
    /// </summary>
    internal static class GradeConversions
    {
        public static GradeConversion FromBacktest(BacktestReport report, DateTime measuredOn) =>
            new("backtest", DateTime.SpecifyKind(measuredOn.Date, DateTimeKind.Utc), report.Leads, report.Grades.Select(g => new GradeOutcome(g.Grade, g.Leads, g.Converted)).ToArray());

        /// <summary>The backtest report as JSON with its "gradeConversion" added.</summary>
        public static string ReportJson(BacktestReport report, JsonSerializerOptions options, DateTime measuredOn)
        {
            var json = JsonSerializer.SerializeToNode(report, options)!.AsObject();
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                ModelFileWriter.WriteGradeConversion(writer, FromBacktest(report, measuredOn));
            }

            json["gradeConversion"] = JsonNode.Parse(buffer.ToArray());
            return json.ToJsonString(options);
        }

        /// <summary>The "gradeConversion" of a file backtest --json wrote, checked to be a backtest of the model named.</summary>
        public static GradeConversion Read(string path, string modelName)
        {
            string file = Path.GetFileName(path);
            var bytes = WorkbenchFiles.ReadAllBytes(path, WorkbenchFiles.MaxModelBytes);
            int start = WorkbenchFiles.EnsureUtf8(bytes, file);
            var tree = JsonTree.Parse(start == 0 ? bytes : bytes[start..], file);
            var root = tree.Root as JsonObjectAt ?? throw tree.Error(tree.Root.Offset, $"{file}: expected the JSON object backtest --json writes");
            var model = root.Properties.FirstOrDefault(p => p.Name == "model")?.Value as JsonScalarAt;
            if (model?.Value is not string backtested || !string.Equals(backtested, modelName, StringComparison.Ordinal))
            {
                throw new WorkbenchException($"{file} is a backtest of the model '{model?.Value}', not of '{modelName}': backtest this model and import it with that report");
            }

            var conversion = root.Properties.FirstOrDefault(p => p.Name == "gradeConversion")?.Value
                ?? throw tree.Error(root.Offset, $"{file}: no 'gradeConversion' (write it with 'leadscoring backtest --json')");
            return new ModelFileReader(tree).ReadGradeConversion(conversion, $"{file}, field 'gradeConversion'");
        }

        public static string Describe(GradeConversion c) =>
            $"the {c.Source} of {c.MeasuredOn:yyyy-MM-dd} ({c.Leads} leads: " + string.Join(", ", c.Grades.Select(g => g.Grade + " " + Math.Round(g.ConversionRate * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%")) + ")";

    }
}
