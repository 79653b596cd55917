using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // Asynchronous steps: queued after commit, run later by the asynchronous service, failures recorded.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/asynchronous-service
    //        https://learn.microsoft.com/power-apps/developer/data-platform/handle-exceptions#how-asynchronous-plug-ins-exceptions-are-handled
    public class AsyncSpecs
    {
        [Fact]
        public void An_async_step_is_queued_when_the_operation_commits_and_runs_only_when_the_queue_is_drained()
        {
            var org = Orgs.With("async.json");
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso" });

            org.Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

            Assert.Equal(new[] { "async task", "async refuse" }, org.PendingJobs.Select(j => j.StepName));
            Assert.Equal(0, org.RowCount("task"));
            Assert.Empty(org.Executions);

            org.DrainAsyncQueue();

            Assert.Equal("follow up", Assert.Single(org.GetRows("task"))["subject"]);
            Assert.All(org.SystemJobs.Where(j => j.StepName != "async record task"), j => Assert.Equal(SystemJobStatus.Succeeded, j.Status));
        }

        [Fact]
        public void An_async_step_runs_in_mode_1_at_PostOperation_outside_any_transaction_with_the_depth_of_its_operation()
        {
            var org = Orgs.With("async.json");
            var id = org.Service.Create(new Entity("account"));
            org.Service.Update(new Entity("account", id) { ["name"] = "x" });
            org.DrainAsyncQueue();

            var context = org.Executions.First(e => e.StepName == "async task").Context;
            Assert.Equal(1, context.Mode);
            Assert.Equal(40, context.Stage);
            Assert.False(context.IsInTransaction);
            Assert.Equal(1, context.Depth);
            Assert.Equal(id, context.PrimaryEntityId);
        }

        [Fact]
        public void Jobs_that_running_jobs_queue_are_drained_too()
        {
            var org = Orgs.With("async.json");
            var id = org.Service.Create(new Entity("account"));
            org.Service.Update(new Entity("account", id) { ["name"] = "x" });

            var runs = org.DrainAsyncQueue();

            Assert.Equal(3, runs);
            Assert.Equal(2, org.Executions.Single(e => e.StepName == "async record task").Depth);
            Assert.Empty(org.PendingJobs);
        }

        [Fact]
        public void A_failing_async_step_is_recorded_on_its_system_job_instead_of_thrown_and_other_jobs_still_run()
        {
            var org = Orgs.With("async.json");
            var id = org.Service.Create(new Entity("account"));
            org.Service.Update(new Entity("account", id) { ["name"] = "fail" });

            org.DrainAsyncQueue();

            var failed = org.SystemJobs.Single(j => j.StepName == "async refuse");
            Assert.Equal(SystemJobStatus.Failed, failed.Status);
            Assert.Equal("name may not be 'fail'.", failed.Message);
            Assert.Equal(SystemJobStatus.Succeeded, org.SystemJobs.Single(j => j.StepName == "async task").Status);
            Assert.Equal("fail", org.GetRow("account", id)!["name"]); // the operation itself was committed before
        }

        [Fact]
        public void A_chosen_job_can_run_before_older_ones_to_interleave_work()
        {
            var org = Orgs.With("async.json");
            var id = org.Service.Create(new Entity("account"));
            org.Service.Update(new Entity("account", id) { ["name"] = "first" });
            org.Service.Update(new Entity("account", id) { ["name"] = "second" });
            var second = org.PendingJobs.Where(j => j.StepName == "async task").Last();

            org.RunJob(second);
            org.Service.Update(new Entity("account", id) { ["description"] = "between jobs" });

            Assert.Equal(SystemJobStatus.Succeeded, second.Status);
            Assert.Equal(SystemJobStatus.Waiting, org.PendingJobs.First(j => j.StepName == "async task").Status);
            Assert.Single(org.GetRows("task"));
        }

        [Fact]
        public void A_plug_in_that_asks_for_a_retry_runs_four_times_then_its_job_fails()
        {
            var org = Orgs.With("async.json");
            org.Service.Create(new Entity("contact"));

            org.DrainAsyncQueue();

            var job = org.SystemJobs.Single(j => j.StepName == "async retry");
            Assert.Equal(EmulatedOrganization.MaxAsyncAttempts, job.Attempts);
            Assert.Equal(SystemJobStatus.Failed, job.Status);
            Assert.Equal("The mail server is busy; try again.", job.Message);
        }

        [Fact]
        public void Each_call_of_an_async_plug_in_commits_on_its_own_so_its_earlier_writes_stay_when_a_later_call_fails()
        {
            var org = Orgs.With("async.json");
            var id = org.Service.Create(new Entity("contact"));
            org.Service.Update(new Entity("contact", id) { ["lastname"] = "Doe" });
            var rule = org.FailCalls(call => call.FromExecution?.StepName == "async two tasks" && ((Entity)call.Request["Target"])["subject"] as string == "second",
                Faults.Create(ErrorCodes.DuplicateRecord, "injected"));

            org.DrainAsyncQueue();

            Assert.Equal(SystemJobStatus.Failed, org.SystemJobs.Single(j => j.StepName == "async two tasks").Status);
            Assert.Equal(1, rule.Fired);
            Assert.Equal(new[] { "first" }, org.GetRows("task").Select(t => (string)t["subject"]));
        }
    }
}
