using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Tests.Workbench;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Stories a reader of README.md, docs/automation.md, docs/integrations.md, docs/plugins.md, docs/deploy.md and
/// docs/model-format.md would write about what automated flows and admins do: model governance, the Custom APIs
/// as flows call them, and the lead columns the flows react to. Each acts through the registered plug-ins and
/// Custom APIs on the emulator, or through the workbench's command line.
/// </summary>
public sealed class AutomationStoriesTests : IDisposable
{
    private readonly ScoringOrganization org = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-automation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // ---- Model governance (README, deploy.md "After the first import", plugins.md, workbench.md) ----

    // README: "A model becomes active only after a marketing approver and a sales approver both approved it";
    // any edit of an approved draft clears the approvals, so both sides approve what will run.
    [Fact]
    public void Changing_a_setting_of_an_approved_draft_clears_both_approvals_and_activation_names_both_missing()
    {
        var draft = org.CreateDraft(Engine.SampleModels.Default with { Version = 2 });
        org.Approve(draft, org.MarketingApprover, ScoringModelColumns.MarketingApproverId);
        org.Approve(draft, org.SalesApprover, ScoringModelColumns.SalesApproverId);

        org.As(org.Admin).Update(new Entity(ScoringModelColumns.Table, draft) { [ScoringModelColumns.SalesReadyThreshold] = 90 });

        var row = org.Org.GetRow(ScoringModelColumns.Table, draft)!;
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId));
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.SalesApproverId));
        var refused = ModelGovernanceTests.Refused(() => org.SetStatus(draft, ModelStatusValues.Active));
        Assert.Contains("still needs the approval of a marketing approver (Scoring Marketing Approver) and a sales approver (Scoring Sales Approver)", refused, StringComparison.Ordinal);
    }

    // Removing a rule changes what the approvers signed off as much as adding one does.
    [Fact]
    public void Deleting_a_rule_of_an_approved_draft_clears_its_approvals()
    {
        var draft = org.CreateDraft(Engine.SampleModels.Default with { Version = 2 });
        org.Approve(draft, org.MarketingApprover, ScoringModelColumns.MarketingApproverId);
        org.Approve(draft, org.SalesApprover, ScoringModelColumns.SalesApproverId);
        var cold = org.Org.GetRows(ScoringRuleColumns.Table).Single(r => r.GetAttributeValue<EntityReference>(ScoringRuleColumns.ScoringModelId).Id == draft && r.GetAttributeValue<string>(ScoringRuleColumns.RuleKey) == "cold");

        org.As(org.Admin).Delete(ScoringRuleColumns.Table, cold.Id);

        var row = org.Org.GetRow(ScoringModelColumns.Table, draft)!;
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId));
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.SalesApproverId));
    }

    // docs/reliability.md, Security model: approvers approve "(own role or through an owner team)".
    [Fact]
    public void An_approver_whose_role_comes_from_an_owner_team_approves_for_themself()
    {
        var team = org.Org.AddTeam("Marketing approvers", SecurityRoles.MarketingApprover);
        var member = org.Org.AddUser("Tam Team", ScoringOrganization.UserRole);
        org.Org.AddTeamMember(team, member);
        var draft = org.CreateDraft(Engine.SampleModels.Default with { Version = 2 });

        org.Approve(draft, member, ScoringModelColumns.MarketingApproverId);
        org.Approve(draft, org.SalesApprover, ScoringModelColumns.SalesApproverId);
        org.SetStatus(draft, ModelStatusValues.Active);

        Assert.Equal(member, org.Org.GetRow(ScoringModelColumns.Table, draft)!.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId).Id);
        Assert.Equal(ModelStatusValues.Active, Status(draft));
    }

    // model-format.md: whether the model makes sense as a whole is the engine's validation (model validate checks "the way
    // the product checks a model before it activates it"); a refused activation changes nothing: the running model stays.
    [Fact]
    public void An_approved_draft_whose_caps_make_no_sense_is_refused_on_activation_and_the_active_model_keeps_scoring()
    {
        var running = org.ModelId;
        var draft = org.CreateDraft(Engine.SampleModels.Default with { Version = 2 });
        org.As(org.Admin).Update(new Entity(ScoringModelColumns.Table, draft) { [ScoringModelColumns.FitCap] = 10 });
        org.Approve(draft, org.MarketingApprover, ScoringModelColumns.MarketingApproverId);
        org.Approve(draft, org.SalesApprover, ScoringModelColumns.SalesApproverId);

        var refused = ModelGovernanceTests.Refused(() => org.SetStatus(draft, ModelStatusValues.Active));

        Assert.Contains("Model: fitCap (10) must be positive and at least minimumFit (20).", refused, StringComparison.Ordinal);
        Assert.Equal(ModelStatusValues.Draft, Status(draft));
        Assert.Equal(ModelStatusValues.Active, Status(running));
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        Assert.Equal(20, org.Score(lead));
    }

    // plugins.md, "Activation tells the admin": with every rule on a watched column the note says so.
    [Fact]
    public void Activation_stamps_the_moment_and_notes_that_every_column_the_rules_read_is_watched()
    {
        org.Advance(1);
        var v2 = org.CreateAndActivate(Engine.SampleModels.Default with { Version = 2 });

        var row = org.Org.GetRow(ScoringModelColumns.Table, v2)!;
        Assert.Equal(ScoringOrganization.Start.AddDays(1), row.GetAttributeValue<DateTime?>(ScoringModelColumns.ActivatedOn));
        Assert.Equal("Every column the rules read starts scoring when it changes.", row.GetAttributeValue<string>(ScoringModelColumns.ActivationNotes));
    }

    // deploy.md: "Activation recalculates every open lead"; model-format.md: score events record the model's version;
    // plugins.md, Recalculation: corrections carry "Recalculated for model version N: …". A closed lead has left marketing.
    [Fact]
    public void Activating_version_2_rescores_open_leads_under_it_and_leaves_a_qualified_lead_as_it_was()
    {
        var open = org.CreateLead(("lastname", "Open"), ("jobtitle", "Director"));
        org.Download(open);
        var qualified = org.CreateLead(("lastname", "Closed"), ("jobtitle", "Director"));
        org.Download(qualified);
        org.Update(LeadColumns.Table, qualified, (LeadColumns.StateCode, new OptionSetValue(1)), (LeadColumns.StatusCode, new OptionSetValue(3)));
        var v1 = org.ModelId;
        org.Advance(1);

        var v2 = org.CreateAndActivate(Engine.SampleModels.Default with { Version = 2, Rules = [Engine.SampleModels.Director, Engine.SampleModels.Whitepaper with { Points = 45 }, Engine.SampleModels.Cold] });

        Assert.Equal(ModelStatusValues.Retired, Status(v1));
        Assert.Equal(65, org.Score(open));
        Assert.Equal(v2, org.Lead(open).GetAttributeValue<EntityReference>(LeadColumns.ScoringModelId).Id);
        var correction = Assert.Single(org.Events(open), e => e.GetAttributeValue<string>(ScoreEventColumns.Reason).StartsWith("Recalculated for model version 2: ", StringComparison.Ordinal));
        Assert.Equal(15, correction.GetAttributeValue<int>(ScoreEventColumns.Points));
        Assert.Equal(2, correction.GetAttributeValue<int>(ScoreEventColumns.ModelVersion));
        Assert.Equal(50, org.Score(qualified));
        Assert.Equal(LifecycleStage.SalesAccepted, org.Stage(qualified));
    }

    // plugins.md, Recalculation: activation replays "the hand-backs and manual adjustments of the ledger (kept as facts)";
    // model-format.md: a handed-back lead stays Recycled until requalifyEngagement new points; the debit lands it the
    // margin below the line under the new weights.
    [Fact]
    public void Activating_a_heavier_version_keeps_a_handed_back_lead_recycled_with_its_hand_back_and_adjustment()
    {
        var lead = org.SalesReadyLead(); // 20 + 3 × 30 = 110
        org.Advance(1);
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget")); // −40: 70
        org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, (CustomApi.Points, -5), (CustomApi.Reason, "Duplicate download")); // 65
        org.Advance(1);

        org.CreateAndActivate(Engine.SampleModels.Default with { Version = 2, Rules = [Engine.SampleModels.Director, Engine.SampleModels.Whitepaper with { Points = 45 }, Engine.SampleModels.Cold] });

        // Replayed: 20 + 3 × 45 = 155; hand-back debits max(40, 155 − 90) = 65: 90; the adjustment −5: 85.
        Assert.Equal(85, org.Score(lead));
        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
        Assert.Equal(1, org.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal("No budget", org.Lead(lead).GetAttributeValue<string>(LeadColumns.HandBackReason));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
    }

    // workbench.md, the events file: `activate` imports the file as a new draft, both approve, it is activated, and the
    // activation step recalculates every open lead exactly; corrections read "Recalculated for model version N".
    [Fact]
    public void An_activate_line_in_a_history_rescores_the_leads_under_the_new_version()
    {
        Write("model-v2.json", SimulateCommandTests.Model.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal).Replace("\"points\":30", "\"points\":45", StringComparison.Ordinal));
        var run = Simulate(
            SimulateCommandTests.Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe","jobtitle":"Sales Director"}}"""),
            SimulateCommandTests.Line("2026-05-01T10:00:00Z", """{"op":"create","table":"ls_interaction","id":"d1","attributes":{"ls_type":"Asset download","ls_name":"Whitepaper","ls_leadid":"john"}}"""),
            SimulateCommandTests.Line("2026-05-02T09:00:00Z", """{"op":"activate","model":"model-v2.json"}"""));

        Assert.Equal((0, ""), (run.Exit, run.Error));
        using var result = JsonDocument.Parse(run.Output);
        var john = result.RootElement.GetProperty("leads").EnumerateArray().Single();
        Assert.Equal(65, john.GetProperty("score").GetInt32());
        Assert.Contains(john.GetProperty("events").EnumerateArray(), e => e.GetProperty("reason").GetString()!.StartsWith("Recalculated for model version 2", StringComparison.Ordinal));
    }

    // workbench.md: for `activate`, "The file is read and checked before anything runs."
    [Fact]
    public void An_activate_line_naming_an_invalid_model_stops_the_history_before_anything_runs()
    {
        Write("model-v2.json", SimulateCommandTests.Model.Replace("\"minimumFit\":20", "\"minimumFit\":-20", StringComparison.Ordinal));

        var run = Simulate(
            SimulateCommandTests.Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe"}}"""),
            SimulateCommandTests.Line("2026-05-02T09:00:00Z", """{"op":"activate","model":"model-v2.json"}"""));

        Assert.Equal(1, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Contains("model-v2.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("minimumFit", run.Error, StringComparison.Ordinal);
    }

    // workbench.md, the events file: `record` is ls_RecordInteraction as a webhook calls it, "matched to the open lead
    // with the address, or waiting, unmatched, until one appears".
    [Fact]
    public void A_recorded_interaction_for_an_unknown_address_waits_in_a_history_until_the_lead_appears()
    {
        var run = Simulate(
            SimulateCommandTests.Line("2026-05-01T09:00:00Z", """{"op":"record","type":"Asset download","source":"website","externalId":"dl-1","email":"ann@contoso.com","name":"Whitepaper"}"""),
            SimulateCommandTests.Line("2026-05-03T09:00:00Z", """{"op":"create","table":"lead","id":"ann","attributes":{"lastname":"Ray","emailaddress1":"ann@contoso.com"}}"""));

        Assert.Equal((0, ""), (run.Exit, run.Error));
        using var result = JsonDocument.Parse(run.Output);
        var ann = result.RootElement.GetProperty("leads").EnumerateArray().Single();
        Assert.Equal(30, ann.GetProperty("score").GetInt32());
        Assert.Equal("2026-05-01T09:00:00Z", ann.GetProperty("events").EnumerateArray().Single().GetProperty("at").GetString());
    }

    // workbench.md, the events file: handback takes a reason of 1–500 characters and adjust points "whole, not 0,
    // ±10,000"; "The whole file is checked before anything runs", one line per mistake.
    [Theory]
    [InlineData("""{"op":"handback","lead":"john","reason":""}""")]
    [InlineData("""{"op":"adjust","lead":"john","points":0,"reason":"Met at the booth"}""")]
    [InlineData("""{"op":"adjust","lead":"john","points":10001,"reason":"Met at the booth"}""")]
    public void A_history_with_an_out_of_range_hand_back_or_adjustment_is_refused_before_anything_runs(string line)
    {
        var run = Simulate(
            SimulateCommandTests.Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe"}}"""),
            SimulateCommandTests.Line("2026-05-02T09:00:00Z", line));

        Assert.Equal(1, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Contains("events.jsonl, line 2", run.Error, StringComparison.Ordinal);
    }

    // workbench.md: `model import` writes the file as a new Draft, which the approvers then approve; --emulator prints
    // the org's model, rule and condition counts before and after.
    [Fact]
    public void Model_import_into_the_emulator_adds_a_draft_beside_the_active_model()
    {
        var active = Write("active.json", SimulateCommandTests.Model);
        var next = Write("next.json", SimulateCommandTests.Model.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal));

        var run = WorkbenchCommandTests.Run("model", "import", "--emulator", "--active", active, next);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        var output = string.Join(" ", run.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); // the console wraps long lines
        Assert.Contains("Emulated org before: 1 models, 3 rules, 2 conditions.", output, StringComparison.Ordinal);
        Assert.Contains("Created the Draft 'Default' version 2", output, StringComparison.Ordinal);
        Assert.Contains("It becomes Active once a marketing and a sales approver have approved it.", output, StringComparison.Ordinal);
        Assert.Contains("Emulated org after: 2 models, 6 rules, 4 conditions.", output, StringComparison.Ordinal);
    }

    // reliability.md, Security model: approvers "approve a Draft model"; README: "an active model is never edited in place".
    [Fact]
    public void An_approver_cannot_withdraw_an_approval_from_the_active_model()
    {
        var active = org.ModelId;

        var refused = ModelGovernanceTests.Refused(() => org.As(org.MarketingApprover).Update(new Entity(ScoringModelColumns.Table, active) { [ScoringModelColumns.MarketingApproverId] = null }));

        Assert.Contains("is Active and cannot be edited", refused, StringComparison.Ordinal);
        Assert.Equal(org.MarketingApprover, org.Org.GetRow(ScoringModelColumns.Table, active)!.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId).Id);
    }

    // plugins.md: with two Active models (a race or a direct data edit) every scoring traces "… should be retired."
    // and the doc says: "Retire the other; no lead is left unscored meanwhile."
    [Fact]
    public void With_two_active_models_the_admin_can_retire_the_one_that_does_not_score()
    {
        var older = org.ModelId;
        var shadow = ModelRows.ModelRow(Engine.SampleModels.Default with { Name = "Shadow", Version = 2 });
        shadow[ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Active);
        shadow[ScoringModelColumns.ActivatedOn] = org.Org.Clock.UtcNow.AddMinutes(1); // a direct data edit, past the activation step
        org.Org.Seed(shadow);

        org.SetStatus(older, ModelStatusValues.Retired);

        Assert.Equal(ModelStatusValues.Retired, Status(older));
    }

    // integrations.md: ls_RecordInteraction's execute privilege is create on ls_interaction, which a sales rep's
    // roles do not hold (reliability.md: the admin and the integration write interactions).
    [Fact]
    public void A_sales_rep_cannot_record_interactions()
    {
        var lead = org.CreateLead(("lastname", "Doe"));

        var refused = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.RecordInteraction, null, org.SalesRep,
            (CustomApi.Type, "Page visit"), (CustomApi.Source, "website"), (CustomApi.ExternalId, "v-1"), (CustomApi.Name, "Pricing"), (CustomApi.LeadId, lead)));

        Assert.Contains("prvCreatels_interaction", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Interactions());
    }

    // ---- ls_HandBackLead, ls_AdjustLeadScore, ls_ExplainLeadScore (plugins.md, Custom APIs; model-format.md, Hand-back) ----

    // plugins.md: ls_HandBackLead answers Score and LifecycleStage; scoring writes ls_handbackcount, ls_handbackreason,
    // ls_handbackon; the reason is 1–500 characters after trimming; workbench.md shows the ledger's hand-back reason.
    [Fact]
    public void A_hand_back_answers_score_and_stage_and_writes_the_hand_back_columns_and_event()
    {
        var lead = org.SalesReadyLead();
        org.Advance(1);

        var response = org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "  No budget this year  "));

        Assert.Equal(70, response[CustomApi.Score]);
        Assert.Equal(LifecycleStageValues.Recycled, response[CustomApi.LifecycleStage]);
        var row = org.Lead(lead);
        Assert.Equal(1, row.GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal("No budget this year", row.GetAttributeValue<string>(LeadColumns.HandBackReason));
        Assert.Equal(ScoringOrganization.Start.AddDays(1), row.GetAttributeValue<DateTime?>(LeadColumns.HandBackOn));
        Assert.Equal(LifecycleStageValues.Recycled, row.GetAttributeValue<OptionSetValue>(LeadColumns.LifecycleStage).Value);
        var debit = Assert.Single(org.Events(lead), e => e.GetAttributeValue<OptionSetValue>(ScoreEventColumns.Kind).Value == ScoreEventKindValues.HandBack);
        Assert.Equal(-40, debit.GetAttributeValue<int>(ScoreEventColumns.Points));
        Assert.Equal("Handed back to marketing: No budget this year", debit.GetAttributeValue<string>(ScoreEventColumns.Reason));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
    }

    // automation.md, Classic workflow: "a hand-back twice for the same moment changes nothing, so running both is safe"
    // (a rep sets Recycled, and the classic workflow then hands the same lead back with its reason).
    [Fact]
    public void A_rep_setting_Recycled_and_the_hand_back_call_for_the_same_moment_hand_back_once()
    {
        var lead = org.SalesReadyLead();
        org.Update(LeadColumns.Table, lead, (LeadColumns.LifecycleStage, new OptionSetValue(LifecycleStageValues.Recycled)), (LeadColumns.HandBackReason, "Wrong contact"));
        var events = org.Events(lead).Count;

        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Wrong contact"));

        Assert.Equal(1, org.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal(70, org.Score(lead));
        Assert.Equal(events, org.Events(lead).Count);
    }

    // README: sales "hand a lead back to marketing with a reason"; a person may set Sales Accepted on a Marketing
    // Qualified lead (model-format.md), and an accepted lead that turns out not ready goes back: Recycled, below the line.
    [Fact]
    public void A_lead_sales_accepted_is_handed_back_below_the_line_and_the_recycled_flow_sees_the_stage()
    {
        var lead = org.SalesReadyLead();
        org.Update(LeadColumns.Table, lead, (LeadColumns.LifecycleStage, new OptionSetValue(LifecycleStageValues.SalesAccepted)));
        org.Advance(3);

        var response = org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Not ready to buy"));

        Assert.Equal(70, response[CustomApi.Score]);
        Assert.Equal(LifecycleStage.Recycled, org.Stage(lead));
        Assert.Equal(1, org.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
    }

    // plugins.md: "a reason of 1–500 characters after trimming" (for the Custom API and the workflow activity alike).
    [Fact]
    public void A_hand_back_reason_is_counted_after_trimming()
    {
        var lead = org.SalesReadyLead();
        var reason = new string('r', 500);

        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "   " + reason + "   "));

        Assert.Equal(reason, org.Lead(lead).GetAttributeValue<string>(LeadColumns.HandBackReason));
        var tooLong = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, reason + "r")));
        Assert.Equal("Reason is required to hand a lead back and may be at most 500 characters; got 501.", tooLong.Message);
    }

    // model-format.md, Hand-back: "engagement is debited by max(points, score − (threshold − marginBelowThreshold))";
    // "Only an open lead can be handed back" (not only a sales-ready one); engagement takes negative points in full.
    [Fact]
    public void An_engaged_lead_that_was_never_sales_ready_can_be_handed_back_and_is_debited_the_fixed_points()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead); // fit 20, engagement 30

        var response = org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Wrong person"));

        Assert.Equal(LifecycleStageValues.Recycled, response[CustomApi.LifecycleStage]);
        Assert.Equal(-10, org.Lead(lead).GetAttributeValue<int>(LeadColumns.EngagementScore));
        Assert.Equal(10, org.Score(lead));
        Assert.Equal(org.SumOfEvents(lead), org.Score(lead));
    }

    // automation.md: "Lead scoring writes the stage only when it changes, so the flow runs once per change"; a second
    // hand-back of a lead still Recycled changes no stage, so the recycled flow does not run again.
    [Fact]
    public void A_second_hand_back_of_a_recycled_lead_writes_no_second_stage_change()
    {
        var lead = org.SalesReadyLead();
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        org.Advance(2);

        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "Still no budget"));

        var intoRecycled = org.Org.GetRows(StageChangeColumns.Table).Where(r => r.GetAttributeValue<EntityReference>(StageChangeColumns.LeadId).Id == lead
            && r.GetAttributeValue<OptionSetValue>(StageChangeColumns.ToStage).Value == LifecycleStageValues.Recycled);
        Assert.Single(intoRecycled);
    }

    // plugins.md, operations layer: hand-back and adjust need an active model; the guide: nothing written on failure.
    [Fact]
    public void Without_an_active_model_hand_back_and_adjust_are_refused_and_write_nothing()
    {
        var scoring = new ScoringOrganization(activate: false);
        var lead = scoring.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));

        var handBack = Assert.ThrowsAny<Exception>(() => scoring.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget")));
        var adjust = Assert.ThrowsAny<Exception>(() => scoring.Call(CustomApi.AdjustLeadScore, lead, scoring.Admin, (CustomApi.Points, 10), (CustomApi.Reason, "Met at the booth")));

        Assert.Equal("No scoring model is active. Ask a Lead Scoring Admin to activate one.", handBack.Message);
        Assert.Equal("No scoring model is active. Ask a Lead Scoring Admin to activate one.", adjust.Message);
        Assert.Null(scoring.Lead(lead).GetAttributeValue<string>(LeadColumns.HandBackReason));
        Assert.Empty(scoring.Events(lead));
    }

    // plugins.md: ls_AdjustLeadScore (Points, Reason) answers Score; a manual adjustment is a score event of its own
    // (workbench.md shows its reason as given); crossing the line makes the lead sales-ready and stamps ls_salesreadyon.
    [Fact]
    public void A_manual_adjustment_is_an_event_with_its_reason_and_can_make_a_lead_sales_ready()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        org.Download(lead); // 50
        org.Advance(1);

        var response = org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, (CustomApi.Points, 50), (CustomApi.Reason, "Met at our booth"));

        Assert.Equal(100, response[CustomApi.Score]);
        var adjustment = Assert.Single(org.Events(lead), e => e.GetAttributeValue<OptionSetValue>(ScoreEventColumns.Kind).Value == ScoreEventKindValues.Adjustment);
        Assert.Equal(50, adjustment.GetAttributeValue<int>(ScoreEventColumns.Points));
        Assert.Equal("Met at our booth", adjustment.GetAttributeValue<string>(ScoreEventColumns.Reason));
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));
        Assert.Equal(ScoringOrganization.Start.AddDays(1), org.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn));
    }

    // plugins.md: Top 1 to 50; the explanation carries stage, salesReady, handBackCount, handBackReason and modelVersion.
    [Fact]
    public void The_explanation_of_a_handed_back_lead_says_why_and_takes_Top_from_1_to_50()
    {
        var lead = org.SalesReadyLead();
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));

        var explained = (string)org.Call(CustomApi.ExplainLeadScore, lead, parameters: (CustomApi.Top, 1))[CustomApi.Explanation];
        var tooMany = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.ExplainLeadScore, lead, parameters: (CustomApi.Top, 51)));

        using var json = JsonDocument.Parse(explained);
        var root = json.RootElement;
        Assert.Single(root.GetProperty("reasons").EnumerateArray());
        Assert.Equal("Recycled", root.GetProperty("stage").GetString());
        Assert.False(root.GetProperty("salesReady").GetBoolean());
        Assert.Equal(1, root.GetProperty("handBackCount").GetInt32());
        Assert.Equal("No budget", root.GetProperty("handBackReason").GetString());
        Assert.Equal(1, root.GetProperty("modelVersion").GetInt32());
        Assert.Equal(70, root.GetProperty("score").GetInt32());
        Assert.Equal("Top must be between 1 and 50; got 51.", tooMany.Message);
    }

    // plugins.md: Top is optional, "default 5".
    [Fact]
    public void Without_Top_the_explanation_gives_the_five_biggest_reasons()
    {
        var lead = org.SalesReadyLead(); // director, whitepaper
        org.Advance(1);
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, (CustomApi.Points, 5), (CustomApi.Reason, "Met at the booth"));
        for (var i = 0; i < 4; i++)
        {
            org.Advance(1);
            org.SendEmail(lead); // four unanswered emails: the cold rule
        }

        org.Org.Clock.Set(ScoringOrganization.Start.AddDays(40));
        org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, org.Org.Clock.UtcNow));

        var all = Reasons(org.Call(CustomApi.ExplainLeadScore, lead, parameters: (CustomApi.Top, 50)));
        var byDefault = Reasons(org.Call(CustomApi.ExplainLeadScore, lead));

        Assert.True(all > 5, "the lead has " + all + " reasons");
        Assert.Equal(5, byDefault);
    }

    // plugins.md: ModelId names the model of a what-if; a model that does not exist is bad input, refused with a
    // message that names the parameter and the value (docs/reliability.md, Bad input: "one message naming the parameter, the value").
    [Fact]
    public void Explaining_under_a_model_that_does_not_exist_names_the_ModelId()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        var missing = Guid.NewGuid();

        var error = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.ExplainLeadScore, lead, parameters: (CustomApi.ModelId, new EntityReference(ScoringModelColumns.Table, missing))));

        Assert.True(error.Message.Contains("ModelId", StringComparison.Ordinal), error.Message);
        Assert.Contains(missing.ToString(), error.Message, StringComparison.OrdinalIgnoreCase);
    }

    // model-format.md: "A closed lead ... is not decayed"; the explanation's decay outlook says so too, so the card and
    // the form never announce a debit that will not come.
    [Fact]
    public void A_qualified_lead_is_explained_without_a_decay_outlook()
    {
        var lead = org.SalesReadyLead();
        var open = (string)org.Call(CustomApi.ExplainLeadScore, lead)[CustomApi.Explanation];
        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(1)), (LeadColumns.StatusCode, new OptionSetValue(3)));

        var qualified = (string)org.Call(CustomApi.ExplainLeadScore, lead)[CustomApi.Explanation];

        Assert.Contains("\"decay\":{\"active\":true", open, StringComparison.Ordinal);
        Assert.Contains("\"decay\":{\"active\":false}", qualified, StringComparison.Ordinal);
    }

    // ---- ls_ApplyScoreDecay as the nightly flow calls it (automation.md, plugins.md) ----

    // automation.md: the flow calls with the same AsOf, PageSize and the previous Continuation until it comes back empty,
    // adding up LeadsProcessed and PointsDebited; "a second run as of the same moment debits nothing twice".
    [Fact]
    public void The_decay_flow_pages_with_the_continuation_and_a_second_run_as_of_the_same_moment_debits_nothing()
    {
        var leads = Enumerable.Range(0, 5).Select(i => org.CreateLead(("lastname", "Lead" + i))).ToList();
        leads.ForEach(l => org.Download(l));
        var asOf = ScoringOrganization.Start.AddDays(30);
        org.Org.Clock.Set(asOf);

        var first = DecayRun(asOf, 2);
        var second = DecayRun(asOf, 2);

        Assert.Equal(new[] { (2, 10, true), (2, 10, true), (1, 5, false) }, first);
        Assert.Equal(0, second.Sum(p => p.Points));
        Assert.All(leads, l => Assert.Equal(25, org.Score(l)));
        Assert.All(leads, l => Assert.Equal(org.SumOfEvents(l), org.Score(l)));
    }

    // plugins.md: PageSize defaults to 250; the flow takes ls_DecayPageSize (default 250) and follows the Continuation.
    [Fact]
    public void Without_a_page_size_a_decay_call_processes_250_leads_and_returns_where_to_go_on()
    {
        for (var i = 0; i < 251; i++)
        {
            org.Download(org.CreateLead(("lastname", "Lead" + i)));
        }

        var asOf = ScoringOrganization.Start.AddDays(30);
        org.Org.Clock.Set(asOf);

        var first = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, asOf));
        var second = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, asOf), (CustomApi.Continuation, first[CustomApi.Continuation]));

        Assert.Equal((250, 1250), ((int)first[CustomApi.LeadsProcessed], (int)first[CustomApi.PointsDebited]));
        Assert.NotEqual("", (string)first[CustomApi.Continuation]);
        Assert.Equal((1, 5, ""), ((int)second[CustomApi.LeadsProcessed], (int)second[CustomApi.PointsDebited], (string?)second[CustomApi.Continuation] ?? ""));
    }

    // automation.md: decay runs "as of" a moment; the re-engagement flow reacts to score events of ls_kind Decay
    // (100000001) after ls_lastengagementon, and a catch-up run writes several debits at once.
    [Fact]
    public void Decay_as_of_an_earlier_moment_debits_only_what_was_due_then_and_a_catch_up_writes_each_debit()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Download(lead); // 30 engagement at Start
        org.Org.Clock.Set(ScoringOrganization.Start.AddDays(60));

        org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, ScoringOrganization.Start.AddDays(40)));
        Assert.Equal(20, org.Score(lead)); // d = 40: 1 + ⌊10 / 7⌋ = 2 debits of 5

        org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, ScoringOrganization.Start.AddDays(60)));
        Assert.Equal(5, org.Score(lead)); // d = 60: 1 + ⌊30 / 7⌋ = 5 debits

        var lastEngagement = org.Lead(lead).GetAttributeValue<DateTime>(LeadColumns.LastEngagementOn);
        var debits = org.Events(lead).Where(e => e.GetAttributeValue<OptionSetValue>(ScoreEventColumns.Kind).Value == ScoreEventKindValues.Decay).ToList();
        Assert.Equal(ScoringOrganization.Start, lastEngagement);
        Assert.Equal(5, debits.Count);
        Assert.All(debits, d => Assert.Equal(-5, d.GetAttributeValue<int>(ScoreEventColumns.Points)));
        Assert.All(debits, d => Assert.True(d.GetAttributeValue<DateTime>(ScoreEventColumns.OccurredOn) > lastEngagement));
    }

    // reliability.md, Limits: decay `AsOf` "at most 5 minutes ahead of the server's clock".
    [Fact]
    public void Decay_takes_an_AsOf_up_to_five_minutes_ahead_and_refuses_one_further()
    {
        var now = org.Org.Clock.UtcNow;

        var ahead = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, now.AddMinutes(4)));
        var tooFar = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, now.AddMinutes(6))));

        Assert.Equal(0, ahead[CustomApi.LeadsProcessed]);
        Assert.StartsWith("AsOf 2026-05-01T09:06:00", tooFar.Message, StringComparison.Ordinal);
        Assert.Contains("is in the future", tooFar.Message, StringComparison.Ordinal);
    }

    // reliability.md, Security model: a sales rep may not run decay (prvWritels_scoreevent missing); automation.md: the
    // flow's connection needs the Lead Scoring Admin role.
    [Fact]
    public void A_sales_rep_cannot_run_decay_and_the_admin_can()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        org.Download(lead);
        org.Org.Clock.Set(ScoringOrganization.Start.AddDays(30));

        var refused = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.ApplyScoreDecay, null, org.SalesRep));
        Assert.Contains("prvWritels_scoreevent", refused.Message, StringComparison.Ordinal);
        Assert.Equal(30, org.Score(lead));

        var run = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin);
        Assert.Equal(1, run[CustomApi.LeadsProcessed]);
        Assert.Equal(5, run[CustomApi.PointsDebited]);
        Assert.Equal("", run[CustomApi.Continuation] ?? "");
    }

    // ---- The columns flows react to (automation.md, model-format.md Lifecycle stage) ----

    // model-format.md: "the time it last became sales-ready" is kept on closing; a recycled lead that requalifies is
    // sales-ready again (automation.md: the flow runs "again after a recycled lead requalifies").
    [Fact]
    public void Sales_ready_on_is_the_last_time_the_lead_became_sales_ready_and_survives_qualification()
    {
        var lead = org.SalesReadyLead();
        Assert.Equal(ScoringOrganization.Start, org.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn));
        org.Advance(1);
        org.Call(CustomApi.HandBackLead, lead, parameters: (CustomApi.Reason, "No budget"));
        org.Advance(1);

        org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, (CustomApi.Points, 30), (CustomApi.Reason, "Asked for a demo"));
        Assert.Equal(LifecycleStage.MarketingQualified, org.Stage(lead));
        Assert.Equal(ScoringOrganization.Start.AddDays(2), org.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn));

        org.Advance(1);
        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(1)), (LeadColumns.StatusCode, new OptionSetValue(3)));
        Assert.Equal(LifecycleStage.SalesAccepted, org.Stage(lead));
        Assert.Equal(ScoringOrganization.Start.AddDays(2), org.Lead(lead).GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn));
    }

    // ---- ls_RecordInteraction (integrations.md) ----

    // integrations.md: "once per source and external id": the same external id from another source is another interaction.
    [Fact]
    public void The_same_external_id_from_two_sources_is_two_interactions()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("emailaddress1", "jane@contoso.com"));

        var a = Record((CustomApi.EmailAddress, "jane@contoso.com"), (CustomApi.Source, "webinar-platform"), (CustomApi.ExternalId, "42"));
        var b = Record((CustomApi.EmailAddress, "jane@contoso.com"), (CustomApi.Source, "website"), (CustomApi.ExternalId, "42"));

        Assert.True((bool)a[CustomApi.Created]);
        Assert.True((bool)b[CustomApi.Created]);
        Assert.NotEqual(a[CustomApi.InteractionId], b[CustomApi.InteractionId]);
        Assert.Equal(60, org.Score(lead));
    }

    // integrations.md: once per source and external id, "compared without case, as Dataverse compares text".
    [Fact]
    public void External_ids_that_differ_only_in_case_are_one_interaction()
    {
        var lead = org.CreateLead(("lastname", "Doe"));

        var first = Record((CustomApi.LeadId, lead), (CustomApi.ExternalId, "vid-aB1"));
        var second = Record((CustomApi.LeadId, lead), (CustomApi.ExternalId, "vid-Ab1"));

        Assert.True((bool)first[CustomApi.Created]);
        Assert.False((bool)second[CustomApi.Created]);
        Assert.Equal(first[CustomApi.InteractionId], second[CustomApi.InteractionId]);
        Assert.Single(Interactions());
    }

    // integrations.md, Hold: qualified and disqualified leads are not matched; the interaction waits and is attached
    // when "a lead with it is reactivated", then scored as of its own OccurredOn.
    [Fact]
    public void An_interaction_for_a_disqualified_lead_waits_and_is_attached_when_the_lead_is_reactivated()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("emailaddress1", "jane@contoso.com"));
        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(2)), (LeadColumns.StatusCode, new OptionSetValue(4)));
        var occurredOn = org.Org.Clock.UtcNow;

        var response = Record((CustomApi.EmailAddress, "jane@contoso.com"), (CustomApi.OccurredOn, occurredOn));
        Assert.Equal(Guid.Empty, response[CustomApi.LeadId]);
        Assert.Equal(0, org.Score(lead));

        org.Advance(1);
        org.Update(LeadColumns.Table, lead, (LeadColumns.StateCode, new OptionSetValue(0)), (LeadColumns.StatusCode, new OptionSetValue(1)));

        var interaction = org.Org.GetRow(InteractionColumns.Table, (Guid)response[CustomApi.InteractionId])!;
        Assert.Equal(lead, interaction.GetAttributeValue<EntityReference>(InteractionColumns.LeadId)?.Id);
        Assert.Equal(30, org.Score(lead));
        Assert.Equal(occurredOn, Assert.Single(org.Events(lead)).GetAttributeValue<DateTime>(ScoreEventColumns.OccurredOn));
    }

    // integrations.md: OccurredOn: "Scoring counts the points from this moment"; model-format.md, Decay: the clock runs
    // from the last engagement, and the nightly job reads leads whose next scoring change is due.
    [Fact]
    public void A_late_delivered_interaction_counts_from_its_own_moment_and_the_next_decay_run_catches_up()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("emailaddress1", "jane@contoso.com"));
        org.Org.Clock.Set(ScoringOrganization.Start.AddDays(44));

        Record((CustomApi.EmailAddress, "jane@contoso.com"), (CustomApi.OccurredOn, ScoringOrganization.Start));

        var row = org.Lead(lead);
        Assert.Equal(ScoringOrganization.Start, row.GetAttributeValue<DateTime?>(LeadColumns.LastEngagementOn));
        Assert.Equal(ScoringOrganization.Start.AddDays(30), row.GetAttributeValue<DateTime?>(LeadColumns.NextScoreChangeOn));

        org.Call(CustomApi.ApplyScoreDecay, null, org.Admin);

        Assert.Equal(15, org.Score(lead)); // d = 44: 1 + ⌊14 / 7⌋ = 3 debits of 5
    }

    // integrations.md: OccurredOn "More than an hour in the future is refused" (so up to an hour ahead is taken).
    [Fact]
    public void An_interaction_up_to_an_hour_ahead_is_recorded_and_one_further_ahead_is_refused()
    {
        var lead = org.CreateLead(("lastname", "Doe"));
        var now = org.Org.Clock.UtcNow;

        var ahead = Record((CustomApi.LeadId, lead), (CustomApi.OccurredOn, now.AddMinutes(59)));
        var tooFar = Assert.ThrowsAny<Exception>(() => Record((CustomApi.LeadId, lead), (CustomApi.ExternalId, "evt-2"), (CustomApi.OccurredOn, now.AddMinutes(61))));

        Assert.True((bool)ahead[CustomApi.Created]);
        Assert.Equal("OccurredOn 2026-05-01T10:01:00Z is in the future; give the moment the interaction happened (UTC).", tooFar.Message);
        Assert.Single(Interactions());
    }

    // integrations.md: Type is a label in any case, or its value 100000000 … 100000008.
    [Theory]
    [InlineData("webinar ATTENDANCE", InteractionTypeValues.WebinarAttended)]
    [InlineData("100000008", 100000008)]
    [InlineData("Social like", 100000007)]
    public void The_type_is_a_label_in_any_case_or_its_value(string type, int value)
    {
        var lead = org.CreateLead(("lastname", "Doe"));

        Record((CustomApi.LeadId, lead), (CustomApi.Type, type));

        Assert.Equal(value, Assert.Single(Interactions()).GetAttributeValue<OptionSetValue>(InteractionColumns.Type).Value);
    }

    // integrations.md: Source ≤ 100, ExternalId ≤ 200, Name ≤ 200, EmailAddress ≤ 100 characters, DurationSeconds 0 or more,
    // LeadId not the empty id; "Bad input is refused with one line that names the parameter, the value and what is allowed ... Nothing is written then."
    [Theory]
    [InlineData(CustomApi.Source, 101, "Source may be at most 100 characters; got 101.")]
    [InlineData(CustomApi.ExternalId, 201, "ExternalId may be at most 200 characters; got 201.")]
    [InlineData(CustomApi.Name, 201, "Name may be at most 200 characters; got 201.")]
    [InlineData(CustomApi.Url, 2001, "Url may be at most 2000 characters; got 2001.")]
    [InlineData(CustomApi.EmailAddress, 101, "EmailAddress may be at most 100 characters; got 101.")]
    public void Parameters_longer_than_documented_are_refused(string parameter, int length, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() => Record((CustomApi.EmailAddress, "jane@contoso.com"), (parameter, new string('x', length))));

        Assert.Equal(message, error.Message);
        Assert.Empty(Interactions());
    }

    [Fact]
    public void A_negative_duration_and_the_empty_lead_id_are_refused_with_what_is_allowed()
    {
        var duration = Assert.ThrowsAny<Exception>(() => Record((CustomApi.EmailAddress, "jane@contoso.com"), (CustomApi.DurationSeconds, -1)));
        var empty = Assert.ThrowsAny<Exception>(() => Record((CustomApi.LeadId, Guid.Empty)));

        Assert.Equal("DurationSeconds must be 0 or more; got -1.", duration.Message);
        Assert.Equal("LeadId is the empty id; give a lead's id or leave LeadId out and give EmailAddress.", empty.Message);
        Assert.Empty(Interactions());
    }

    // integrations.md, CreateLead: last name = the part before @, topic "Interaction from source", lead source from
    // LeadSource; LeadCreated true; the next interaction from the address matches that lead.
    [Fact]
    public void With_CreateLead_the_new_lead_takes_the_topic_and_lead_source_and_later_interactions_match_it()
    {
        org.SetEnvironmentVariable(EnvironmentVariableNames.UnmatchedInteractions, EnvironmentVariableNames.CreateLead);

        var first = Record((CustomApi.EmailAddress, "Kim.Ray@Fabrikam.com"), (CustomApi.Source, "badge-scanner"), (CustomApi.LeadSource, "trade show"));
        var second = Record((CustomApi.EmailAddress, "kim.ray@fabrikam.com"), (CustomApi.Source, "badge-scanner"), (CustomApi.ExternalId, "evt-2"));

        Assert.True((bool)first[CustomApi.LeadCreated]);
        var lead = org.Lead((Guid)first[CustomApi.LeadId]);
        Assert.Equal("kim.ray", lead.GetAttributeValue<string>(LeadColumns.LastName));
        Assert.Equal("Interaction from badge-scanner", lead.GetAttributeValue<string>(LeadColumns.Subject));
        Assert.Equal(7, lead.GetAttributeValue<OptionSetValue>(LeadColumns.LeadSource).Value); // Trade Show
        Assert.False((bool)second[CustomApi.LeadCreated]);
        Assert.Equal(lead.Id, second[CustomApi.LeadId]);
        Assert.Equal(60, org.Score(lead.Id));
    }

    // integrations.md, LeadSource: "Default: Source when it is a Lead Source label or value, else Other".
    [Theory]
    [InlineData("7", 7)] // Trade Show, by value
    [InlineData("Trade show", 7)]
    [InlineData("badge-scanner", LeadSourceValues.Other)]
    public void A_created_leads_source_defaults_to_the_Source_when_it_is_a_lead_source_else_Other(string source, int expected)
    {
        org.SetEnvironmentVariable(EnvironmentVariableNames.UnmatchedInteractions, EnvironmentVariableNames.CreateLead);

        var response = Record((CustomApi.EmailAddress, "lee@fabrikam.com"), (CustomApi.Source, source));

        Assert.Equal(expected, org.Lead((Guid)response[CustomApi.LeadId]).GetAttributeValue<OptionSetValue>(LeadColumns.LeadSource).Value);
    }

    // integrations.md: "An interaction recorded for a lead is owned by the lead's owner, so whoever sees the lead sees it."
    [Fact]
    public void An_interaction_the_integration_records_for_a_lead_is_owned_by_the_leads_owner()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("emailaddress1", "jane@contoso.com"));

        var response = Record((CustomApi.EmailAddress, " JANE@contoso.com "));

        var interaction = org.Org.GetRow(InteractionColumns.Table, (Guid)response[CustomApi.InteractionId])!;
        Assert.Equal(lead, response[CustomApi.LeadId]);
        Assert.Equal(org.SalesRep, interaction.GetAttributeValue<EntityReference>(LeadColumns.OwnerId).Id);
    }

    private OrganizationResponse Record(params (string Name, object? Value)[] parameters)
    {
        var all = new (string Name, object? Value)[]
        {
            (CustomApi.Type, "Asset download"),
            (CustomApi.Source, "webinar-platform"),
            (CustomApi.ExternalId, "evt-1"),
            (CustomApi.Name, "Pricing whitepaper"),
        }.Concat(parameters).GroupBy(p => p.Name).Select(g => g.Last()).Where(p => p.Value != null).ToArray();
        return org.Call(CustomApi.RecordInteraction, null, org.Integration, all);
    }

    private static int Reasons(OrganizationResponse explained)
    {
        using var json = JsonDocument.Parse((string)explained[CustomApi.Explanation]);
        return json.RootElement.GetProperty("reasons").GetArrayLength();
    }

    private Entity[] Interactions() => org.Org.GetRows(InteractionColumns.Table).ToArray();

    private (int Leads, int Points, bool More)[] DecayRun(DateTime asOf, int pageSize)
    {
        var pages = new System.Collections.Generic.List<(int, int, bool)>();
        string continuation = "";
        do
        {
            var parameters = new System.Collections.Generic.List<(string, object?)> { (CustomApi.AsOf, asOf), (CustomApi.PageSize, pageSize) };
            if (continuation.Length > 0)
            {
                parameters.Add((CustomApi.Continuation, continuation));
            }

            var page = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, parameters.ToArray());
            continuation = (string?)page[CustomApi.Continuation] ?? "";
            pages.Add(((int)page[CustomApi.LeadsProcessed], (int)page[CustomApi.PointsDebited], continuation.Length > 0));
        }
        while (continuation.Length > 0 && pages.Count < 100);

        return pages.ToArray();
    }


    private int Status(Guid model) => org.Org.GetRow(ScoringModelColumns.Table, model)!.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status).Value;

    private (int Exit, string Output, string Error) Simulate(params string[] lines) =>
        WorkbenchCommandTests.Run("simulate", "--model", Write("model.json", SimulateCommandTests.Model), "--events", Write("events.jsonl", lines));

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }
}
