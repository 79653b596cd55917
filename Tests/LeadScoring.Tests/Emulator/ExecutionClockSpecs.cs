using System;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // The two-minute limit: "There's a hard 2-minute time limit for a Dataverse message operation to
    // complete ... If the time limit is exceeded, Dataverse throws a TimeoutException ... the entire
    // message operation is canceled (rolled back)."
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/analyze-performance
    // The emulator measures time on a virtual clock: each call made inside an execution costs CallCost.
    public class ExecutionClockSpecs
    {
        [Fact]
        public void Each_call_inside_an_execution_costs_CallCost_on_its_clock()
        {
            var org = Orgs.With("rollback.json");
            org.CallCost = TimeSpan.FromSeconds(3);

            org.Service.Create(new Entity("account") { ["name"] = "Contoso" });

            Assert.Equal(TimeSpan.FromSeconds(3), org.Executions.Single(e => e.StepName == "post-operation task").ExecutionTime);
        }

        [Fact]
        public void An_execution_past_two_minutes_fails_with_TimeoutException_and_its_operation_rolls_back()
        {
            var org = Orgs.With("rollback.json");
            org.SlowCalls(call => call.Table == "task" && call.FromExecution?.StepName == "post-operation task", TimeSpan.FromMinutes(2));

            Assert.Throws<TimeoutException>(() => org.Service.Create(new Entity("account") { ["name"] = "Contoso" }));

            Assert.Equal(0, org.RowCount("account"));
            Assert.DoesNotContain(org.GetRows("task"), t => (string?)t["subject"] == "written in PreOperation");
        }

        [Fact]
        public void An_asynchronous_job_past_two_minutes_fails()
        {
            var org = Orgs.With("rollback.json");
            org.SlowCalls(call => call.FromExecution?.StepName == "async task", TimeSpan.FromMinutes(3));
            org.Service.Create(new Entity("account") { ["name"] = "Contoso" });

            org.DrainAsyncQueue();

            var job = org.SystemJobs.Single(j => j.StepName == "async task");
            Assert.Equal(SystemJobStatus.Failed, job.Status);
            Assert.IsType<TimeoutException>(job.Exception);
        }
    }
}
