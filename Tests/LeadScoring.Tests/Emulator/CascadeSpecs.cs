using System;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // Deleting a row acts on the rows that reference it as the relationship's CascadeDelete says.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/configure-entity-relationship-cascading-behavior
    public class CascadeSpecs
    {
        private readonly EmulatedOrganization org = new();

        private Guid Child(string table, Guid lead) => org.Service.Create(new Entity(table) { ["ls_leadid"] = new EntityReference("lead", lead) });

        [Fact]
        public void Cascade_deletes_the_children_RemoveLink_clears_their_lookup_and_NoCascade_leaves_them()
        {
            org.DefineRelationship(new Relationship1N("lead_events", "lead", "ls_scoreevent", "ls_leadid", "Cascade"));
            org.DefineRelationship(new Relationship1N("lead_interactions", "lead", "ls_interaction", "ls_leadid", "RemoveLink"));
            org.DefineRelationship(new Relationship1N("lead_notes", "lead", "ls_note", "ls_leadid", "NoCascade"));
            var lead = org.Service.Create(new Entity("lead") { ["lastname"] = "Doe" });
            Child("ls_scoreevent", lead);
            var interaction = Child("ls_interaction", lead);
            var note = Child("ls_note", lead);

            org.Service.Delete("lead", lead);

            Assert.Equal(0, org.RowCount("ls_scoreevent"));
            Assert.Null(org.GetRow("ls_interaction", interaction)!.GetAttributeValue<EntityReference>("ls_leadid"));
            Assert.Equal(lead, org.GetRow("ls_note", note)!.GetAttributeValue<EntityReference>("ls_leadid").Id);
        }

        [Fact]
        public void Deleting_a_lead_deletes_its_emails_appointments_and_phone_calls()
        {
            // Lead_Emails, Lead_Appointments, Lead_Phonecalls: Delete Cascade.
            // https://learn.microsoft.com/dynamics365/developer/reference/entities/lead
            org.DefineLeadActivityRelationships();
            var lead = org.Service.Create(new Entity("lead") { ["lastname"] = "Doe" });
            var other = org.Service.Create(new Entity("lead") { ["lastname"] = "Roe" });
            foreach (var table in new[] { "email", "appointment", "phonecall" })
            {
                org.Service.Create(new Entity(table) { ["regardingobjectid"] = new EntityReference("lead", lead) });
                org.Service.Create(new Entity(table) { ["regardingobjectid"] = new EntityReference("lead", other) });
            }

            org.Service.Delete("lead", lead);

            Assert.All(new[] { "email", "appointment", "phonecall" }, table => Assert.Equal(1, org.RowCount(table)));
        }

        [Fact]
        public void Restrict_refuses_the_delete_while_children_exist_and_nothing_is_deleted()
        {
            org.DefineRelationship(new Relationship1N("lead_events", "lead", "ls_scoreevent", "ls_leadid", "Cascade"));
            org.DefineRelationship(new Relationship1N("lead_orders", "lead", "ls_order", "ls_leadid", "Restrict"));
            var lead = org.Service.Create(new Entity("lead") { ["lastname"] = "Doe" });
            Child("ls_scoreevent", lead);
            Child("ls_order", lead);

            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Delete("lead", lead));

            Assert.NotNull(org.GetRow("lead", lead));
            Assert.Equal(1, org.RowCount("ls_scoreevent"));
        }

        [Theory]
        [InlineData(true, 2)]
        [InlineData(false, 1)]
        public void A_cascaded_delete_runs_the_childs_Delete_steps_at_the_configured_depth_with_the_parent_delete_as_parent_context(bool increments, int depth)
        {
            org.LoadPacConfigJson("""
                { "steps": [ { "name": "child delete", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Delete", "table": "ls_scoreevent", "stage": 10, "mode": "Sync" } ] }
                """, typeof(CascadeSpecs).Assembly);
            org.DefineRelationship(new Relationship1N("lead_events", "lead", "ls_scoreevent", "ls_leadid", "Cascade"));
            org.CascadeDepthIncrements = increments;
            var lead = org.Service.Create(new Entity("lead") { ["lastname"] = "Doe" });
            Child("ls_scoreevent", lead);

            org.Service.Delete("lead", lead);

            var run = Assert.Single(org.Executions, e => e.StepName == "child delete");
            Assert.Equal(depth, run.Depth);
            Assert.Equal("Delete", run.Context.ParentContext?.MessageName);
            Assert.Equal("lead", run.Context.ParentContext?.PrimaryEntityName);
        }
    }
}
