using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // Depth and the infinite-loop guard.
    // Learn: https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth
    //        ("The maximum depth (8) ... the platform considers this behavior an infinite loop")
    //        https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes (SdkCorrelationTokenDepthTooHigh, 0x80044182)
    public class DepthSpecs
    {
        [Fact]
        public void A_call_a_plug_in_makes_runs_one_level_deeper_with_the_same_correlation_and_the_plug_ins_context_as_parent()
        {
            var org = Orgs.With("depth.json");
            org.Service.Create(new Entity("contact"));

            var outer = org.Executions.Single(e => e.StepName == "contact create to task").Context;
            var nested = org.Executions.Single(e => e.StepName == "record task").Context;
            Assert.Equal(1, outer.Depth);
            Assert.Equal(2, nested.Depth);
            Assert.Equal(outer.CorrelationId, nested.CorrelationId);
            Assert.Same(outer, nested.ParentContext.ParentContext); // nested stage-40 context → its PreValidation context → the caller
            Assert.True(nested.IsInTransaction);
        }

        [Fact]
        public void A_step_that_updates_its_own_row_is_stopped_above_depth_8_with_SdkCorrelationTokenDepthTooHigh_and_the_loop_leaves_nothing()
        {
            var org = Orgs.With("depth.json");
            var id = org.Service.Create(new Entity("account") { ["description"] = "start" });

            Orgs.AssertFault(ErrorCodes.SdkCorrelationTokenDepthTooHigh, () => org.Service.Update(new Entity("account", id) { ["name"] = "go" }));

            Assert.Equal(Enumerable.Range(1, 8), org.Executions.Where(e => e.StepName == "self update").Select(e => e.Depth));
            Assert.Equal("start", org.GetRow("account", id)!["description"]);
        }

        [Fact]
        public void An_asynchronous_loop_is_stopped_too_and_the_failure_is_recorded_on_the_system_job()
        {
            var org = Orgs.With("depth.json");
            var id = org.Service.Create(new Entity("contact"));
            org.Service.Update(new Entity("contact", id) { ["lastname"] = "go" });

            org.DrainAsyncQueue();

            var jobs = org.SystemJobs.Where(j => j.StepName == "async self update").ToList();
            Assert.Equal(8, jobs.Count);
            Assert.All(jobs.Take(7), j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
            Assert.Equal(SystemJobStatus.Failed, jobs[7].Status);
            Assert.Equal(ErrorCodes.SdkCorrelationTokenDepthTooHigh, ((System.ServiceModel.FaultException<OrganizationServiceFault>)jobs[7].Exception!).Detail.ErrorCode);
        }
    }
}
