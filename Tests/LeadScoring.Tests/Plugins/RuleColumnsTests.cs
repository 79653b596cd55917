using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// The configuration plug-in checks a condition against the org's metadata when an admin saves it,
/// with the same messages as `model validate`; a label is stored as its value with the label beside it.
/// </summary>
public sealed class RuleColumnsTests
{
    private readonly ScoringOrganization org = new(activate: false);

    [Theory]
    [InlineData("director", "jobtilte", ConditionOperatorValues.Contains, "\"director\"",
        "Rule 'director', condition 2: lead has no column 'jobtilte'; did you mean 'jobtitle'?")]
    [InlineData("whitepaper", InteractionColumns.Type, ConditionOperatorValues.EqualsTo, "\"Asset Downlaod\"",
        "Rule 'whitepaper', condition 2: 'Asset Downlaod' is not a label of ls_interaction.ls_type; labels: Page visit, Asset download, Video view, Webinar registration, Webinar attendance, Event attendance, Form submission, Social like, Event registration. Did you mean 'Asset download'?")]
    [InlineData("director", "numberofemployees", ConditionOperatorValues.EqualsTo, "\"many\"",
        "Rule 'director', condition 2: 'many' is not a whole number; lead.numberofemployees is a whole number column.")]
    [InlineData("whitepaper", "new_campaign", ConditionOperatorValues.EqualsTo, "\"Spring\"",
        "Rule 'whitepaper', condition 2: ls_interaction has no column 'new_campaign'; ls_interaction columns: createdon, ls_durationseconds, ls_interactionid, ls_leadid, ls_name, ls_occurredon, ls_type, ls_url, modifiedon, statecode.")]
    public void A_condition_that_could_never_fire_is_refused_on_save_with_the_validate_message(string ruleKey, string column, int op, string value, string message)
    {
        org.CreateDraft(Tests.Engine.SampleModels.Default);
        var rule = Rule(ruleKey);

        var refused = ModelGovernanceTests.Refused(() => org.As(org.Admin).Create(Condition(rule, column, op, value)));

        Assert.Equal(message, refused);
        Assert.Single(Conditions(rule));
    }

    [Fact]
    public void A_label_is_stored_as_its_value_with_the_label_beside_it()
    {
        org.CreateDraft(Tests.Engine.SampleModels.Default);
        var rule = Rule("whitepaper");

        var id = org.As(org.Admin).Create(Condition(rule, InteractionColumns.Type, ConditionOperatorValues.In, "[\"video view\", \"Webinar attendance\"]"));

        var saved = org.Org.GetRow(ScoringConditionColumns.Table, id)!;
        Assert.Equal("[100000002,100000004]", saved.GetAttributeValue<string>(ScoringConditionColumns.Value));
        Assert.Equal("Video view, Webinar attendance", saved.GetAttributeValue<string>(ScoringConditionColumns.ValueLabel));
    }

    [Fact]
    public void A_custom_column_the_org_has_is_accepted()
    {
        org.Org.DefineColumn(InteractionColumns.Table, new TableColumn("new_campaign", ColumnType.Text));
        org.CreateDraft(Tests.Engine.SampleModels.Default);
        var rule = Rule("whitepaper");

        org.As(org.Admin).Create(Condition(rule, "new_campaign", ConditionOperatorValues.EqualsTo, "\"Spring\""));

        Assert.Equal(2, Conditions(rule).Count);
    }

    private Entity Rule(string key) => org.Org.GetRows(ScoringRuleColumns.Table).First(r => r.GetAttributeValue<string>(ScoringRuleColumns.RuleKey) == key);

    private System.Collections.Generic.List<Entity> Conditions(Entity rule) =>
        org.Org.GetRows(ScoringConditionColumns.Table).Where(c => c.GetAttributeValue<EntityReference>(ScoringConditionColumns.ScoringRuleId).Id == rule.Id).ToList();

    private static Entity Condition(Entity rule, string column, int op, string value) => new(ScoringConditionColumns.Table)
    {
        [ScoringConditionColumns.ScoringRuleId] = new EntityReference(ScoringRuleColumns.Table, rule.Id),
        [ScoringConditionColumns.Attribute] = column,
        [ScoringConditionColumns.Operator] = new OptionSetValue(op),
        [ScoringConditionColumns.Value] = value,
    };
}
