using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using LeadScoring.Tests.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Several asynchronous scoring jobs for one lead that run at once: one job's lead write is
/// interleaved with whole other jobs (the emulator runs them from inside its service call), so
/// the first job's row version is stale when it writes. No points may be lost or counted twice.
/// </summary>
public class ConcurrencyTests
{
    [Fact]
    public void Two_downloads_scored_at_once_both_count()
    {
        var org = new ScoringOrganization();
        var lead = org.CreateLead(("lastname", "Doe"));
        QueueDownload(org, lead);
        QueueDownload(org, lead);
        var jobs = org.Org.PendingJobs.ToList();
        var interleaved = false;
        org.Org.FailCalls(call =>
        {
            if (!interleaved && call.MessageName == "Update" && call.Table == LeadColumns.Table && call.FromExecution?.StepName == jobs[0].StepName)
            {
                interleaved = true;
                org.Org.RunJob(jobs[1]); // the other job runs while this one is between its read and its write
            }

            return false;
        }, new InvalidOperationException("never thrown"));

        org.Org.RunJob(jobs[0]);

        Assert.True(interleaved);
        Assert.Equal(60, org.Score(lead));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
        Assert.Contains(org.Org.Executions.SelectMany(e => e.Traces), t => t.Contains("changed while it was scored", StringComparison.Ordinal));
    }

    /// <summary>4 seeds × 260 = 1,040 random interleavings in all.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_interleavings_of_many_event_streams_lose_no_points(int seed)
    {
        const int Interleavings = 260;
        var random = new Random(seed);
        for (var run = 0; run < Interleavings; run++)
        {
            var org = new ScoringOrganization();
            var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
            var streams = random.Next(2, 6);
            for (var i = 0; i < streams; i++)
            {
                if (random.Next(3) == 0)
                {
                    org.As(org.SalesRep).Create(Email(lead));
                }
                else
                {
                    QueueDownload(org, lead);
                }
            }

            RunInterleaved(org, random);
            Assert.All(org.Org.SystemJobs, j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
            var row = org.Lead(lead);
            var events = org.Events(lead);
            Assert.Equal(events.Sum(e => e.GetAttributeValue<int>(ScoreEventColumns.Points)), row.GetAttributeValue<int>(LeadColumns.Score));
            var downloads = org.Org.GetRows(InteractionColumns.Table).Count;
            Assert.Equal(30 * downloads, events.Where(e => e.GetAttributeValue<string>(ScoreEventColumns.RuleKey) == "whitepaper").Sum(e => e.GetAttributeValue<int>(ScoreEventColumns.Points)));
        }
    }

    /// <summary>
    /// Six downloads of one lead, each its own asynchronous job, run in 200 random interleavings
    /// against a limited rule: maxTimes 3 gives exactly 3 awards every time; oncePerDays 7 with
    /// three downloads in each of two weeks (Monday to Sunday) exactly 2. Redelivering every job
    /// afterwards adds nothing, and the exact recalculation keeps the same awards.
    /// </summary>
    [Theory]
    [InlineData(LimitType.MaxTimes, 3, 3)]
    [InlineData(LimitType.OncePerDays, 7, 2)]
    public void A_limited_rule_awards_exactly_its_limit_however_jobs_interleave(LimitType limit, int value, int expectedAwards)
    {
        const int Interleavings = 200;
        var model = SampleModels.Default with { Rules = [SampleModels.Whitepaper with { Limit = new RuleLimit(limit, value) }] };
        var monday = new DateTime(2026, 4, 13, 9, 0, 0, DateTimeKind.Utc);
        var random = new Random(7);
        var counts = new List<int>();
        for (var run = 0; run < Interleavings; run++)
        {
            var org = new ScoringOrganization(model);
            var lead = org.CreateLead(("lastname", "Doe"));
            foreach (var day in new[] { 0, 1, 2, 7, 8, 9 })
            {
                QueueDownload(org, lead, monday.AddDays(day));
            }

            RunInterleaved(org, random);
            var awards = org.Events(lead).Where(e => e.GetAttributeValue<string>(ScoreEventColumns.RuleKey) == "whitepaper").ToList();
            counts.Add(awards.Count);
            Assert.All(org.Org.SystemJobs, j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
            Assert.Equal(org.SumOfEvents(lead), org.Score(lead));

            var rows = org.Events(lead).Count;
            foreach (var job in org.Org.SystemJobs.Where(j => j.PrimaryEntityName == InteractionColumns.Table).ToList())
            {
                org.Org.RedeliverJob(job);
            }

            org.Call(CustomApi.RecalculateLeadScore, lead, org.Admin);
            Assert.Equal(rows, org.Events(lead).Count);
            Assert.Equal(30 * expectedAwards, org.Score(lead));
        }

        Assert.All(counts, c => Assert.Equal(expectedAwards, c));
    }

    /// <summary>
    /// At a random service call of a running job, another queued job runs to its end; then the rest
    /// run in a random order, and what the scoring writes themselves queued.
    /// </summary>
    private static void RunInterleaved(ScoringOrganization org, Random random)
    {
        var pending = new Queue<SystemJob>(org.Org.PendingJobs.OrderBy(_ => random.Next()));
        org.Org.FailCalls(call =>
        {
            if (pending.Count > 0 && call.FromExecution != null && random.Next(4) == 0)
            {
                var next = pending.Dequeue();
                if (next.Status == SystemJobStatus.Waiting)
                {
                    org.Org.RunJob(next);
                }
            }

            return false;
        }, new InvalidOperationException("never thrown"));
        while (pending.Count > 0)
        {
            var job = pending.Dequeue();
            if (job.Status == SystemJobStatus.Waiting)
            {
                org.Org.RunJob(job);
            }
        }

        org.Org.DrainAsyncQueue();
    }

    private static void QueueDownload(ScoringOrganization org, Guid lead, DateTime occurredOn) =>
        org.As(org.Writer(InteractionColumns.Table)).Create(new Entity(InteractionColumns.Table)
        {
            [InteractionColumns.Name] = "Whitepaper",
            [InteractionColumns.Type] = new OptionSetValue(InteractionTypeValues.AssetDownload),
            [InteractionColumns.LeadId] = new EntityReference(LeadColumns.Table, lead),
            [InteractionColumns.OccurredOn] = occurredOn,
        });

    private static void QueueDownload(ScoringOrganization org, Guid lead) =>
        org.As(org.Writer(InteractionColumns.Table)).Create(new Entity(InteractionColumns.Table)
        {
            [InteractionColumns.Name] = "Whitepaper",
            [InteractionColumns.Type] = new OptionSetValue(InteractionTypeValues.AssetDownload),
            [InteractionColumns.LeadId] = new EntityReference(LeadColumns.Table, lead),
        });

    private static Entity Email(Guid lead) => new(EmailColumns.Table)
    {
        ["subject"] = "Hello",
        [EmailColumns.DirectionCode] = true,
        [EmailColumns.StatusCode] = new OptionSetValue(EmailColumns.StatusSent),
        [EmailColumns.RegardingObjectId] = new EntityReference(LeadColumns.Table, lead),
    };
}
