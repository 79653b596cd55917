using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Workbench.Emulation;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Workbench.Simulation
{
    /// <summary>
    /// Replays a history through the real plug-ins: an emulated org with the model active, the clock
    /// set to each event's time, rows created and updated as the sales rep (the registered steps
    /// score them), hand-backs and adjustments through their Custom APIs, decay through
    /// ls_ApplyScoreDecay page by page, a new model version as an admin activates it. The leads are then read back as the plug-ins left them.
    /// </summary>
    internal sealed class Replay
    {
        private const int DecayPageSize = 1000;
        private readonly History _history;
        private int _jobsSeen;

        private Replay(ScoringModel model, History history)
        {
            _history = history;
            Organization = new ScoringOrganization(model, history.Events[0].At, history.CustomColumns());
        }

        public ScoringOrganization Organization { get; }

        /// <summary>
        /// Every lifecycle stage a lead of the file entered, in time order (its first stage included, from ""):
        /// the ls_stagechange rows the plug-ins wrote in the org, the very rows the dashboard's charts count.
        /// </summary>
        public IReadOnlyList<StageChange> StageChanges
        {
            get
            {
                var ids = _history.Leads.ToDictionary(id => StableIds.For(LeadColumns.Table, id), id => id);
                return Organization.Org.GetRows(StageChangeColumns.Table)
                    .Select(row => (Lead: row.GetAttributeValue<EntityReference>(StageChangeColumns.LeadId)?.Id ?? Guid.Empty, Entry: LeadScoring.Dataverse.StageChanges.FromRow(row),
                        Version: row.GetAttributeValue<int?>(StageChangeColumns.ModelVersion) ?? 0, Written: Convert.ToInt64(row["versionnumber"], System.Globalization.CultureInfo.InvariantCulture)))
                    .Where(r => ids.ContainsKey(r.Lead))
                    .OrderBy(r => r.Entry.EnteredOn).ThenBy(r => r.Written) // two changes of one moment in the order they were written
                    .Select(r => new StageChange(ids[r.Lead], r.Entry.EnteredOn, r.Entry.From is LifecycleStage from ? Lifecycle.StageName(from) : "", Lifecycle.StageName(r.Entry.To), r.Version))
                    .ToList();
            }
        }

        /// <param name="asOf">When given, decay runs once more as of this moment after the last event.</param>
        /// <param name="progress">Told how many events have run, after each one.</param>
        public static Replay Run(ScoringModel model, History history, DateTime? asOf = null, Action<int>? progress = null)
        {
            var replay = new Replay(model, history);
            for (int i = 0; i < history.Events.Count; i++)
            {
                replay.Apply(history.Events[i]);
                progress?.Invoke(i + 1);
                if (i % 500 == 499)
                {
                    replay.Organization.Org.ResetDiagnostics(); // the records of plug-in runs are not needed here, and a long history would pile them up
                }
            }

            if (asOf is DateTime end)
            {
                if (end < history.LastAt)
                {
                    throw new WorkbenchException($"--as-of {EventsFile.Iso(end)} is before the last event of {history.Source} ({EventsFile.Iso(history.LastAt!.Value)})");
                }

                replay.Organization.Org.Clock.Set(end);
                replay.Decay(end);
            }

            return replay;
        }

        /// <summary>Every lead of the file, in order of first appearance, as the plug-ins left it.</summary>
        public IReadOnlyList<SimulatedLead> Leads()
        {
            var ledger = Organization.Org.GetRows(ScoreEventColumns.Table)
                .GroupBy(e => e.GetAttributeValue<EntityReference>(ScoreEventColumns.LeadId)?.Id ?? Guid.Empty)
                .ToDictionary(g => g.Key, g => g.ToList());
            return _history.Leads.Select(id =>
            {
                var guid = StableIds.For(LeadColumns.Table, id);
                var lead = Organization.Lead(guid);
                var events = ledger.TryGetValue(guid, out var rows) ? rows : new List<Entity>();
                return new SimulatedLead(
                    id,
                    lead.GetAttributeValue<int?>(LeadColumns.Score) ?? 0,
                    lead.GetAttributeValue<int?>(LeadColumns.FitScore) ?? 0,
                    lead.GetAttributeValue<int?>(LeadColumns.EngagementScore) ?? 0,
                    lead.GetAttributeValue<string>(LeadColumns.Grade) ?? "",
                    Lifecycle.StageName(LeadRecord.Stage(lead.GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage)) ?? LifecycleStage.New),
                    lead.GetAttributeValue<int?>(LeadColumns.HandBackCount) ?? 0,
                    events.Select(row => Ledger.FromRow(guid, row))
                        .OrderBy(e => e.OccurredOn)
                        .Select(e => new SimulatedEvent(e.OccurredOn, SimulatedLead.KindName(e.Kind), e.RuleId, e.Points, e.Reason) { Category = e.Category })
                        .ToList())
                {
                    Open = (lead.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode)?.Value ?? 0) == 0,
                    SalesReadyOn = lead.GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn),
                };
            }).ToList();
        }

        private void Apply(HistoryEvent item)
        {
            Organization.Org.Clock.Set(item.At);
            try
            {
                switch (item.Op)
                {
                    case HistoryOp.Create:
                        var row = new Entity(item.Table, StableIds.For(item.Table, item.Id));
                        Organization.Create(row, item.Columns.Select(c => (c.Key, c.Value)).ToArray());
                        break;
                    case HistoryOp.Update:
                        Organization.Update(item.Table, StableIds.For(item.Table, item.Id), item.Columns.Select(c => (c.Key, c.Value)).ToArray());
                        break;
                    case HistoryOp.HandBack:
                        Organization.Call(CustomApi.HandBackLead, LeadId(item), parameters: (CustomApi.Reason, item.Reason));
                        break;
                    case HistoryOp.Adjust:
                        Organization.Call(CustomApi.AdjustLeadScore, LeadId(item), Organization.Admin, parameters: new (string, object?)[] { (CustomApi.Points, item.Points), (CustomApi.Reason, item.Reason) });
                        break;
                    case HistoryOp.Activate:
                        Organization.CreateAndActivate(item.Model!); // imported as a draft, approved by marketing and sales, activated; the activation step recalculates
                        break;
                    case HistoryOp.Record:
                        Organization.Call(CustomApi.RecordInteraction, null, Organization.Integration, item.Columns.Select(c => (c.Key, c.Value)).ToArray());
                        break;
                    default:
                        Decay(item.At);
                        break;
                }
            }
            catch (Exception e) when (e is InvalidPluginExecutionException or ScoringException or FaultException or InvalidOperationException)
            {
                throw new WorkbenchException($"{_history.Source}, line {item.Line}: the {Word(item.Op)} was refused: {OneLine(e.Message)}", e);
            }

            var jobs = Organization.Org.SystemJobs;
            for (; _jobsSeen < jobs.Count; _jobsSeen++)
            {
                if (jobs[_jobsSeen].Status == Emulator.SystemJobStatus.Failed)
                {
                    throw new WorkbenchException($"{_history.Source}, line {item.Line}: the step '{jobs[_jobsSeen].StepName}' failed: {OneLine(jobs[_jobsSeen].Message ?? "")}");
                }
            }
        }

        /// <summary>The decay job as the nightly flow runs it: ls_ApplyScoreDecay page after page until the continuation comes back empty.</summary>
        private void Decay(DateTime asOf)
        {
            string continuation = "";
            do
            {
                var page = Organization.Call(CustomApi.ApplyScoreDecay, null, Organization.Admin,
                    (CustomApi.AsOf, asOf), (CustomApi.PageSize, DecayPageSize), (CustomApi.Continuation, continuation));
                continuation = (string?)page[CustomApi.Continuation] ?? "";
            }
            while (continuation.Length > 0);
        }

        private static Guid LeadId(HistoryEvent item) => StableIds.For(LeadColumns.Table, item.Id);

        private static string Word(HistoryOp op) => op switch
        {
            HistoryOp.HandBack => "hand-back",
            HistoryOp.Adjust => "adjustment",
            HistoryOp.Activate => "activation",
            HistoryOp.Record => "recorded interaction",
            _ => op.ToString().ToLowerInvariant(),
        };

        private static string OneLine(string message) => string.Join(" ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}
