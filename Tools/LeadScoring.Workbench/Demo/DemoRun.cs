using System;
using System.Globalization;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.Commands;
using LeadScoring.Workbench.ModelFiles;
using LeadScoring.Workbench.Simulation;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LeadScoring.Workbench.Demo
{
    /// <summary>A demo lead: what the plug-ins left on it, who it is, and whether it bought.</summary>
    internal sealed record DemoLead(SimulatedLead Result, string Name, string Company, string JobTitle, bool Open, DateTime? SalesReadyOn, bool Converted);

    /// <summary>What the demo shows: the model, the history's span, every lead, the lead whose story it tells and the model's quality (with each lead's score just before its outcome, in the order of Leads).</summary>
    internal sealed record DemoResult(
        ScoringModel Model,
        History History,
        IReadOnlyList<DemoLead> Leads,
        DemoLead Story,
        BacktestReport Quality,
        IReadOnlyList<LeadScore> QualityScores,
        TimeSpan Elapsed)
    {
        /// <summary>Open leads the plug-ins put in Marketing Qualified, best first: the sales team's queue.</summary>
        public IReadOnlyList<DemoLead> SalesReady => Leads.Where(l => l.Result.SalesReady).OrderByDescending(l => l.Result.Score).ThenBy(l => l.Result.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Runs the bundled demo: the sample model and six months of history (embedded in the tool, so
    /// it runs from a fresh clone and from an installed tool alike) replayed through the plug-ins,
    /// then measured against the outcomes.
    /// </summary>
    internal static class DemoRun
    {
        /// <summary>How the demo measures model quality, said under its figures.</summary>
        public const string QualityNote = "Each lead is scored just before its outcome was known (its first qualify, disqualify or hand-back, or the day it bought), as backtest does by default; it reached the sales-ready line when it was in Marketing Qualified, and open, at that moment.";

        public static DemoResult Run(IAnsiConsole console)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var model = ModelFile.Parse(Resource("model.json"), "model.json");
            ModelValidator.EnsureValid(model);
            var history = EventsFile.Parse(new StringReader(Encoding.UTF8.GetString(Resource("events.jsonl"))), "events.jsonl");
            var outcomes = LeadsTable.Parse(Encoding.UTF8.GetString(Resource("outcomes.csv")), "outcomes.csv", Array.Empty<string>());
            var converted = outcomes.Outcomes(outcomes.Column("converted"));
            var buyers = outcomes.Rows.Select((row, i) => (Id: row[outcomes.Column("id")], Converted: converted[i])).ToDictionary(o => o.Id, o => o.Converted, StringComparer.Ordinal);

            var replay = ConsoleProgress.Run(console, "Replaying six months of leads through the plug-ins", history.Events.Count, step => Replay.Run(model, history, null, step));
            var leads = replay.Leads().Select(result => Describe(replay, result, buyers[result.Id])).ToList();
            // Model quality as backtest measures a history by default: each lead just before its outcome was known.
            int on = outcomes.Column("converted_on");
            var dates = outcomes.Rows.Where(r => r[on].Length > 0)
                .ToDictionary(r => r[outcomes.Column("id")], r => DateTime.Parse(r[on], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), StringComparer.Ordinal);
            var moments = OutcomeMoments.Find(history, dates);
            var scores = leads.Select(l => moments.TryGetValue(l.Result.Id, out var moment)
                ? OutcomeMoments.Before(l.Result, replay.StageChanges, moment, model)
                : l.Result.ToLeadScore()).ToList();
            var quality = Backtest.Measure(model, scores, leads.Select(l => l.Converted).ToArray(), history.Source);
            return new DemoResult(model, history, leads, PickStory(leads), quality, scores, watch.Elapsed);
        }

        /// <summary>A lead whose ledger has points going up, a decay and a hand-back; among those, the shortest story of at least six events.</summary>
        public static DemoLead PickStory(IReadOnlyList<DemoLead> leads)
        {
            bool Tells(DemoLead lead) =>
                lead.Result.Events.Any(e => e.Kind == "rule" && e.Points > 0) && lead.Result.Events.Any(e => e.Kind == "decay") && lead.Result.Events.Any(e => e.Kind == "handBack");
            return leads.Where(Tells).OrderBy(l => l.Result.Events.Count < 6 ? 1 : 0).ThenBy(l => l.Result.Events.Count).ThenBy(l => l.Result.Id, StringComparer.Ordinal).FirstOrDefault()
                ?? leads.OrderByDescending(l => l.Result.Events.Select(e => e.Kind).Distinct().Count()).ThenBy(l => l.Result.Id, StringComparer.Ordinal).First();
        }

        private static DemoLead Describe(Replay replay, SimulatedLead result, bool converted)
        {
            var row = replay.Organization.Lead(StableIds.For(LeadColumns.Table, result.Id));
            return new DemoLead(
                result,
                $"{row.GetAttributeValue<string>("firstname")} {row.GetAttributeValue<string>("lastname")}".Trim(),
                row.GetAttributeValue<string>("companyname") ?? "",
                row.GetAttributeValue<string>("jobtitle") ?? "",
                (row.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode)?.Value ?? 0) == 0,
                row.GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn),
                converted);
        }

        private static byte[] Resource(string name)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LeadScoring.Workbench.Demo." + name)
                ?? throw new InvalidOperationException($"The workbench was built without the demo's {name} (samples/demo/{name}).");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
