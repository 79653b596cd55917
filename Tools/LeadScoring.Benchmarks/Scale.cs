using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Benchmarks
{
    /// <summary>
    /// Scale runs through the real plug-ins on the emulator (issue 9). Not part of the test suite.
    /// replay: N events over M seeded leads, each saved through the organization service so the
    /// registered steps score it (the async queue drained after each). decay: M seeded leads, each
    /// due two decay debits, and ls_ApplyScoreDecay called page by page until its Continuation is empty.
    /// Prints a line per tenth of the run and a summary; the figures go to docs/benchmarks.md.
    /// </summary>
    internal static class Scale
    {
        private static readonly DateTime Start = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

        public static int Run(string[] args)
        {
            var mode = args.FirstOrDefault();
            var options = Options(args.Skip(1));
            switch (mode)
            {
                case "replay":
                    Replay(Int(options, "leads", 100_000), Int(options, "events", 1_000_000), Int(options, "rules", 50));
                    return 0;
                case "decay":
                    Decay(Int(options, "leads", 100_000), Int(options, "page-size", DecayJob.DefaultPageSize), recalculate: false);
                    return 0;
                case "recalculate":
                    Decay(Int(options, "leads", 100_000), Int(options, "page-size", DecayJob.DefaultPageSize), recalculate: true);
                    return 0;
                default:
                    Console.Error.WriteLine("scale replay --leads M --events N [--rules R] | scale decay --leads M [--page-size P] | scale recalculate --leads M [--page-size P]");
                    return 2;
            }
        }

        private static void Replay(int leadCount, int eventCount, int rules)
        {
            var setup = Stopwatch.StartNew();
            var scale = new ScaleOrganization(Workloads.Model(rules), Start);
            var org = scale.Org;
            var service = org.ServiceAs(scale.SalesRep);
            var leads = new Guid[leadCount];
            for (var i = 0; i < leadCount; i++)
            {
                var row = new Entity(LeadColumns.Table);
                foreach (var pair in Workloads.LeadColumns(i))
                {
                    row[pair.Key] = pair.Value is decimal d ? (object)(int)d : pair.Value;
                }

                leads[i] = org.Seed(row);
            }

            Console.WriteLine("replay: {0:N0} events over {1:N0} leads, model of {2} rules; setup {3:N1} s", eventCount, leadCount, rules, setup.Elapsed.TotalSeconds);
            Header("events");
            var random = new Random(42);
            var sent = new List<(Guid Email, int Opens)>();
            var appointments = new List<Guid>();
            var run = new Progress(eventCount);
            for (var i = 1; i <= eventCount; i++)
            {
                org.Clock.Advance(TimeSpan.FromMilliseconds(100)); // a busy org: 10 events a second
                var lead = new EntityReference(LeadColumns.Table, leads[random.Next(leadCount)]);
                var roll = random.Next(100);
                if (roll < 30 || (roll < 65 && sent.Count == 0))
                {
                    var email = new Entity(EmailColumns.Table);
                    email["subject"] = "Campaign " + Number(random.Next(10)) + ": news";
                    email[EmailColumns.DirectionCode] = true;
                    email[EmailColumns.StatusCode] = new OptionSetValue(EmailColumns.StatusSent);
                    email[EmailColumns.RegardingObjectId] = lead;
                    sent.Add((service.Create(email), 0));
                    if (sent.Count > 5000)
                    {
                        sent.RemoveRange(0, 1000);
                    }
                }
                else if (roll < 65)
                {
                    var pick = sent.Count - 1 - random.Next(Math.Min(sent.Count, 1000));
                    var (id, opens) = sent[pick];
                    var update = new Entity(EmailColumns.Table, id);
                    update[roll < 55 ? EmailColumns.OpenCount : EmailColumns.LinksClickedCount] = opens + 1;
                    sent[pick] = (id, opens + 1);
                    service.Update(update);
                }
                else if (roll < 85)
                {
                    var interaction = new Entity(InteractionColumns.Table);
                    interaction[InteractionColumns.Name] = "Interaction";
                    interaction[InteractionColumns.Type] = new OptionSetValue(random.Next(Workloads.InteractionTypes));
                    interaction[InteractionColumns.LeadId] = lead;
                    interaction[InteractionColumns.OccurredOn] = org.Clock.UtcNow;
                    service.Create(interaction);
                }
                else if (roll < 90 || appointments.Count == 0)
                {
                    var appointment = new Entity(AppointmentColumns.Table);
                    appointment["subject"] = "Demo " + Number(random.Next(5));
                    appointment[AppointmentColumns.RegardingObjectId] = lead;
                    appointment[AppointmentColumns.StateCode] = new OptionSetValue(0);
                    appointments.Add(service.Create(appointment));
                }
                else if (roll < 95)
                {
                    var pick = random.Next(appointments.Count);
                    var completed = new Entity(AppointmentColumns.Table, appointments[pick]);
                    completed[AppointmentColumns.StateCode] = new OptionSetValue(1);
                    completed[AppointmentColumns.StatusCode] = new OptionSetValue(3);
                    service.Update(completed);
                    appointments.RemoveAt(pick);
                }
                else
                {
                    var change = new Entity(LeadColumns.Table, lead.Id);
                    change["jobtitle"] = Workloads.JobTitles[random.Next(Workloads.JobTitles.Length)] + " of Marketing";
                    service.Update(change);
                }

                org.DrainAsyncQueue();
                Checkpoint(run, i, org);
            }

            Summary(run, org, "events", eventCount);
        }

        /// <summary>
        /// The decay job over seeded leads. decay: every lead scored by the active model and 40 days
        /// inactive, so two debits are due (after 30 days, then every 7). recalculate: no lead scored by
        /// the active model yet and none inactive, so each page recalculates its leads (what activating
        /// a model leaves to the job): the batch recalculation of 1,000,000 leads.
        /// </summary>
        private static void Decay(int leadCount, int pageSize, bool recalculate)
        {
            var setup = Stopwatch.StartNew();
            var scale = new ScaleOrganization(Workloads.Model(20), Start);
            var org = scale.Org;
            var lastEngagement = Start.AddDays(recalculate ? -2 : -40);
            var model = new EntityReference(ScoringModelColumns.Table, scale.ModelId);
            for (var i = 0; i < leadCount; i++)
            {
                var lead = new Entity(LeadColumns.Table);
                lead["lastname"] = "Lead " + Number(i);
                lead["jobtitle"] = Workloads.JobTitles[i % Workloads.JobTitles.Length] + " of Sales";
                lead[LeadColumns.FitScore] = 0;
                lead[LeadColumns.EngagementScore] = 30;
                lead[LeadColumns.Score] = 30;
                lead[LeadColumns.Grade] = "C3";
                lead[LeadColumns.LifecycleStage] = new OptionSetValue(LifecycleStageValues.Engaged);
                lead[LeadColumns.LastEngagementOn] = lastEngagement;
                lead[LeadColumns.NextScoreChangeOn] = lastEngagement.AddDays(30); // the first debit of the model's decay (30 inactive days), as scoring would have kept it
                if (!recalculate)
                {
                    lead[LeadColumns.ScoringModelId] = model;
                }

                var id = org.Seed(lead);
                org.Seed(Ledger.ToRow(id, new ScoreEvent
                {
                    Key = EventKeys.OncePerRecord("seed", LeadColumns.Table, Number(i)),
                    Kind = ScoreEventKind.Rule,
                    Category = Category.Engagement,
                    Points = 30,
                    RuleId = "seed",
                    Reason = "Seeded engagement",
                    SourceTable = "lead",
                    SourceId = id.ToString("D"),
                    OccurredOn = lastEngagement,
                    ModelVersion = 1,
                }));
            }

            Console.WriteLine("{0}: {1:N0} leads, page size {2}, ls_ApplyScoreDecay; setup {3:N1} s", recalculate ? "recalculate" : "decay", leadCount, pageSize, setup.Elapsed.TotalSeconds);
            Header("leads");
            var service = org.ServiceAs(scale.Admin);
            var callsBefore = org.TotalCalls;
            var run = new Progress(leadCount);
            var processed = 0;
            var debited = 0L;
            var pages = 0;
            var continuation = "";
            do
            {
                var request = new OrganizationRequest(CustomApi.ApplyScoreDecay);
                request[CustomApi.PageSize] = pageSize;
                request[CustomApi.Continuation] = continuation;
                var response = service.Execute(request);
                org.DrainAsyncQueue();
                pages++;
                var before = processed;
                processed += (int)response[CustomApi.LeadsProcessed];
                debited += (int)response[CustomApi.PointsDebited];
                continuation = (string)response[CustomApi.Continuation];
                for (var n = before + 1; n <= processed; n++)
                {
                    Checkpoint(run, n, org);
                }
            }
            while (continuation.Length > 0);

            Summary(run, org, "leads", processed);
            Console.WriteLine("pages {0:N0}; points debited {1:N0} ({2:N1} per lead); service calls per lead {3:N2} (the pages' own calls included, setup excluded)", pages, debited, debited / (double)Math.Max(1, processed), (org.TotalCalls - callsBefore) / (double)Math.Max(1, processed));
        }

        private sealed class Progress
        {
            public Progress(int total) => Total = total;

            public int Total { get; }

            public Stopwatch Watch { get; } = Stopwatch.StartNew();

            public TimeSpan LastElapsed { get; set; }

            /// <summary>CPU time of the process (all threads, the GC's too) when the run started: on a shared machine it says more than the wall clock.</summary>
            public TimeSpan CpuAtStart { get; } = CurrentCpu();

            public TimeSpan LastCpu { get; set; }

            public TimeSpan PauseAtStart { get; } = GC.GetTotalPauseDuration();

            public int LastCount { get; set; }

            public long LastCalls { get; set; }
        }

        private static void Header(string unit) =>
            Console.WriteLine("| {0} | elapsed s | CPU s | {0}/s (this tenth) | {0} per CPU s (this tenth) | service calls per {1} | working set MB | managed heap MB | GC pause s | score events |", unit, unit.TrimEnd('s'));

        private static void Checkpoint(Progress run, int done, Emulator.EmulatedOrganization org)
        {
            if (done % 10_000 == 0)
            {
                // Keep the data, not the history: the diagnostics of every execution would otherwise grow with the run.
                org.ResetDiagnostics();
                org.ForgetFinishedJobs();
            }

            var tenth = Math.Max(1, run.Total / 10);
            if (done % tenth != 0 && done != run.Total)
            {
                return;
            }

            var elapsed = run.Watch.Elapsed;
            var rate = (done - run.LastCount) / Math.Max(1e-9, (elapsed - run.LastElapsed).TotalSeconds);
            var calls = (org.TotalCalls - run.LastCalls) / (double)Math.Max(1, done - run.LastCount);
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime - run.CpuAtStart;
            var cpuRate = (done - run.LastCount) / Math.Max(1e-9, (cpu - run.LastCpu).TotalSeconds);
            Console.WriteLine("| {0:N0} | {1:N1} | {2:N1} | {3:N0} | {4:N0} | {5:N2} | {6:N0} | {7:N0} | {8:N1} | {9:N0} |", done, elapsed.TotalSeconds, cpu.TotalSeconds, rate, cpuRate, calls, process.WorkingSet64 / 1e6, GC.GetTotalMemory(false) / 1e6, (GC.GetTotalPauseDuration() - run.PauseAtStart).TotalSeconds, org.RowCount(ScoreEventColumns.Table));
            run.LastCpu = cpu;
            run.LastElapsed = elapsed;
            run.LastCount = done;
            run.LastCalls = org.TotalCalls;
        }

        private static void Summary(Progress run, Emulator.EmulatedOrganization org, string unit, int count)
        {
            var seconds = run.Watch.Elapsed.TotalSeconds;
            using var process = Process.GetCurrentProcess();
            var cpu = (process.TotalProcessorTime - run.CpuAtStart).TotalSeconds;
            var heapAfterFullGc = GC.GetTotalMemory(true);
            Console.WriteLine(
                "done: {0:N0} {1} in {2:N1} s = {3:N0} {1}/s ({8:N1} CPU s, {9:N0} {1} per CPU s; GC pauses {11:N1} s, {12} gen-2 collections); service calls {10:N0}; peak working set {4:N0} MB; managed heap after a full GC {5:N0} MB; score events {6:N0}; leads {7:N0}",
                count, unit, seconds, count / seconds, process.PeakWorkingSet64 / 1e6, heapAfterFullGc / 1e6, org.RowCount(ScoreEventColumns.Table), org.RowCount(LeadColumns.Table), cpu, count / cpu, org.TotalCalls, (GC.GetTotalPauseDuration() - run.PauseAtStart).TotalSeconds, GC.CollectionCount(2));
            Console.WriteLine("machine: {0} cores, {1}, .NET {2}", Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription, Environment.Version);
        }

        private static TimeSpan CurrentCpu()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }

        private static Dictionary<string, string> Options(IEnumerable<string> args)
        {
            var list = args.ToList();
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
                {
                    throw new ArgumentException("Expected --name value pairs; got '" + list[i] + "'.");
                }

                options[list[i][2..]] = list[++i];
            }

            return options;
        }

        private static int Int(Dictionary<string, string> options, string name, int fallback) =>
            options.TryGetValue(name, out var text) ? int.Parse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
