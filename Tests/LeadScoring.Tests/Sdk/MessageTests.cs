using System;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Sdk;

/// <summary>
/// Typed requests keep their data in Parameters and typed responses read Results, keyed by the property's
/// name (reference §5 and §10.4): that is why a plug-in reads context.InputParameters["Target"].
/// </summary>
public class MessageTests
{
    private static readonly Guid LeadId = new("a3f0c2de-1b7d-4c3e-9c55-7e0f6b2d9a40");

    [Fact]
    public void A_create_request_keeps_its_target_under_Target()
    {
        var lead = new Entity("lead");
        var request = new CreateRequest { Target = lead };

        Assert.Equal("Create", request.RequestName);
        Assert.Same(lead, request.Parameters["Target"]);
        Assert.Same(lead, request["Target"]);
    }

    [Fact]
    public void A_create_response_reads_the_new_id_from_lower_case_id()
    {
        var response = new CreateResponse();
        response.Results["id"] = LeadId;

        Assert.Equal(LeadId, response.id);
    }

    [Fact]
    public void An_update_request_asks_for_no_concurrency_check_until_told()
    {
        var request = new UpdateRequest { Target = new Entity("lead", LeadId) };

        Assert.Equal("Update", request.RequestName);
        Assert.Equal(ConcurrencyBehavior.Default, request.ConcurrencyBehavior);

        request.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;
        Assert.Equal(ConcurrencyBehavior.IfRowVersionMatches, request.Parameters["ConcurrencyBehavior"]);
    }

    [Fact]
    public void Delete_and_retrieve_requests_name_their_record_by_reference()
    {
        var target = new EntityReference("lead", LeadId);
        var delete = new DeleteRequest { Target = target };
        var retrieve = new RetrieveRequest { Target = target, ColumnSet = new ColumnSet("subject") };

        Assert.Equal(("Delete", "Retrieve"), (delete.RequestName, retrieve.RequestName));
        Assert.Same(target, delete.Parameters["Target"]);
        Assert.Same(target, retrieve.Parameters["Target"]);
        Assert.IsType<ColumnSet>(retrieve.Parameters["ColumnSet"]);
    }

    [Fact]
    public void Retrieve_responses_read_their_results_by_property_name()
    {
        var retrieved = new RetrieveResponse();
        retrieved.Results["Entity"] = new Entity("lead", LeadId);
        var page = new RetrieveMultipleResponse();
        page.Results["EntityCollection"] = new EntityCollection();

        Assert.Equal(LeadId, retrieved.Entity.Id);
        Assert.NotNull(page.EntityCollection);
        Assert.Equal("RetrieveMultiple", new RetrieveMultipleRequest { Query = new QueryExpression("lead") }.RequestName);
    }

    [Fact]
    public void An_upsert_response_says_whether_it_created_the_record()
    {
        var response = new UpsertResponse();
        response.Results["RecordCreated"] = true;
        response.Results["Target"] = new EntityReference("lead", LeadId);

        Assert.True(response.RecordCreated);
        Assert.Equal(LeadId, response.Target.Id);
        Assert.Equal("Upsert", new UpsertRequest().RequestName);
    }

    [Fact]
    public void Execute_multiple_carries_its_requests_settings_and_responses()
    {
        var request = new ExecuteMultipleRequest
        {
            Requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("lead") } },
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
        };
        var response = new ExecuteMultipleResponse();
        response.Results["IsFaulted"] = true;
        response.Results["Responses"] = new ExecuteMultipleResponseItemCollection
        {
            new ExecuteMultipleResponseItem { RequestIndex = 0, Fault = new OrganizationServiceFault { ErrorCode = -2147220969 } },
        };

        Assert.Equal("ExecuteMultiple", request.RequestName);
        Assert.Single(request.Requests);
        Assert.True(request.Settings.ContinueOnError);
        Assert.True(response.IsFaulted);
        Assert.Equal(-2147220969, Assert.Single(response.Responses).Fault.ErrorCode);
    }

    [Fact]
    public void Set_state_keeps_the_record_state_and_status()
    {
        var request = new SetStateRequest
        {
            EntityMoniker = new EntityReference("lead", LeadId),
            State = new OptionSetValue(2),
            Status = new OptionSetValue(4),
        };

        Assert.Equal("SetState", request.RequestName);
        Assert.Equal(new EntityReference("lead", LeadId), request.Parameters["EntityMoniker"]);
        Assert.Equal(new OptionSetValue(2), request.Parameters["State"]);
        Assert.Equal(new OptionSetValue(4), request.Parameters["Status"]);
    }

    [Fact]
    public void Assign_keeps_the_record_and_its_new_owner()
    {
        var owner = new EntityReference("systemuser", Guid.NewGuid());
        var request = new AssignRequest { Target = new EntityReference("lead", LeadId), Assignee = owner };

        Assert.Equal("Assign", request.RequestName);
        Assert.Same(owner, request.Parameters["Assignee"]);
    }

    [Fact]
    public void Who_am_I_reads_the_caller_from_the_results()
    {
        Guid userId = Guid.NewGuid();
        var response = new WhoAmIResponse();
        response.Results["UserId"] = userId;

        Assert.Equal("WhoAmI", new WhoAmIRequest().RequestName);
        Assert.Equal(userId, response.UserId);
    }

    [Fact]
    public void A_generic_request_is_named_and_indexed_like_a_typed_one()
    {
        var request = new OrganizationRequest("ls_Recalculate") { ["Target"] = new EntityReference("lead", LeadId) };
        var response = new OrganizationResponse { ResponseName = "ls_Recalculate" };
        response["Score"] = 42;

        Assert.Equal("ls_Recalculate", request.RequestName);
        Assert.IsType<EntityReference>(request.Parameters["Target"]);
        Assert.Equal(42, response.Results["Score"]);
    }
}
