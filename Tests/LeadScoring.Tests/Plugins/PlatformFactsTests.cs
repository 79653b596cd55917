using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>The product under the platform facts the emulator specifies (Emulator/KeyAndConcurrencySpecs).</summary>
public class PlatformFactsTests
{
    private readonly ScoringOrganization org = new();

    [Fact]
    public void The_ledger_skips_an_event_already_there_with_the_real_code_and_with_the_old_one()
    {
        // The ledger adapter against the bare table and its alternate key (the product's guard step only lets scoring write it).
        var bare = new EmulatedOrganization();
        bare.DefineAlternateKey(ScoreEventColumns.Table, ScoreEventColumns.AlternateKey, ScoreEventColumns.IdempotencyKey);
        var lead = Guid.NewGuid();
        var ledger = new Ledger(bare.Service);
        var scoreEvent = new ScoreEvent { Key = "adjust|request-1", Kind = ScoreEventKind.Adjustment, Points = 5, Reason = "test", OccurredOn = ScoringOrganization.Start };
        Assert.True(ledger.Append(lead, null, scoreEvent));

        // A real org answers DuplicateRecordEntityKey (0x80060892); older answers used DuplicateRecord (0x80040237).
        var again = ledger.Append(lead, null, scoreEvent);
        bare.FailCalls(call => call.MessageName == "Create" && call.Table == ScoreEventColumns.Table, Faults.Create(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key."), times: 1);
        var withOldCode = ledger.Append(lead, null, scoreEvent with { Key = "adjust|request-2" });

        Assert.False(again);
        Assert.False(withOldCode);
        Assert.Equal(1, bare.RowCount(ScoreEventColumns.Table));
        Assert.Single(ledger.Read(lead));
    }

    [Fact]
    public void Only_the_lead_is_written_with_IfRowVersionMatches_and_it_supports_optimistic_concurrency()
    {
        // Learn: optimistic concurrency is supported on all custom tables and the standard tables enabled
        // for offline sync (lead is one); a table without it answers OptimisticConcurrencyNotEnabled.
        // https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency
        var tables = new HashSet<string>();
        org.Org.FailCalls(call =>
        {
            if (call.Request.Parameters.TryGetValue("ConcurrencyBehavior", out var behavior) && behavior is ConcurrencyBehavior.IfRowVersionMatches)
            {
                tables.Add(call.Table ?? "");
            }

            return false;
        }, new InvalidOperationException("never thrown"));
        foreach (var table in new[] { "account", "contact", EmailColumns.Table, "appointment", InteractionColumns.Table, ScoreEventColumns.Table, ScoringModelColumns.Table, ScoringRuleColumns.Table, ScoringConditionColumns.Table })
        {
            org.Org.DisableOptimisticConcurrency(table);
        }

        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);
        org.SendEmail(lead);
        org.Update(LeadColumns.Table, lead, ("jobtitle", "Analyst"));
        org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, parameters: [(CustomApi.Points, 5), (CustomApi.Reason, "call")]);

        Assert.Equal(new[] { LeadColumns.Table }, tables.ToArray());
        Assert.All(org.Org.SystemJobs, j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
    }

    [Fact]
    public void Disqualifying_a_lead_while_changing_its_title_scores_both_parts_once_in_either_order()
    {
        foreach (var reversed in new[] { false, true })
        {
            var scoring = new ScoringOrganization();
            var lead = scoring.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
            scoring.Download(lead);

            // One save (the rep disqualifies the lead and corrects its title), two pipeline runs (the other
            // columns, then the state and status): two asynchronous jobs of the lead update step.
            var disqualify = new Entity(LeadColumns.Table, lead)
            {
                ["jobtitle"] = "Analyst",
                [LeadColumns.LifecycleStage] = LeadRecord.StageValue(LifecycleStage.Disqualified),
                [LeadColumns.StateCode] = new OptionSetValue(2),
                [LeadColumns.StatusCode] = new OptionSetValue(4),
            };
            scoring.As(scoring.SalesRep).Update(disqualify);
            var jobs = scoring.Org.PendingJobs.Where(j => j.StepName == StepNames.LeadUpdate).ToList();
            Assert.Equal(2, jobs.Count);
            foreach (var job in reversed ? Enumerable.Reverse(jobs) : jobs)
            {
                scoring.Org.RunJob(job);
            }

            scoring.Org.DrainAsyncQueue();
            Assert.All(scoring.Org.SystemJobs, j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
            Assert.Equal(0, scoring.Lead(lead).GetAttributeValue<int>(LeadColumns.FitScore));
            Assert.Equal(30, scoring.Score(lead));
            Assert.Equal(scoring.SumOfEvents(lead), scoring.Score(lead));
            Assert.Equal(LifecycleStage.Disqualified, scoring.Stage(lead));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_lead_with_score_events_can_be_deleted_and_its_ledger_goes_with_it(bool cascadeDepthIncrements)
    {
        // The solution declares ls_lead_scoreevent with CascadeDelete Cascade; Learn does not say at which
        // depth a cascaded delete's plug-ins run, so both are tried.
        org.Org.CascadeDepthIncrements = cascadeDepthIncrements;
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);
        var interaction = org.Org.GetRows(InteractionColumns.Table).Single().Id;
        Assert.Equal(2, org.Events(lead).Count);

        org.As(org.SalesRep).Delete(LeadColumns.Table, lead);

        Assert.Null(org.Org.GetRow(LeadColumns.Table, lead));
        Assert.Empty(org.Events(lead));
        Assert.Null(org.Org.GetRow(InteractionColumns.Table, interaction)!.GetAttributeValue<EntityReference>(InteractionColumns.LeadId)); // RemoveLink
    }
}
