using System;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Emulator
{
    // ExecuteMultiple, and queries that name a whole alternate key.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/org-service/execute-multiple-requests
    //        https://learn.microsoft.com/power-apps/developer/data-platform/define-alternate-keys-entity
    public class ExecuteMultipleSpecs
    {
        private readonly EmulatedOrganization org = new();

        public ExecuteMultipleSpecs() => org.DefineAlternateKey("ls_interaction", "ls_source_externalid_key", "ls_source", "ls_externalid");

        private static CreateRequest Create(string source, string externalId) =>
            new() { Target = new Entity("ls_interaction") { ["ls_source"] = source, ["ls_externalid"] = externalId } };

        private ExecuteMultipleResponse Run(bool continueOnError, bool returnResponses, params OrganizationRequest[] requests)
        {
            var collection = new OrganizationRequestCollection();
            collection.AddRange(requests);
            return (ExecuteMultipleResponse)org.Service.Execute(new ExecuteMultipleRequest
            {
                Requests = collection,
                Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = returnResponses },
            });
        }

        [Fact]
        public void Each_request_runs_on_its_own_and_with_ContinueOnError_a_fault_does_not_stop_the_rest()
        {
            var response = Run(true, true, Create("web", "1"), Create("web", "1"), Create("web", "2"));

            Assert.True(response.IsFaulted);
            Assert.Equal(new[] { 0, 1, 2 }, response.Responses.Select(r => r.RequestIndex));
            Assert.Null(response.Responses[0].Fault);
            Assert.IsType<CreateResponse>(response.Responses[0].Response);
            Assert.Equal(ErrorCodes.DuplicateRecordEntityKey, response.Responses[1].Fault.ErrorCode);
            Assert.Equal(2, org.RowCount("ls_interaction"));
            Assert.Equal(4, org.CallCounts.Values.Sum()); // the batch and each of its requests
        }

        [Fact]
        public void Without_ContinueOnError_the_batch_stops_at_the_first_fault_and_without_ReturnResponses_only_faults_come_back()
        {
            var response = Run(false, false, Create("web", "1"), Create("web", "1"), Create("web", "2"));

            Assert.True(response.IsFaulted);
            Assert.Equal(1, Assert.Single(response.Responses).RequestIndex);
            Assert.Equal(1, org.RowCount("ls_interaction"));
        }

        [Fact]
        public void More_than_1000_requests_are_refused_before_any_runs()
        {
            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => Run(true, true, Enumerable.Range(0, 1001).Select(i => (OrganizationRequest)Create("web", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray()));
            Assert.Equal(0, org.RowCount("ls_interaction"));
        }

        [Fact]
        public void A_query_naming_a_whole_alternate_key_finds_what_a_scan_finds()
        {
            var id = org.Service.Create(Create("Web", "A-1").Target);
            org.Service.Create(Create("web", "A-2").Target);
            org.Service.Create(new Entity("ls_interaction"));

            EntityCollection Find(string source, string externalId, params (string Column, object Value)[] more)
            {
                var query = new QueryExpression("ls_interaction") { ColumnSet = new ColumnSet(true) };
                query.Criteria.AddCondition("ls_source", ConditionOperator.Equal, source);
                query.Criteria.AddCondition("ls_externalid", ConditionOperator.Equal, externalId);
                foreach (var (column, value) in more)
                {
                    query.Criteria.AddCondition(column, ConditionOperator.Equal, value);
                }

                return org.Service.RetrieveMultiple(query);
            }

            Assert.Equal(id, Assert.Single(Find("WEB", "a-1").Entities).Id);
            Assert.Empty(Find("web", "A-3").Entities);
            Assert.Empty(Find("web", "A-1", ("statecode", 1)).Entities); // the other conditions still apply
        }
    }
}
