using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using LeadScoring.Tests.Plugins;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Reliability;

/// <summary>
/// Who may do what, acted out by the personas of the solution's roles under the emulator's security
/// checks (Emulator/SecuritySpecs): a sales rep (Salesperson + Lead Scoring User, in the score readers
/// profile), a marketing and a sales approver, a Lead Scoring Admin, a System Administrator and SYSTEM.
/// </summary>
public class SecurityTests
{
    private readonly ScoringOrganization org = new();

    [Fact]
    public void A_user_who_may_not_change_the_lead_cannot_hand_it_back_and_nothing_is_written()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        var before = org.Lead(lead).Attributes.Count;
        org.Org.DefineRole("Read-only sales", new[] { new KeyValuePair<string, PrivilegeDepth>("prvReadLead", PrivilegeDepth.Global), new("prvWriteLead", PrivilegeDepth.Basic) });
        var colleague = org.Org.AddUser("Cole Colleague", "Read-only sales");

        // The Custom API's execute privilege (prvWriteLead) lets the colleague call it; writing a lead
        // another rep owns needs more than Basic depth, so the platform refuses the hand-back's write.
        var error = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.HandBackLead, lead, colleague, (CustomApi.Reason, "Not interested")));

        Assert.Contains("is missing prvWriteLead privilege", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, org.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal(20, org.Score(lead));
        Assert.Single(org.Events(lead));
        Assert.Equal(before, org.Lead(lead).Attributes.Count);
    }

    [Fact]
    public void A_user_refused_the_lead_cannot_adjust_or_recalculate_it_even_with_the_adjust_privilege()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Org.DefineRole("Other team's scorer", new[]
        {
            new KeyValuePair<string, PrivilegeDepth>("prvReadLead", PrivilegeDepth.Global), new("prvWriteLead", PrivilegeDepth.Basic),
            new("prvCreatels_scoreevent", PrivilegeDepth.Global), new("prvReadls_scoreevent", PrivilegeDepth.Global),
        });
        var outsider = org.Org.AddUser("Olly Outsider", "Other team's scorer");

        var adjust = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.AdjustLeadScore, lead, outsider, (CustomApi.Points, 10_000), (CustomApi.Reason, "VIP")));
        var recalculate = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.RecalculateLeadScore, lead, outsider));

        Assert.Contains("is missing prvWriteLead privilege", adjust.Message, StringComparison.Ordinal);
        Assert.Contains("is missing prvWriteLead privilege", recalculate.Message, StringComparison.Ordinal);
        Assert.Equal(20, org.Score(lead));
        Assert.NotEqual(LifecycleStage.MarketingQualified, org.Stage(lead));
        Assert.Single(org.Events(lead));
    }

    [Fact]
    public void Only_the_Lead_Scoring_Admin_holds_the_adjust_privilege()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));

        var rep = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.AdjustLeadScore, lead, org.SalesRep, (CustomApi.Points, 10_000), (CustomApi.Reason, "My friend")));
        var approver = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.AdjustLeadScore, lead, org.MarketingApprover, (CustomApi.Points, 50), (CustomApi.Reason, "Event")));
        org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, (CustomApi.Points, 5), (CustomApi.Reason, "Met at the trade show"));

        Assert.Contains("is missing prvCreatels_scoreevent privilege", rep.Message, StringComparison.Ordinal);
        Assert.Contains("is missing prvCreatels_scoreevent privilege", approver.Message, StringComparison.Ordinal);
        Assert.Equal(25, org.Score(lead));
    }

    [Fact]
    public void An_update_that_carries_ls_scoredon_is_still_scored_unless_scoring_itself_wrote_it()
    {
        var systemAdministrator = org.Org.AddUser("Sasha Sysadmin", EmulatedOrganization.SystemAdministratorRole);
        var lead = org.CreateLead(("lastname", "Doe"));
        var eventsBefore = org.Events(lead).Count;

        // An import or integration that copies every column, ls_scoredon included, along with a new job title.
        org.As(systemAdministrator).Update(new Entity(LeadColumns.Table, lead) { ["jobtitle"] = "Director", [LeadColumns.ScoredOn] = org.Org.Clock.UtcNow });
        org.Org.DrainAsyncQueue();

        Assert.Equal(20, org.Score(lead));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
        Assert.Equal(eventsBefore + 1, org.Events(lead).Count); // and scoring's own write of the lead started nothing more
    }

    [Fact]
    public void A_rep_cannot_set_the_stages_scoring_decides_but_accepts_a_qualified_lead()
    {
        var cold = org.CreateLead(("lastname", "Cold"));
        var hot = org.CreateLead(("lastname", "Hot"), ("jobtitle", "Director"));
        org.Call(CustomApi.AdjustLeadScore, hot, org.Admin, (CustomApi.Points, 100), (CustomApi.Reason, "Asked for a demo"));
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(hot));
        var stage = (Guid lead, int value) => org.As(org.SalesRep).Update(new Entity(LeadColumns.Table, lead) { [LeadColumns.LifecycleStage] = new OptionSetValue(value) });

        var qualify = Assert.ThrowsAny<Exception>(() => stage(cold, LifecycleStageValues.MarketingQualified));
        var accept = Assert.ThrowsAny<Exception>(() => stage(cold, LifecycleStageValues.SalesAccepted));
        stage(hot, LifecycleStageValues.SalesAccepted);
        org.Org.DrainAsyncQueue();

        Assert.Contains("Marketing Qualified is set by lead scoring from the score", qualify.Message, StringComparison.Ordinal);
        Assert.Contains("Sales Accepted is for a Marketing Qualified lead; this lead is New", accept.Message, StringComparison.Ordinal);
        Assert.Equal(LifecycleStage.New, org.Stage(cold));
        Assert.Equal(LifecycleStage.SalesAccepted, org.Stage(hot));
    }

    [Fact]
    public void Another_solutions_plug_in_writing_as_the_rep_cannot_set_a_stage_scoring_decides()
    {
        // A plug-in of another solution runs at depth 2 as the person who started the chain; only the
        // product's own writes (through the SYSTEM service) may set the stages the score decides.
        org.Org.LoadPacConfigJson("""
            { "steps": [ { "name": "Other solution: hot job titles", "plugin": "LeadScoring.Tests.Reliability.SecurityTests+StagePromoter", "message": "Update", "table": "lead", "stage": 40, "mode": "Sync", "filteringAttributes": ["jobtitle"] } ] }
            """, typeof(StagePromoter).Assembly);
        var cold = org.CreateLead(("lastname", "Cold"));

        var error = Assert.ThrowsAny<Exception>(() => org.As(org.SalesRep).Update(new Entity(LeadColumns.Table, cold) { ["jobtitle"] = "VP" }));
        org.Org.DrainAsyncQueue();

        Assert.Contains("Marketing Qualified is set by lead scoring from the score", error.Message, StringComparison.Ordinal);
        Assert.Equal(LifecycleStage.New, org.Stage(cold));
    }

    /// <summary>Another solution's step: promotes a lead to Marketing Qualified as the calling user.</summary>
    public sealed class StagePromoter : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            factory.CreateOrganizationService(context.UserId).Update(new Entity(LeadColumns.Table, context.PrimaryEntityId) { [LeadColumns.LifecycleStage] = new OptionSetValue(LifecycleStageValues.MarketingQualified) });
        }
    }

    [Fact]
    public void A_sales_rep_hands_back_adjusts_and_explains_but_cannot_run_decay_or_edit_rules()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));

        org.Call(CustomApi.HandBackLead, lead, org.SalesRep, (CustomApi.Reason, "Not interested"));
        org.Call(CustomApi.ExplainLeadScore, lead, org.SalesRep);
        var decay = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.ApplyScoreDecay, null, org.SalesRep));
        var rule = org.Org.GetRows(ScoringRuleColumns.Table).First();
        var edit = Assert.ThrowsAny<Exception>(() => org.As(org.SalesRep).Update(new Entity(ScoringRuleColumns.Table, rule.Id) { [ScoringRuleColumns.Points] = 99 }));

        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
        Assert.Contains("is missing prvWritels_scoreevent privilege", decay.Message, StringComparison.Ordinal);
        Assert.Contains("is missing prvWritels_scoringrule privilege", edit.Message, StringComparison.Ordinal);
        org.Call(CustomApi.ApplyScoreDecay, null, org.Admin);
    }

    [Fact]
    public void A_sales_rep_cannot_write_a_score_column_only_scoring_can_as_SYSTEM()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));

        var error = Assert.ThrowsAny<Exception>(() => org.As(org.SalesRep).Update(new Entity(LeadColumns.Table, lead) { [LeadColumns.Score] = 100 }));

        Assert.Contains("secured", error.Message, StringComparison.Ordinal);
        Assert.Equal(20, org.Score(lead));
        Assert.Equal(org.Org.SystemUserId, org.Lead(lead).GetAttributeValue<EntityReference>("modifiedby").Id);
    }

    [Fact]
    public void Outside_the_score_readers_profile_the_score_reads_empty()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        var outsider = org.Org.AddUser("Olive Outsider", ScoringOrganization.SalespersonRole, ScoringOrganization.UserRole);

        var seen = org.As(outsider).Retrieve(LeadColumns.Table, lead, new ColumnSet(LeadColumns.Score, "lastname"));

        Assert.Null(seen.GetAttributeValue<int?>(LeadColumns.Score));
        Assert.Equal(20, org.As(org.SalesRep).Retrieve(LeadColumns.Table, lead, new ColumnSet(LeadColumns.Score)).GetAttributeValue<int?>(LeadColumns.Score));
    }

    [Fact]
    public void The_explanation_is_the_same_for_a_caller_outside_the_score_readers_profile()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead);
        for (var i = 0; i < 3; i++)
        {
            org.Advance(1);
            org.SendEmail(lead);
        }

        org.Advance(40);
        var outsider = org.Org.AddUser("Olive Outsider", ScoringOrganization.SalespersonRole, ScoringOrganization.UserRole);

        var forReader = (string)org.Call(CustomApi.ExplainLeadScore, lead, org.SalesRep)[CustomApi.Explanation];
        var forOutsider = (string)org.Call(CustomApi.ExplainLeadScore, lead, outsider)[CustomApi.Explanation];

        Assert.Equal(forReader, forOutsider);
    }

    [Fact]
    public void An_approver_whose_role_comes_from_a_team_can_approve()
    {
        var model = org.CreateDraft(Engine.SampleModels.Default);
        var approver = org.Org.AddUser("Tess Teamed", ScoringOrganization.UserRole);
        var team = org.Org.AddTeam("Marketing approvers", SecurityRoles.MarketingApprover);
        org.Org.AddTeamMember(team, approver);

        org.Approve(model, approver, ScoringModelColumns.MarketingApproverId);

        Assert.Equal(approver, org.Org.GetRow(ScoringModelColumns.Table, model)!.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId).Id);
    }

    [Fact]
    public void The_Custom_APIs_declare_the_privilege_they_need()
    {
        var config = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "pac-config.json"));
        foreach (var api in new[] { CustomApi.HandBackLead, CustomApi.RecalculateLeadScore, CustomApi.AdjustLeadScore, CustomApi.ExplainLeadScore, CustomApi.ApplyScoreDecay })
        {
            Assert.Matches("\"uniqueName\": \"" + api + "\"[^}]*?\"executePrivilegeName\": \"prv\\w+\"", config);
        }
    }

    [Fact]
    public void No_connection_string_or_secret_is_committed()
    {
        var secret = new Regex(@"(ClientSecret|Password|SharedAccessKey|AccountKey)\s*=\s*(?!<|\{|\$|\.\.\.|""|'|your)[^;\s""']{6,}", RegexOptions.IgnoreCase);
        var files = Directory.EnumerateFiles(RepositoryRoot.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && new[] { ".cs", ".json", ".md", ".ts", ".xml", ".sh", ".props", ".csproj", ".yml" }.Contains(Path.GetExtension(f)));

        var leaks = files.Where(f => secret.IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(RepositoryRoot.Path, f)).ToList();

        Assert.Empty(leaks);
    }
}
