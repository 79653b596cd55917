using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Tests.Plugins;
using Xunit.Abstractions;

namespace LeadScoring.Tests.Performance;

/// <summary>
/// Service calls per ls_RecordInteraction and per step it sets off, measured through the emulator with
/// the real registrations; docs/benchmarks.md reports them as calls per recorded interaction.
/// </summary>
public class RecordInteractionBudgetTests
{
    private readonly ScoringOrganization org = new();
    private readonly ITestOutputHelper output;

    public RecordInteractionBudgetTests(ITestOutputHelper output) => this.output = output;

    private void Record(string externalId, string email) =>
        org.Call(CustomApi.RecordInteraction, null, org.Integration, (CustomApi.Type, "Asset download"), (CustomApi.Source, "webinar-platform"),
            (CustomApi.ExternalId, externalId), (CustomApi.Name, "Whitepaper"), (CustomApi.EmailAddress, email));

    [Fact]
    public void A_matched_interaction_costs_two_reads_and_a_create_and_scoring_costs_what_any_activity_costs()
    {
        var lead = org.CreateLead(("lastname", "Doe"), ("emailaddress1", "jane@contoso.com"));
        org.Org.ResetDiagnostics();

        Record("e1", "jane@contoso.com");

        Assert.Equal("2 RetrieveMultiple + 1 Create", Budget(CustomApi.RecordInteraction));
        Assert.Equal("1 Retrieve + 1 RetrieveMultiple + 1 Create + 1 Update", Budget("Lead scoring: ls_interaction create"));
        Assert.Equal(30, org.Score(lead));
    }

    [Fact]
    public void A_retried_call_costs_one_read()
    {
        org.CreateLead(("lastname", "Doe"), ("emailaddress1", "jane@contoso.com"));
        Record("e1", "jane@contoso.com");
        org.Org.ResetDiagnostics();

        Record("e1", "jane@contoso.com");

        Assert.Equal("1 RetrieveMultiple", Budget(CustomApi.RecordInteraction));
        Assert.DoesNotContain(org.Org.Executions, e => e.StepName == "Lead scoring: ls_interaction create");
    }

    [Fact]
    public void An_unmatched_interaction_reads_the_setting_too_and_attaching_costs_a_query_and_an_update_each()
    {
        org.SetEnvironmentVariable(EnvironmentVariableNames.UnmatchedInteractions, EnvironmentVariableNames.Hold);
        org.Org.ResetDiagnostics();
        Record("e1", "sam@fabrikam.com");
        Assert.Equal("4 RetrieveMultiple + 1 Create", Budget(CustomApi.RecordInteraction));
        Record("e2", "sam@fabrikam.com");
        org.Org.ResetDiagnostics();

        var lead = org.CreateLead(("lastname", "Lee"), ("emailaddress1", "sam@fabrikam.com"));

        Assert.Equal("1 RetrieveMultiple + 2 Update", Budget("Lead scoring: attach unmatched interactions on lead create"));
        Assert.Equal(2, org.Org.Executions.Count(e => e.StepName == "Lead scoring: ls_interaction update"));
        Assert.Equal("1 Retrieve + 1 RetrieveMultiple + 1 Create + 1 Update", Budget("Lead scoring: ls_interaction update"));
        Assert.Equal(60, org.Score(lead)); // two downloads of 30
    }

    private string Budget(string stepName) => ServiceCallBudgetTests.Describe(org.Org.Executions.Last(e => e.StepName == stepName), output);
}
