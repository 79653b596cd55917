using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // Synchronous steps and the main operation share one transaction that rolls back on an exception.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/handle-exceptions
    //        https://learn.microsoft.com/power-apps/developer/data-platform/event-framework#event-execution-pipeline
    //        https://learn.microsoft.com/troubleshoot/power-platform/power-apps/dataverse/dataverse-plug-ins-errors (transaction errors)
    public class TransactionSpecs
    {
        [Fact]
        public void When_a_synchronous_step_throws_the_caller_gets_the_exception_and_nothing_the_operation_or_its_steps_wrote_remains()
        {
            var org = Orgs.With("rollback.json");

            var e = Assert.Throws<InvalidPluginExecutionException>(() => org.Service.Create(new Entity("account") { ["name"] = "fail" }));

            Assert.Equal("name may not be 'fail'.", e.Message);
            Assert.Equal(0, org.RowCount("account"));
            Assert.DoesNotContain(org.GetRows("task"), t => (string)t["subject"] is "written in PreOperation" or "written in PostOperation");
            Assert.Empty(org.PendingJobs); // async steps of a rolled-back operation are never queued
        }

        [Fact]
        public void Writes_of_a_PreValidation_step_at_depth_1_are_outside_the_transaction_and_stay()
        {
            var org = Orgs.With("rollback.json");
            Assert.Throws<InvalidPluginExecutionException>(() => org.Service.Create(new Entity("account") { ["name"] = "fail" }));
            Assert.Equal(new[] { "written in PreValidation" }, org.GetRows("task").Select(t => (string)t["subject"]));
        }

        [Fact]
        public void A_successful_operation_commits_the_writes_of_all_its_steps_and_queues_its_async_steps()
        {
            var org = Orgs.With("rollback.json");
            org.Service.Create(new Entity("account") { ["name"] = "ok" });
            Assert.Equal(3, org.RowCount("task"));
            Assert.Equal("async task", Assert.Single(org.PendingJobs).StepName);
        }

        [Fact]
        public void A_failed_nested_call_fails_the_operation_that_made_it()
        {
            var org = Orgs.With("rollback.json");
            Assert.Throws<InvalidPluginExecutionException>(() => org.Service.Create(new Entity("task") { ["subject"] = "fail" }));
            Assert.Equal(0, org.RowCount("task"));
        }

        [Fact]
        public void A_plug_in_that_swallows_a_failed_call_fails_with_the_platforms_transaction_error_and_nothing_remains()
        {
            var org = Orgs.With("context.json");

            Orgs.AssertFault(ErrorCodes.IsvAbortedTransaction, () => org.Service.Create(new Entity("lead") { ["lastname"] = "Doe" }));

            Assert.Equal(0, org.RowCount("lead"));
            Assert.Equal(new[] { $"ignored: {ErrorCodes.ObjectDoesNotExist}" }, org.Executions.Single(e => e.StepName == "swallow").Traces);
        }

        [Fact]
        public void After_a_failed_call_the_transaction_is_over_and_the_next_call_fails_with_NoActiveTransaction()
        {
            var org = Orgs.With("context.json");
            Orgs.AssertFault(ErrorCodes.NoActiveTransaction, () => org.Service.Create(new Entity("opportunity")));
            Assert.Equal(0, org.RowCount("opportunity"));
            Assert.Equal(0, org.RowCount("task"));
        }

        [Fact]
        public void A_failed_call_inside_a_synchronous_step_rolls_back_the_writes_the_step_made_before_it()
        {
            var org = Orgs.With("rollback.json");
            var id = org.Service.Create(new Entity("account") { ["name"] = "ok" });
            var tasksBefore = org.RowCount("task");
            org.FailCalls(call => call.FromExecution?.StepName == "two tasks" && ((Entity)call.Request["Target"])["subject"] as string == "second",
                Faults.Create(ErrorCodes.DuplicateRecord, "injected"));

            Orgs.AssertFault(ErrorCodes.DuplicateRecord, () => org.Service.Update(new Entity("account", id) { ["name"] = "changed" }));

            Assert.Equal(tasksBefore, org.RowCount("task"));
            Assert.Equal("ok", org.GetRow("account", id)!["name"]);
        }
    }
}
