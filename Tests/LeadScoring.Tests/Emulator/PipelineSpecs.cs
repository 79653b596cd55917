using System;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // The event execution pipeline: stages, order, the execution context, images, filtering attributes.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/event-framework
    //        https://learn.microsoft.com/power-apps/developer/data-platform/register-plug-in
    //        https://learn.microsoft.com/power-apps/developer/data-platform/understand-the-data-context
    public class PipelineSpecs
    {
        [Fact]
        public void Steps_run_by_stage_PreValidation_PreOperation_PostOperation_and_by_rank_within_a_stage()
        {
            var org = Orgs.With("stages.json");
            org.Service.Create(new Entity("account") { ["name"] = "Contoso" });

            Assert.Equal(new[] { "pre-validation", "pre-operation", "post A (rank 1)", "post B (rank 2)" }, org.Executions.Select(e => e.StepName));
            Assert.Equal(new[] { 10, 20, 40, 40 }, org.Executions.Select(e => e.Stage));
        }

        [Fact]
        public void A_step_runs_only_for_the_message_and_table_it_is_registered_for()
        {
            var org = Orgs.With("stages.json");
            org.Service.Create(new Entity("contact"));
            Assert.Equal(new[] { "contact only" }, org.Executions.Select(e => e.StepName));
        }

        [Fact]
        public void Changes_a_PreOperation_step_makes_to_Target_are_saved()
        {
            var org = Orgs.With("stages.json");
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso" });
            Assert.Equal("set in PreOperation", org.GetRow("account", id)!["description"]);
        }

        [Fact]
        public void The_context_of_a_Create_step_is_filled_as_the_platform_fills_it()
        {
            var org = Orgs.With("stages.json");
            org.Clock.Set(new DateTime(2025, 5, 6, 7, 8, 9, DateTimeKind.Utc));
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso" });

            var pre = org.Executions.Single(e => e.StepName == "pre-operation").Context;
            var post = org.Executions.Single(e => e.StepName == "post A (rank 1)").Context;
            Assert.Equal("Create", post.MessageName);
            Assert.Equal("account", post.PrimaryEntityName);
            Assert.Equal(id, post.PrimaryEntityId);
            Assert.Equal("Contoso", ((Entity)post.InputParameters["Target"])["name"]);
            Assert.Equal(id, post.OutputParameters["id"]);
            Assert.Equal(0, post.Mode);
            Assert.Equal(1, post.Depth);
            Assert.Equal(org.AdminUserId, post.UserId);
            Assert.Equal(org.AdminUserId, post.InitiatingUserId);
            Assert.Equal(org.OrganizationId, post.OrganizationId);
            Assert.Equal(org.Clock.UtcNow, post.OperationCreatedOn);
            Assert.Equal(pre.CorrelationId, post.CorrelationId);
            Assert.True(post.IsInTransaction);
            Assert.Equal("post A (rank 1)", post.OwningExtension.Name);
        }

        [Fact]
        public void PreValidation_runs_outside_the_transaction_and_PreOperation_and_PostOperation_inside_it()
        {
            var org = Orgs.With("stages.json");
            org.Service.Create(new Entity("account"));
            Assert.Equal(new[] { false, true, true, true }, org.Executions.Select(e => e.Context.IsInTransaction));
        }

        [Fact]
        public void Delete_passes_Target_as_an_EntityReference()
        {
            var org = Orgs.With("images.json");
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso" });
            org.Service.Delete("account", id);
            var context = org.Executions.Single(e => e.StepName == "delete with pre image").Context;
            Assert.Equal(new EntityReference("account", id), context.InputParameters["Target"]);
        }

        [Fact]
        public void Images_hold_the_row_before_and_after_the_operation_with_the_registered_columns()
        {
            var org = Orgs.With("images.json");
            var id = org.Service.Create(new Entity("account") { ["name"] = "Old", ["revenue"] = new Money(5m), ["accountnumber"] = "A-1" });

            org.Service.Update(new Entity("account", id) { ["name"] = "New" });

            var post = org.Executions.Single(e => e.StepName == "update with images").Context;
            var preImage = post.PreEntityImages["Pre"];
            var postImage = post.PostEntityImages["Post"];
            Assert.Equal("Old", preImage["name"]);
            Assert.False(preImage.Contains("accountnumber")); // only the registered columns
            Assert.Equal("New", postImage["name"]);
            Assert.Equal("A-1", postImage["accountnumber"]); // no columns listed: all columns
            Assert.Equal(new[] { "name" }, ((Entity)post.InputParameters["Target"]).Attributes.Keys); // Target holds the changed columns only

            var preOperation = org.Executions.Single(e => e.StepName == "pre-operation update with both").Context;
            Assert.Equal(5m, preOperation.PreEntityImages["Pre"].GetAttributeValue<Money>("revenue").Value);
            Assert.Empty(preOperation.PostEntityImages);
        }

        [Fact]
        public void A_Create_step_can_have_a_post_image_and_a_Delete_step_a_pre_image()
        {
            var org = Orgs.With("images.json");
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso" });
            org.Service.Delete("account", id);

            Assert.Equal("Contoso", org.Executions.Single(e => e.StepName == "create with post image").Context.PostEntityImages["Created"]["name"]);
            Assert.Equal("Contoso", org.Executions.Single(e => e.StepName == "delete with pre image").Context.PreEntityImages["Deleted"]["name"]);
        }

        [Fact]
        public void An_async_step_gets_its_images_as_they_were_when_the_operation_ran()
        {
            var org = Orgs.With("images.json");
            var id = org.Service.Create(new Entity("account") { ["name"] = "First" });
            org.Service.Update(new Entity("account", id) { ["name"] = "Second" });
            org.Service.Update(new Entity("account", id) { ["name"] = "Third" });
            org.DrainAsyncQueue();

            var runs = org.Executions.Where(e => e.StepName == "async update with both").Select(e => e.Context).ToList();
            Assert.Equal(new[] { "First", "Second" }, runs.Select(c => c.PreEntityImages["Both"]["name"]));
            Assert.Equal(new[] { "Second", "Third" }, runs.Select(c => c.PostEntityImages["Both"]["name"]));
        }

        [Fact]
        public void Filtering_attributes_run_an_Update_step_only_when_Target_contains_one_of_them()
        {
            var org = Orgs.With("filtering.json");
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso" });

            org.Service.Update(new Entity("account", id) { ["description"] = "not a filtering attribute" });
            Assert.Equal(new[] { "any update" }, org.Executions.Select(e => e.StepName));
            Assert.Empty(org.PendingJobs);

            org.ResetDiagnostics();
            org.Service.Update(new Entity("account", id) { ["accountnumber"] = "A-2", ["description"] = "x" });
            Assert.Equal(new[] { "name changed", "any update" }, org.Executions.Select(e => e.StepName));

            org.Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });
            Assert.Equal("async name changed", Assert.Single(org.PendingJobs).StepName);
        }

        [Fact]
        public void Shared_variables_pass_from_PreOperation_to_PostOperation_and_PreValidation_ones_are_reached_through_ParentContext()
        {
            var org = Orgs.With("context.json");
            var id = org.Service.Create(new Entity("account"));
            org.ResetDiagnostics();

            org.Service.Update(new Entity("account", id) { ["name"] = "x" });

            var traces = org.Executions.Where(e => e.StepName.StartsWith("shared", StringComparison.Ordinal)).Select(e => string.Join(" | ", e.Traces)).ToList();
            Assert.Equal("own:  | parent: -", traces[0]);
            Assert.Equal("own:  | parent: stage10", traces[1]);
            Assert.Equal("own: stage20 | parent: stage10", traces[2]);
        }

        [Fact]
        public void A_plug_in_can_check_the_calling_users_security_roles_by_querying_systemuserroles()
        {
            var org = Orgs.With("context.json");
            var admin = org.AddUser("Ada Admin", "Lead Scoring Admin");
            var rep = org.AddUser("Sam Rep", "Salesperson");
            var first = org.Service.Create(new Entity("account"));
            var second = org.Service.Create(new Entity("account"));

            var refused = Assert.Throws<InvalidPluginExecutionException>(() => org.ServiceAs(rep).Delete("account", first));
            org.ServiceAs(admin).Delete("account", second);

            Assert.Equal("Only a Lead Scoring Admin may do this.", refused.Message);
            Assert.Equal(new[] { "roles: Salesperson", "roles: Lead Scoring Admin" }, org.Executions.Where(e => e.StepName == "admins only").Select(e => e.Traces.Single()));
            Assert.NotNull(org.GetRow("account", first));
            Assert.Null(org.GetRow("account", second));
        }

        [Theory]
        [InlineData("""{ "steps": [ { "name": "x", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Create", "table": "account", "stage": 40, "images": [ { "name": "Pre", "type": "Pre" } ] } ] }""", "pre image")]
        [InlineData("""{ "steps": [ { "name": "x", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Delete", "table": "account", "stage": 40, "images": [ { "name": "Post", "type": "Post" } ] } ] }""", "post image")]
        [InlineData("""{ "steps": [ { "name": "x", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Update", "table": "account", "stage": 20, "images": [ { "name": "Post", "type": "Post" } ] } ] }""", "post image")]
        [InlineData("""{ "steps": [ { "name": "x", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Update", "table": "account", "stage": 20, "mode": "Async" } ] }""", "PostOperation")]
        [InlineData("""{ "steps": [ { "name": "x", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Update", "table": "account", "stage": 30 } ] }""", "stage 30")]
        [InlineData("""{ "steps": [ { "name": "x", "plugin": "No.Such.Plugin", "message": "Update", "table": "account", "stage": 40 } ] }""", "not found")]
        public void Registrations_the_platform_refuses_are_refused_when_pac_config_is_loaded(string json, string reason)
        {
            var org = new EmulatedOrganization();
            var e = Assert.Throws<PacConfigException>(() => org.LoadPacConfigJson(json, typeof(Orgs).Assembly));
            Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        }
    }
}
