using System.Linq;
using System.ServiceModel;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadScoring.Tests.Emulator
{
    // ExecuteTransaction runs the requests of its Requests collection in order in one database transaction:
    // all succeed, or a failure rolls back every change made in it and the caller gets an
    // ExecuteTransactionFault whose FaultedRequestIndex is the index of the request that failed. Responses
    // come back, in order, only when ReturnResponses is true. It may not contain an ExecuteMultiple or an
    // ExecuteTransaction. Plug-ins run for each request as they would for the request sent alone.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/org-service/use-executetransaction
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.executetransactionfault.faultedrequestindex
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.executetransactionresponse.responses
    //        https://learn.microsoft.com/power-apps/developer/data-platform/org-service/execute-multiple-requests (the 1,000-request limit the emulator applies to both)
    public class ExecuteTransactionSpecs
    {
        private readonly EmulatedOrganization org = Orgs.With("rollback.json");

        private static ExecuteTransactionRequest Accounts(bool returnResponses, params string[] names)
        {
            var request = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection(), ReturnResponses = returnResponses };
            foreach (var name in names)
            {
                request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = name } });
            }
            return request;
        }

        [Fact]
        public void All_requests_commit_together_with_what_their_plug_ins_wrote_and_responses_come_back_in_order()
        {
            var response = (ExecuteTransactionResponse)org.Service.Execute(Accounts(true, "a", "b"));

            Assert.Equal(2, org.RowCount("account"));
            Assert.Equal(6, org.RowCount("task")); // PreValidation, PreOperation and PostOperation tasks of each create
            Assert.Equal(2, org.PendingJobs.Count);
            Assert.Equal(org.GetRows("account").Select(a => a.Id), response.Responses.Select(r => (System.Guid)r.Results["id"]));
        }

        [Fact]
        public void Without_ReturnResponses_no_responses_come_back()
        {
            var response = (ExecuteTransactionResponse)org.Service.Execute(Accounts(false, "a", "b"));
            Assert.Null(response.Responses);
        }

        [Fact]
        public void A_refused_request_rolls_back_every_change_of_the_transaction_and_the_fault_names_its_index()
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(Accounts(true, "a", "b", "fail", "c")));

            var detail = Assert.IsType<ExecuteTransactionFault>(fault.Detail);
            Assert.Equal(2, detail.FaultedRequestIndex);
            Assert.Equal("name may not be 'fail'.", detail.Message);
            Assert.Equal(0, org.RowCount("account"));
            Assert.Equal(0, org.RowCount("task"));
            Assert.Empty(org.PendingJobs);
        }

        [Fact]
        public void It_may_not_hold_an_ExecuteMultiple_or_another_ExecuteTransaction_nor_more_than_1000_requests()
        {
            var nested = Accounts(false, "a");
            nested.Requests.Add(Accounts(false, "b"));
            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(nested));
            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(Accounts(false, Enumerable.Range(0, 1001).Select(i => "n" + i).ToArray())));
            Assert.Equal(0, org.RowCount("account"));
        }
    }
}
