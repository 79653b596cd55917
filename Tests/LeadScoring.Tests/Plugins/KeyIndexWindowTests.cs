using System;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Right after the solution is imported, the indexes of its alternate keys are still being built and no
/// duplicate is refused (Learn: define-alternate-keys-entity). The ledger's "already there, skip it" needs
/// them, so a model cannot be activated until the keys are Active, and nothing writes score events without
/// an active model.
/// </summary>
public class KeyIndexWindowTests
{
    private readonly ScoringOrganization org = new(activate: false, buildKeyIndexes: false);

    private Guid ApprovedDraft()
    {
        var model = org.CreateDraft(Engine.SampleModels.Default);
        org.Approve(model, org.MarketingApprover, ScoringModelColumns.MarketingApproverId);
        org.Approve(model, org.SalesApprover, ScoringModelColumns.SalesApproverId);
        return model;
    }

    private int Status(Guid model) => org.Org.GetRow(ScoringModelColumns.Table, model)!.GetAttributeValue<OptionSetValue>(ScoringModelColumns.Status).Value;

    [Fact]
    public void While_the_ledger_key_is_Pending_or_InProgress_activation_is_refused_naming_the_key_and_after_the_index_job_it_works()
    {
        var model = ApprovedDraft();

        var refused = ModelGovernanceTests.Refused(() => org.SetStatus(model, ModelStatusValues.Active));

        Assert.Contains("alternate key " + ScoreEventColumns.AlternateKey + " of " + ScoreEventColumns.Table + " is Pending", refused, StringComparison.Ordinal);
        Assert.Contains("activate the model once the key is Active", refused, StringComparison.Ordinal);
        Assert.Equal(ModelStatusValues.Draft, Status(model));

        org.Org.StartKeyIndexJobs();
        var building = ModelGovernanceTests.Refused(() => org.SetStatus(model, ModelStatusValues.Active));
        Assert.Contains("alternate key " + ScoreEventColumns.AlternateKey + " of " + ScoreEventColumns.Table + " is InProgress", building, StringComparison.Ordinal);

        org.Org.RunKeyIndexJobs();
        org.SetStatus(model, ModelStatusValues.Active);

        Assert.Equal(ModelStatusValues.Active, Status(model));
        var lead = org.CreateLead(("jobtitle", "Director"));
        Assert.True(org.Score(lead) > 0);
        Assert.Equal(org.Score(lead), org.SumOfEvents(lead));
    }

    [Fact]
    public void A_failed_index_gives_the_message_with_what_to_do_and_reactivating_the_key_after_removing_duplicates_lets_the_model_go_live()
    {
        // Interactions are recorded before any model is active, so a webhook delivered twice at the same
        // moment in the window can leave two rows with one source and external id; the index job then fails.
        var model = ApprovedDraft();
        var copies = new[] { "first", "second" }.Select(name => org.Org.Seed(new Entity(InteractionColumns.Table)
        {
            [InteractionColumns.Name] = name,
            [InteractionColumns.Source] = "webhook",
            [InteractionColumns.ExternalId] = "42",
        })).ToList();
        org.Org.RunKeyIndexJobs();

        var refused = ModelGovernanceTests.Refused(() => org.SetStatus(model, ModelStatusValues.Active));

        Assert.Equal(EntityKeyIndexStatus.Active, org.Org.KeyIndexStatus(ScoreEventColumns.Table, ScoreEventColumns.AlternateKey));
        Assert.Contains(InteractionColumns.AlternateKey + " of " + InteractionColumns.Table + " is Failed", refused, StringComparison.Ordinal);
        Assert.Contains("remove the duplicate rows, reactivate the key", refused, StringComparison.Ordinal);
        Assert.Contains("ReactivateEntityKeyRequest", refused, StringComparison.Ordinal);

        org.Org.Service.Delete(InteractionColumns.Table, copies[1]);
        org.Org.Service.Execute(new ReactivateEntityKeyRequest { EntityLogicalName = InteractionColumns.Table, EntityKeyLogicalName = InteractionColumns.AlternateKey });
        org.Org.RunKeyIndexJobs();
        org.SetStatus(model, ModelStatusValues.Active);

        Assert.Equal(ModelStatusValues.Active, Status(model));
        Assert.Null(LedgerKeys.NotActive(org.As(org.Admin)));
    }

    [Fact]
    public void In_the_window_no_path_writes_score_events_adjust_and_hand_back_are_refused_and_decay_does_nothing()
    {
        var lead = org.CreateLead(("jobtitle", "Director"));

        var adjust = ModelGovernanceTests.Refused(() => org.Call(CustomApi.AdjustLeadScore, lead, org.Admin, parameters: [(CustomApi.Points, 5), (CustomApi.Reason, "call")]));
        var handBack = ModelGovernanceTests.Refused(() => org.Call(CustomApi.HandBackLead, lead, org.Admin, parameters: [(CustomApi.Reason, "not ready")]));
        var decay = org.Call(CustomApi.ApplyScoreDecay, null, org.Admin, (CustomApi.AsOf, org.Org.Clock.UtcNow));

        Assert.Equal(OperationMessages.NoActiveModel, adjust);
        Assert.Equal(OperationMessages.NoActiveModel, handBack);
        Assert.Equal(0, (int)decay.Results[CustomApi.LeadsProcessed]);
        Assert.Equal(0, org.Org.RowCount(ScoreEventColumns.Table));
    }
}
