using System;
using System.Linq;
using System.ServiceModel;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>A model becomes active only when marketing and sales both approved it, and an active model is never edited in place.</summary>
public class ModelGovernanceTests
{
    private readonly ScoringOrganization org = new(activate: false);

    [Fact]
    public void A_model_needs_both_approvals_to_become_active()
    {
        var model = org.CreateDraft(Engine.SampleModels.Default);
        org.Approve(model, org.MarketingApprover, ScoringModelColumns.MarketingApproverId);

        var refused = Refused(() => org.SetStatus(model, ModelStatusValues.Active));

        Assert.Contains("still needs the approval of a sales approver (Scoring Sales Approver)", refused, StringComparison.Ordinal);
        org.Approve(model, org.SalesApprover, ScoringModelColumns.SalesApproverId);
        org.SetStatus(model, ModelStatusValues.Active);
        Assert.Equal(ModelStatusValues.Active, Status(model));
    }

    [Fact]
    public void Only_an_approver_with_the_role_approves_and_only_for_themself()
    {
        var model = org.CreateDraft(Engine.SampleModels.Default);

        var salesRep = Refused(() => org.Approve(model, org.SalesRep, ScoringModelColumns.MarketingApproverId));
        var withoutRole = Refused(() => org.Approve(model, org.SalesApprover, ScoringModelColumns.MarketingApproverId));
        var onBehalf = Refused(() =>
        {
            var approval = new Entity(ScoringModelColumns.Table, model) { [ScoringModelColumns.SalesApproverId] = new EntityReference("systemuser", org.SalesApprover) };
            org.As(org.MarketingApprover).Update(approval);
        });

        Assert.Contains("is missing prvWritels_scoringmodel privilege", salesRep, StringComparison.Ordinal);
        Assert.Contains("Only users with the 'Scoring Marketing Approver' security role", withoutRole, StringComparison.Ordinal);
        Assert.Contains("Nobody can approve for someone else", onBehalf, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_rule_clears_the_approvals()
    {
        var model = org.CreateDraft(Engine.SampleModels.Default);
        org.Approve(model, org.MarketingApprover, ScoringModelColumns.MarketingApproverId);
        org.Approve(model, org.SalesApprover, ScoringModelColumns.SalesApproverId);
        var rule = org.Org.GetRows(ScoringRuleColumns.Table).First(r => r.GetAttributeValue<string>(ScoringRuleColumns.RuleKey) == "whitepaper");

        org.As(org.Admin).Update(new Entity(ScoringRuleColumns.Table, rule.Id) { [ScoringRuleColumns.Points] = 35 });

        var row = org.Org.GetRow(ScoringModelColumns.Table, model)!;
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId));
        Assert.Null(row.GetAttributeValue<EntityReference>(ScoringModelColumns.SalesApproverId));
        Assert.Contains("still needs the approval of a marketing approver", Refused(() => org.SetStatus(model, ModelStatusValues.Active)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_model_and_its_rules_are_never_edited_in_place()
    {
        var model = org.CreateAndActivate(Engine.SampleModels.Default);
        var rule = org.Org.GetRows(ScoringRuleColumns.Table).First(r => r.GetAttributeValue<string>(ScoringRuleColumns.RuleKey) == "whitepaper");

        var ruleEdit = Refused(() => org.As(org.Admin).Update(new Entity(ScoringRuleColumns.Table, rule.Id) { [ScoringRuleColumns.Points] = 99 }));
        var modelEdit = Refused(() => org.As(org.Admin).Update(new Entity(ScoringModelColumns.Table, model) { [ScoringModelColumns.SalesReadyThreshold] = 10 }));

        Assert.Contains("cannot be changed. Copy it to a new version", ruleEdit, StringComparison.Ordinal);
        Assert.Contains("is Active and cannot be edited. Copy it to a new version", modelEdit, StringComparison.Ordinal);
        Assert.Equal(30, org.Org.GetRow(ScoringRuleColumns.Table, rule.Id)!.GetAttributeValue<int>(ScoringRuleColumns.Points));
    }

    [Fact]
    public void An_invalid_rule_is_refused_on_save_with_the_engine_message()
    {
        var model = org.CreateDraft(Engine.SampleModels.Default);
        var rule = org.Org.GetRows(ScoringRuleColumns.Table).First(r => r.GetAttributeValue<string>(ScoringRuleColumns.RuleKey) == "director");

        var refused = Refused(() => org.As(org.Admin).Create(new Entity(ScoringConditionColumns.Table)
        {
            [ScoringConditionColumns.ScoringRuleId] = new EntityReference(ScoringRuleColumns.Table, rule.Id),
            [ScoringConditionColumns.Attribute] = "numberofemployees",
            [ScoringConditionColumns.Operator] = new OptionSetValue(ConditionOperatorValues.Between),
            [ScoringConditionColumns.Value] = "[500]",
        }));

        Assert.Contains("Rule 'director', condition on 'numberofemployees': operator between needs exactly two numbers or dates", refused, StringComparison.Ordinal);
        Assert.Single(org.Org.GetRows(ScoringConditionColumns.Table), c => c.GetAttributeValue<EntityReference>(ScoringConditionColumns.ScoringRuleId).Id == rule.Id);
        Assert.NotEqual(Guid.Empty, model);
    }

    [Fact]
    public void Activating_a_model_retires_the_active_one_and_recalculates_open_leads()
    {
        org.CreateAndActivate(Engine.SampleModels.Default);
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        Assert.Equal(20, org.Score(lead));
        var first = org.ModelId;

        var richer = Engine.SampleModels.Default with { Version = 2, Rules = [Engine.SampleModels.Director with { Points = 45 }, Engine.SampleModels.Whitepaper] };
        org.CreateAndActivate(richer);

        Assert.Equal(ModelStatusValues.Retired, Status(first));
        Assert.Equal(45, org.Score(lead));
        Assert.Equal(org.ModelId, org.Lead(lead).GetAttributeValue<EntityReference>(LeadColumns.ScoringModelId).Id);
    }

    [Fact]
    public void The_ledger_is_append_only()
    {
        var scoring = new ScoringOrganization();
        var lead = scoring.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        var scoreEvent = scoring.Events(lead).Single();

        var fake = Ledger.ToRow(lead, new ScoreEvent { Key = "fake", Points = 100, Reason = "fake", OccurredOn = ScoringOrganization.Start });

        // The roles refuse most of it; the guard refuses the rest, even to a System Administrator.
        var systemAdministrator = scoring.Org.AddUser("Sasha Sysadmin", LeadScoring.Emulator.EmulatedOrganization.SystemAdministratorRole);
        Assert.Contains("is missing prvDeletels_scoreevent privilege", Refused(() => scoring.As(scoring.Admin).Delete(ScoreEventColumns.Table, scoreEvent.Id)), StringComparison.Ordinal);
        Assert.Contains("is missing prvCreatels_scoreevent privilege", Refused(() => scoring.As(scoring.SalesRep).Create(fake)), StringComparison.Ordinal);
        Assert.Contains("cannot be changed directly", Refused(() => scoring.As(scoring.Admin).Update(new Entity(ScoreEventColumns.Table, scoreEvent.Id) { [ScoreEventColumns.Points] = 500 })), StringComparison.Ordinal);
        Assert.Contains("cannot be deleted directly", Refused(() => scoring.As(systemAdministrator).Delete(ScoreEventColumns.Table, scoreEvent.Id)), StringComparison.Ordinal);
        Assert.Contains("cannot be created directly", Refused(() => scoring.As(systemAdministrator).Create(fake)), StringComparison.Ordinal);
        Assert.Equal(20, scoring.SumOfEvents(lead));
    }

    [Fact]
    public void A_rule_or_condition_cannot_be_moved_off_the_active_model()
    {
        var active = org.CreateAndActivate(Engine.SampleModels.Default);
        var draft = org.CreateDraft(Engine.SampleModels.Default with { Version = 2 });
        var director = RuleOf(active, "director");
        var draftRule = RuleOf(draft, "director");
        var condition = org.Org.GetRows(ScoringConditionColumns.Table).First(c => c.GetAttributeValue<EntityReference>(ScoringConditionColumns.ScoringRuleId).Id == RuleOf(active, "whitepaper"));

        // The attacker edits only the Draft side of the lookup: the rule's or condition's new parent is a Draft.
        var moveRule = Refused(() => org.As(org.Admin).Update(new Entity(ScoringRuleColumns.Table, director) { [ScoringRuleColumns.ScoringModelId] = new EntityReference(ScoringModelColumns.Table, draft) }));
        var moveCondition = Refused(() => org.As(org.Admin).Update(new Entity(ScoringConditionColumns.Table, condition.Id) { [ScoringConditionColumns.ScoringRuleId] = new EntityReference(ScoringRuleColumns.Table, draftRule) }));
        var deleteCondition = Refused(() => org.As(org.Admin).Delete(ScoringConditionColumns.Table, condition.Id));

        Assert.All(new[] { moveRule, moveCondition, deleteCondition }, m => Assert.Contains("Active scoring model", m, StringComparison.Ordinal));
        Assert.Equal(active, org.Org.GetRow(ScoringRuleColumns.Table, director)!.GetAttributeValue<EntityReference>(ScoringRuleColumns.ScoringModelId).Id);
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        Assert.Equal(20, org.Score(lead));
    }

    [Fact]
    public void One_person_holding_both_approver_roles_cannot_approve_both_sides()
    {
        var both = org.Org.AddUser("Bo Both", SecurityRoles.MarketingApprover, SecurityRoles.SalesApprover);
        var model = org.CreateDraft(Engine.SampleModels.Default);
        org.Approve(model, both, ScoringModelColumns.MarketingApproverId);

        var second = Refused(() => org.Approve(model, both, ScoringModelColumns.SalesApproverId));

        Assert.Contains("must come from two different people", second, StringComparison.Ordinal);
        Assert.Contains("still needs the approval of a sales approver", Refused(() => org.SetStatus(model, ModelStatusValues.Active)), StringComparison.Ordinal);
        org.Approve(model, org.SalesApprover, ScoringModelColumns.SalesApproverId);
        org.SetStatus(model, ModelStatusValues.Active);
        Assert.Equal(ModelStatusValues.Active, Status(model));
    }

    [Fact]
    public void An_approver_cannot_clear_the_other_sides_approval()
    {
        var model = org.CreateDraft(Engine.SampleModels.Default);
        org.Approve(model, org.MarketingApprover, ScoringModelColumns.MarketingApproverId);
        org.Approve(model, org.SalesApprover, ScoringModelColumns.SalesApproverId);

        var cleared = Refused(() => org.As(org.SalesApprover).Update(new Entity(ScoringModelColumns.Table, model) { [ScoringModelColumns.MarketingApproverId] = null }));
        org.As(org.SalesApprover).Update(new Entity(ScoringModelColumns.Table, model) { [ScoringModelColumns.SalesApproverId] = null }); // withdrawing one's own is fine

        Assert.Contains("Only the marketing approver who gave the approval can withdraw it", cleared, StringComparison.Ordinal);
        Assert.Equal(org.MarketingApprover, org.Org.GetRow(ScoringModelColumns.Table, model)!.GetAttributeValue<EntityReference>(ScoringModelColumns.MarketingApproverId).Id);
    }

    [Fact]
    public void No_single_person_retires_the_active_model_only_an_approved_successor_does()
    {
        var active = org.CreateAndActivate(Engine.SampleModels.Default);

        foreach (var person in new[] { org.MarketingApprover, org.SalesApprover, org.Admin })
        {
            var retired = Refused(() => org.As(person).Update(new Entity(ScoringModelColumns.Table, active) { [ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Retired) }));
            Assert.True(retired.Contains("it is retired only when a successor that marketing and sales approved is activated", StringComparison.Ordinal) || retired.Contains("privilege", StringComparison.Ordinal), retired);
        }

        Assert.Equal(ModelStatusValues.Active, Status(active));
        org.CreateAndActivate(Engine.SampleModels.Default with { Version = 2 });
        Assert.Equal(ModelStatusValues.Retired, Status(active));
        Assert.Contains(org.Org.Executions.SelectMany(e => e.Traces), t => t.StartsWith("Retired scoring model " + active, StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_import_with_a_refused_rule_leaves_nothing_behind()
    {
        var broken = Engine.SampleModels.Default with
        {
            Version = 7,
            Rules = [.. Engine.SampleModels.Default.Rules, Engine.SampleModels.Director with { Id = "bad", Conditions = [new Condition("numberofemployees", ConditionOperator.Between, [500m])] }],
        };
        var models = org.Org.GetRows(ScoringModelColumns.Table).Count;
        var rules = org.Org.GetRows(ScoringRuleColumns.Table).Count;
        var conditions = org.Org.GetRows(ScoringConditionColumns.Table).Count;

        org.Org.ResetDiagnostics();
        var refused = Refused(() => ModelRows.Create(org.As(org.Admin), broken));

        Assert.StartsWith("Condition 1 of rule 'bad' was refused, so nothing was written: ", refused, StringComparison.Ordinal);
        Assert.Contains("operator between needs exactly two numbers or dates", refused, StringComparison.Ordinal);
        Assert.Equal(1, org.Org.CallCountsByTable["ExecuteTransaction"]); // one transaction, rolled back by the platform: nothing to delete
        Assert.False(org.Org.CallCounts.ContainsKey("Delete"));
        Assert.Equal((models, rules, conditions), (org.Org.GetRows(ScoringModelColumns.Table).Count, org.Org.GetRows(ScoringRuleColumns.Table).Count, org.Org.GetRows(ScoringConditionColumns.Table).Count));
    }

    private Guid RuleOf(Guid model, string key) => org.Org.GetRows(ScoringRuleColumns.Table)
        .Single(r => r.GetAttributeValue<EntityReference>(ScoringRuleColumns.ScoringModelId).Id == model && r.GetAttributeValue<string>(ScoringRuleColumns.RuleKey) == key).Id;

    private int Status(Guid model) => org.Org.GetRow(ScoringModelColumns.Table, model)!.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status).Value;

    internal static string Refused(Action action)
    {
        var error = Assert.ThrowsAny<Exception>(action);
        Assert.True(error is InvalidPluginExecutionException or FaultException<OrganizationServiceFault>, error.GetType().Name + ": " + error.Message);
        return error.Message;
    }
}
