using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using System.Text.Json.Nodes;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace LeadScoring.Tests.Plugins;

/// <summary>The stage history: one ls_stagechange row per change of a lead's lifecycle stage, whoever made it, never two.</summary>
public class StageHistoryTests
{
    private readonly ScoringOrganization org = new();

    [Fact]
    public void Each_change_of_stage_is_one_row_with_its_cause_model_and_moment()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Advance(1);
        org.Download(lead);
        org.Download(lead);
        org.Download(lead); // Marketing Qualified
        org.Advance(2);
        var handedBackOn = org.Org.Clock.UtcNow;
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget this year"));

        var rows = Rows(lead);
        Assert.Equal(new[] { "New", "Engaged", "Marketing Qualified", "Recycled" }, rows.Select(r => Lifecycle.StageName(r.To)));
        Assert.Equal(new[] { "", "New", "Engaged", "Marketing Qualified" }, rows.Select(r => r.From == null ? "" : Lifecycle.StageName(r.From.Value)));
        Assert.Equal(new[] { StageChangeCause.Score, StageChangeCause.Score, StageChangeCause.Score, StageChangeCause.HandBack }, rows.Select(r => r.Cause));
        Assert.Equal(new[] { FunnelMark.None, FunnelMark.None, FunnelMark.BecameMql, FunnelMark.HandedBack }, rows.Select(r => r.Mark));
        Assert.Equal(handedBackOn, rows[3].EnteredOn);
        Assert.Equal(rows[2].EnteredOn, rows[3].MqlOn); // the hand-back counts in the month the lead first became MQL
        var row = org.Org.GetRows(StageChangeColumns.Table).First(r => r.GetAttributeValue<OptionSetValue>(StageChangeColumns.ToStage).Value == LifecycleStageValues.Recycled);
        Assert.Equal(LeadScoring.Tests.Engine.SampleModels.Default.Version, row.GetAttributeValue<int?>(StageChangeColumns.ModelVersion));
        Assert.Equal(LeadScoring.Tests.Engine.SampleModels.Default.Name, row.GetAttributeValue<string>(StageChangeColumns.ModelName));
        Assert.Equal("Marketing Qualified → Recycled", row.GetAttributeValue<string>(StageChangeColumns.Name));
    }

    [Fact]
    public void A_person_setting_the_stage_is_recorded_as_theirs_and_scoring_after_it_adds_nothing()
    {
        var lead = org.SalesReadyLead();
        var before = Rows(lead).Count;

        org.Update(LeadColumns.Table, lead, (LeadColumns.LifecycleStage, new OptionSetValue(LifecycleStageValues.SalesAccepted)));
        org.Update(LeadColumns.Table, lead, ("jobtitle", "Intern")); // points move, the stage stays

        var added = Rows(lead).Skip(before).ToList();
        var accepted = Assert.Single(added);
        Assert.Equal((LifecycleStage.MarketingQualified, LifecycleStage.SalesAccepted, StageChangeCause.Person), (accepted.From!.Value, accepted.To, accepted.Cause));
    }

    [Fact]
    public void A_person_setting_Recycled_is_one_hand_back_row_and_the_debit_follows()
    {
        var lead = org.SalesReadyLead();
        var before = Rows(lead).Count;

        org.Update(LeadColumns.Table, lead, (LeadColumns.LifecycleStage, new OptionSetValue(LifecycleStageValues.Recycled)), (LeadColumns.HandBackReason, "Wrong contact"));

        Assert.Equal(70, org.Score(lead));
        var added = Rows(lead).Skip(before).Select(r => (r.From, r.To, r.Cause, r.Mark)).ToList();
        Assert.Equal(new (LifecycleStage?, LifecycleStage, StageChangeCause, FunnelMark)[] { (LifecycleStage.MarketingQualified, LifecycleStage.Recycled, StageChangeCause.HandBack, FunnelMark.HandedBack) }, added);
    }

    [Fact]
    public void Qualifying_the_lead_is_a_status_change()
    {
        var lead = org.SalesReadyLead();

        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(1)), (LeadColumns.StatusCode, new OptionSetValue(3)));

        var last = Rows(lead).Last();
        Assert.Equal((LifecycleStage.SalesAccepted, StageChangeCause.Status), (last.To, last.Cause));
    }

    [Fact]
    public void A_retried_hand_back_and_a_replayed_download_write_no_second_row()
    {
        var lead = org.SalesReadyLead();
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        var rows = Rows(lead).Count;

        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget")); // the flow retried
        org.Call(CustomApi.RecalculateLeadScore, lead, org.Admin); // a replay of everything the lead did

        Assert.Equal(rows, Rows(lead).Count);
        Assert.Single(Rows(lead), r => r.Mark == FunnelMark.HandedBack);
    }

    [Fact]
    public void The_same_change_written_twice_by_lead_scoring_is_refused_by_the_key_and_counted_once()
    {
        var lead = org.SalesReadyLead();
        var mql = Rows(lead).Single(r => r.To == LifecycleStage.MarketingQualified);
        var count = org.Org.GetRows(StageChangeColumns.Table).Count;

        // A step writing as SYSTEM after a lead update passes the guard, as StageHistoryPlugin does; the key refuses the copy.
        WriteAgain.Entries[lead] = mql;
        var step = new JsonObject { ["name"] = "write the MQL row again", ["plugin"] = typeof(WriteAgain).FullName, ["message"] = "Update", ["table"] = LeadColumns.Table, ["stage"] = 40, ["mode"] = "Async" };
        org.Org.LoadPacConfigJson(new JsonObject { ["steps"] = new JsonArray(step) }.ToJsonString(), typeof(WriteAgain).Assembly);
        org.Update(LeadColumns.Table, lead, ("description", "touched"));

        Assert.False(WriteAgain.Written[lead]);
        Assert.Equal(count, org.Org.GetRows(StageChangeColumns.Table).Count);
    }

    [Fact]
    public void Nobody_writes_the_history_directly_not_even_a_System_Administrator()
    {
        var lead = org.SalesReadyLead();
        var row = org.Org.GetRows(StageChangeColumns.Table).Single(r => r.GetAttributeValue<EntityReference>(StageChangeColumns.LeadId).Id == lead && StageChanges.FromRow(r).To == LifecycleStage.New);
        var rows = org.Org.GetRows(StageChangeColumns.Table).Count;
        var administrator = org.As(org.Org.AddUser("Sasha Sysadmin", LeadScoring.Emulator.EmulatedOrganization.SystemAdministratorRole));
        var fake = StageChanges.ToRow(lead, StageHistory.Next([], null, LifecycleStage.SalesAccepted, DateTime.UtcNow, StageChangeCause.Person), null, null);

        Assert.Contains("cannot be created directly", ModelGovernanceTests.Refused(() => administrator.Create(fake)), StringComparison.Ordinal);
        Assert.Contains("cannot be changed directly", ModelGovernanceTests.Refused(() => administrator.Update(new Entity(StageChangeColumns.Table, row.Id) { [StageChangeColumns.ToStage] = new OptionSetValue(LifecycleStageValues.SalesAccepted) })), StringComparison.Ordinal);
        Assert.Contains("cannot be deleted directly", ModelGovernanceTests.Refused(() => administrator.Delete(StageChangeColumns.Table, row.Id)), StringComparison.Ordinal);
        Assert.Contains("cannot be created directly", ModelGovernanceTests.Refused(() => org.Org.ServiceAs(org.Org.SystemUserId).Create(fake)), StringComparison.Ordinal);
        Assert.Equal(rows, org.Org.GetRows(StageChangeColumns.Table).Count);
        Assert.Equal(LifecycleStage.New, StageChanges.FromRow(org.Org.GetRows(StageChangeColumns.Table).Single(r => r.Id == row.Id)).To);
    }

    [Fact]
    public void Deleting_the_lead_deletes_its_stage_history()
    {
        var lead = org.SalesReadyLead();
        var other = org.CreateLead(("lastname", "Other"));
        Assert.NotEmpty(Rows(lead));

        org.As(org.SalesRep).Delete(LeadColumns.Table, lead);

        Assert.Empty(Rows(lead));
        Assert.NotEmpty(Rows(other));
    }

    [Fact]
    public void A_sales_rep_reads_the_history_but_cannot_write_it()
    {
        var lead = org.SalesReadyLead();
        var rep = org.As(org.SalesRep);
        var row = org.Org.GetRows(StageChangeColumns.Table).First(r => r.GetAttributeValue<EntityReference>(StageChangeColumns.LeadId).Id == lead);

        Assert.NotNull(rep.Retrieve(StageChangeColumns.Table, row.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(StageChangeColumns.ToStage)));
        var refused = Assert.Throws<FaultException<OrganizationServiceFault>>(() => rep.Create(StageChanges.ToRow(lead, StageHistory.Next([], null, LifecycleStage.Disqualified, DateTime.UtcNow, StageChangeCause.Person), null, null)));
        Assert.Contains("prvCreatels_stagechange", refused.Message, StringComparison.Ordinal);
    }

    private List<StageEntry> Rows(Guid lead) =>
        org.Org.GetRows(StageChangeColumns.Table).Where(r => r.GetAttributeValue<EntityReference>(StageChangeColumns.LeadId)?.Id == lead)
            .Select(StageChanges.FromRow).OrderBy(e => e.EnteredOn).ThenBy(e => e.To == LifecycleStage.New ? 0 : 1).ToList();

}

/// <summary>A step of another solution's kind: on a lead update it writes, as SYSTEM, a stage change the lead already has.</summary>
public sealed class WriteAgain : IPlugin
{
    public static readonly ConcurrentDictionary<Guid, StageEntry> Entries = new();

    public static readonly ConcurrentDictionary<Guid, bool> Written = new();

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var system = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        if (Entries.TryGetValue(context.PrimaryEntityId, out var entry))
        {
            Written[context.PrimaryEntityId] = new StageChanges(system).Append(context.PrimaryEntityId, entry, 1, "again");
        }
    }
}
