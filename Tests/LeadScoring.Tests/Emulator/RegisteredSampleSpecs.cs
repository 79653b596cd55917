using System;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // A plug-in registered in pac-config.json runs through the emulator exactly as registered: the
    // lead-scoring step's shape (async PostOperation Update of lead, filtering attributes jobtitle and
    // ls_lifecyclestage, a PreImage of jobtitle and a full PostImage) from Configs/lead-scoring.json.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/register-plug-in
    public class RegisteredSampleSpecs
    {
        private readonly EmulatedOrganization org = Orgs.With("lead-scoring.json");
        private readonly Guid lead;

        public RegisteredSampleSpecs()
        {
            org.DefineAlternateKey("ls_scoreevent", "ls_idempotencykey_key", "ls_idempotencykey");
            lead = org.Service.Create(new Entity("lead") { ["lastname"] = "Doe", ["jobtitle"] = "Analyst", ["ls_score"] = 0 });
        }

        [Fact]
        public void The_registration_is_read_from_pac_config()
        {
            Assert.Equal(new[] { "Lead scoring: lead update" }, org.RegisteredSteps);
        }

        [Fact]
        public void A_change_of_a_filtering_attribute_queues_the_step_and_draining_scores_the_lead_once()
        {
            org.Clock.Advance(TimeSpan.FromDays(1));
            org.Service.Update(new Entity("lead", lead) { ["jobtitle"] = "Sales Director" });

            Assert.Equal(0, org.GetRow("lead", lead)!["ls_score"]); // asynchronous: nothing yet
            org.DrainAsyncQueue();

            var scored = org.GetRow("lead", lead)!;
            Assert.Equal(20, scored["ls_score"]);
            Assert.Equal(org.Clock.UtcNow, scored["ls_scoredon"]);
            var scoreEvent = Assert.Single(org.GetRows("ls_scoreevent"));
            Assert.Equal(20, scoreEvent["ls_points"]);
            Assert.Equal(new EntityReference("lead", lead), scoreEvent["ls_leadid"]);
        }

        [Fact]
        public void Its_own_update_of_the_score_does_not_trigger_it_again_because_ls_score_is_not_a_filtering_attribute()
        {
            org.Service.Update(new Entity("lead", lead) { ["jobtitle"] = "Director" });
            org.DrainAsyncQueue();
            Assert.Single(org.SystemJobs);
        }

        [Fact]
        public void Other_changes_do_not_run_it()
        {
            org.Service.Update(new Entity("lead", lead) { ["lastname"] = "Roe", ["ls_score"] = 3 });
            Assert.Empty(org.PendingJobs);
        }

        [Fact]
        public void The_step_sees_the_registered_images_and_an_asynchronous_context()
        {
            org.Service.Update(new Entity("lead", lead) { ["jobtitle"] = "Director" });
            org.DrainAsyncQueue();

            var context = org.Executions.Single().Context;
            Assert.Equal(("Update", "lead", 40, 1), (context.MessageName, context.PrimaryEntityName, context.Stage, context.Mode));
            Assert.Equal(new[] { "jobtitle", "leadid" }, context.PreEntityImages["PreImage"].Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal("Analyst", context.PreEntityImages["PreImage"]["jobtitle"]);
            Assert.Equal("Doe", context.PostEntityImages["PostImage"]["lastname"]);
            Assert.Equal(new[] { "Create", "Update" }, org.Executions.Single().Calls.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public void Two_interleaved_jobs_for_the_same_change_write_one_score_event_and_the_duplicate_job_fails_on_the_idempotency_key()
        {
            org.Service.Update(new Entity("lead", lead) { ["jobtitle"] = "Director" });
            var first = Assert.Single(org.PendingJobs);
            org.Service.Update(new Entity("lead", lead) { ["jobtitle"] = "Analyst" });
            org.Service.Update(new Entity("lead", lead) { ["jobtitle"] = "Director" });
            var replay = org.PendingJobs.Last(); // Analyst → Director again: the same idempotency key as the first job

            org.RunJob(replay);
            org.RunJob(first);

            Assert.Equal(SystemJobStatus.Succeeded, replay.Status);
            Assert.Equal(SystemJobStatus.Failed, first.Status);
            Assert.Contains("duplicate", first.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Single(org.GetRows("ls_scoreevent"));
        }
    }
}
