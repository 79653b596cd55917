using System;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Emulator
{
    // What the emulator records (tracing, call counts) and what it can be told to do (faults, time).
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/logging-tracing
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.operationcreatedon
    public class DiagnosticsSpecs
    {
        [Fact]
        public void Tracing_is_captured_per_plug_in_execution()
        {
            var org = Orgs.With("stages.json");
            org.Service.Create(new Entity("account"));
            Assert.Equal(new[] { "Create of account at stage 10, depth 1" }, org.Executions.Single(e => e.StepName == "pre-validation").Traces);
            Assert.Equal(new[] { "Create of account at stage 40, depth 1" }, org.Executions.Single(e => e.StepName == "post A (rank 1)").Traces);
        }

        [Fact]
        public void Calls_are_counted_per_execution_by_message_and_in_total()
        {
            var org = Orgs.With("context.json");
            var before = org.TotalCalls;
            org.Service.Create(new Entity("account") { ["name"] = "Contoso" });

            var step = org.Executions.Single(e => e.StepName == "three calls");
            Assert.Equal(3, step.CallCount);
            Assert.Equal(1, step.Calls["Retrieve"]);
            Assert.Equal(1, step.Calls["RetrieveMultiple"]);
            Assert.Equal(1, step.Calls["Update"]);
            Assert.Equal(4, org.TotalCalls - before); // the test's Create and the step's three calls
            Assert.Equal(3, org.CallCounts["Update"] + org.CallCounts["Retrieve"] + org.CallCounts["RetrieveMultiple"]);
        }

        [Fact]
        public void A_call_counts_only_against_the_plug_in_that_made_it_not_the_ones_it_triggered()
        {
            var org = Orgs.With("context.json");
            org.Service.Create(new Entity("contact"));
            Assert.Equal(1, org.Executions.Single(e => e.StepName == "nested create").CallCount);
            Assert.Equal(0, org.Executions.Single(e => e.StepName == "record task").CallCount);
        }

        [Fact]
        public void The_nth_call_from_now_can_be_made_to_fail_with_a_chosen_fault()
        {
            var org = new EmulatedOrganization();
            var rule = org.FailNthCall(2, Faults.Create(-2147204783, "Sql error: Execution Timeout Expired."));

            org.Service.Create(new Entity("account"));
            Orgs.AssertFault(-2147204783, () => org.Service.Create(new Entity("account")));
            org.Service.Create(new Entity("account"));

            Assert.Equal(2, org.RowCount("account"));
            Assert.Equal(1, rule.Fired);
        }

        [Fact]
        public void Calls_matching_a_predicate_fail_as_often_as_asked_and_a_rule_can_be_cancelled()
        {
            var org = new EmulatedOrganization();
            var rule = org.FailCalls(c => c.MessageName == "Update" && c.Table == "lead", new TimeoutException("injected"), times: 2);
            var id = org.Service.Create(new Entity("lead"));

            Assert.Throws<TimeoutException>(() => org.Service.Update(new Entity("lead", id) { ["lastname"] = "a" }));
            Assert.Throws<TimeoutException>(() => org.Service.Update(new Entity("lead", id) { ["lastname"] = "b" }));
            org.Service.Update(new Entity("lead", id) { ["lastname"] = "c" });
            org.Service.Update(new Entity("account", org.Service.Create(new Entity("account"))) { ["name"] = "not a lead" });

            var always = org.FailCalls(c => c.MessageName == "Retrieve", new TimeoutException("injected"));
            Assert.Throws<TimeoutException>(() => org.Service.Retrieve("lead", id, new ColumnSet(true)));
            always.Cancel();
            Assert.Equal("c", org.Service.Retrieve("lead", id, new ColumnSet(true))["lastname"]);
            Assert.Equal(2, rule.Fired);
        }

        [Fact]
        public void A_fault_injected_into_a_plug_ins_call_fails_the_operation_that_triggered_it()
        {
            var org = Orgs.With("context.json");
            org.FailCalls(c => c.FromExecution?.StepName == "nested create", Faults.Create(ErrorCodes.DuplicateRecord, "injected"));
            Orgs.AssertFault(ErrorCodes.DuplicateRecord, () => org.Service.Create(new Entity("contact")));
            Assert.Equal(0, org.RowCount("contact"));
        }

        [Fact]
        public void The_clock_stamps_rows_and_is_every_plug_ins_OperationCreatedOn()
        {
            var org = Orgs.With("stages.json");
            org.Clock.Set(new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc));
            org.Clock.Advance(TimeSpan.FromDays(3));

            var id = org.Service.Create(new Entity("account"));

            var expected = new DateTime(2025, 6, 4, 12, 0, 0, DateTimeKind.Utc);
            Assert.Equal(expected, org.GetRow("account", id)!["createdon"]);
            Assert.All(org.Executions, e => Assert.Equal(expected, e.Context.OperationCreatedOn));
        }

        [Fact]
        public void An_async_job_keeps_the_OperationCreatedOn_of_the_operation_that_queued_it()
        {
            var org = Orgs.With("stages.json");
            var queuedAt = org.Clock.UtcNow;
            org.Service.Create(new Entity("account"));
            org.Clock.Advance(TimeSpan.FromHours(2));

            org.DrainAsyncQueue();

            Assert.Equal(queuedAt, org.Executions.Single(e => e.StepName == "async").Context.OperationCreatedOn);
        }
    }
}
