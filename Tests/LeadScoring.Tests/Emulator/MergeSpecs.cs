using System;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // Merge moves the subordinate's data to the target, then deactivates the subordinate; only account,
    // contact, lead and incident merge; merges other than incident run as SYSTEM.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/webapi/merge-table-rows
    // MergeRequest (Target, SubordinateId, UpdateContent, PerformParentingChecks):
    // https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.mergerequest
    // Children move where the relationship's CascadeConfiguration.Merge is Cascade (else NoCascade):
    // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.cascadeconfiguration.merge
    // Lead_Emails, Lead_Appointments, Lead_Phonecalls cascade on merge; masterid and merged record it:
    // https://learn.microsoft.com/dynamics365/developer/reference/entities/lead
    public class MergeSpecs
    {
        private readonly EmulatedOrganization org = new();

        private Guid Lead(string name) => org.Service.Create(new Entity("lead") { ["lastname"] = name });

        private static MergeRequest Merge(Guid master, Guid subordinate, Entity? content = null) => new()
        {
            Target = new EntityReference("lead", master),
            SubordinateId = subordinate,
            UpdateContent = content ?? new Entity("lead"),
            PerformParentingChecks = false,
        };

        [Fact]
        public void Merging_moves_the_subordinates_activities_applies_UpdateContent_and_disqualifies_the_subordinate()
        {
            org.DefineLeadActivityRelationships();
            var master = Lead("Doe");
            var subordinate = Lead("Doe (duplicate)");
            var email = org.Service.Create(new Entity("email") { ["regardingobjectid"] = new EntityReference("lead", subordinate) });
            var appointment = org.Service.Create(new Entity("appointment") { ["regardingobjectid"] = new EntityReference("lead", subordinate) });
            var own = org.Service.Create(new Entity("phonecall") { ["regardingobjectid"] = new EntityReference("lead", master) });

            org.Service.Execute(Merge(master, subordinate, new Entity("lead") { ["jobtitle"] = "Director" }));

            foreach (var (table, id) in new[] { ("email", email), ("appointment", appointment), ("phonecall", own) })
            {
                Assert.Equal(master, org.GetRow(table, id)!.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            }
            Assert.Equal("Director", org.GetRow("lead", master)!.GetAttributeValue<string>("jobtitle"));
            var merged = org.GetRow("lead", subordinate)!;
            Assert.Equal(2, merged.GetAttributeValue<OptionSetValue>("statecode").Value);  // Disqualified
            Assert.Equal(7, merged.GetAttributeValue<OptionSetValue>("statuscode").Value); // Canceled
            Assert.True(merged.GetAttributeValue<bool>("merged"));
            Assert.Equal(master, merged.GetAttributeValue<EntityReference>("masterid").Id);
            Assert.Equal(0, org.GetRow("lead", master)!.GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Theory]
        [InlineData("Cascade", true)]
        [InlineData("NoCascade", false)]
        public void A_child_moves_only_where_the_relationships_Merge_cascade_is_Cascade(string cascadeMerge, bool moves)
        {
            org.DefineRelationship(new Relationship1N("lead_children", "lead", "ls_child", "ls_leadid", "RemoveLink", cascadeMerge));
            var master = Lead("Doe");
            var subordinate = Lead("Doe (duplicate)");
            var child = org.Service.Create(new Entity("ls_child") { ["ls_leadid"] = new EntityReference("lead", subordinate) });

            org.Service.Execute(Merge(master, subordinate));

            Assert.Equal(moves ? master : subordinate, org.GetRow("ls_child", child)!.GetAttributeValue<EntityReference>("ls_leadid").Id);
        }

        [Fact]
        public void A_relationship_that_does_not_declare_its_Merge_cascade_takes_the_organizations_default()
        {
            // A solution file has no CascadeMerge element (CustomizationsSolution.xsd declares Assign, Delete,
            // Reparent, Share, Unshare and RollupView), so a solution's relationships arrive undeclared.
            org.LoadRelationshipsXml("""
                <EntityRelationships><EntityRelationship Name="lead_children"><EntityRelationshipType>OneToMany</EntityRelationshipType>
                <ReferencingEntityName>ls_child</ReferencingEntityName><ReferencedEntityName>Lead</ReferencedEntityName>
                <CascadeDelete>RemoveLink</CascadeDelete><ReferencingAttributeName>ls_leadid</ReferencingAttributeName></EntityRelationship></EntityRelationships>
                """);
            var master = Lead("Doe");
            var first = Lead("Doe (1)");
            var second = Lead("Doe (2)");
            var stays = org.Service.Create(new Entity("ls_child") { ["ls_leadid"] = new EntityReference("lead", first) });
            var moves = org.Service.Create(new Entity("ls_child") { ["ls_leadid"] = new EntityReference("lead", second) });

            org.Service.Execute(Merge(master, first));
            org.DefaultCascadeMerge = "Cascade";
            org.Service.Execute(Merge(master, second));

            Assert.Equal(first, org.GetRow("ls_child", stays)!.GetAttributeValue<EntityReference>("ls_leadid").Id);
            Assert.Equal(master, org.GetRow("ls_child", moves)!.GetAttributeValue<EntityReference>("ls_leadid").Id);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Merge_steps_run_on_the_master_and_the_internal_writes_run_the_Update_pipeline_only_when_configured(bool throughPipeline)
        {
            org.LoadPacConfigJson("""
                { "steps": [
                  { "name": "merge", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Merge", "table": "lead", "stage": 40, "mode": "Sync" },
                  { "name": "lead update", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Update", "table": "lead", "stage": 10, "mode": "Sync" },
                  { "name": "email update", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Update", "table": "email", "stage": 40, "mode": "Sync" } ] }
                """, typeof(MergeSpecs).Assembly);
            org.DefineLeadActivityRelationships();
            org.MergeRunsUpdatePipeline = throughPipeline;
            var master = Lead("Doe");
            var subordinate = Lead("Doe (duplicate)");
            org.Service.Create(new Entity("email") { ["regardingobjectid"] = new EntityReference("lead", subordinate) });

            org.Service.Execute(Merge(master, subordinate));

            var merge = Assert.Single(org.Executions, e => e.StepName == "merge");
            Assert.Equal(master, merge.Context.PrimaryEntityId);
            Assert.Equal(subordinate, (Guid)merge.Context.InputParameters["SubordinateId"]);
            var leadUpdates = org.Executions.Where(e => e.StepName == "lead update").ToList();
            var emailUpdates = org.Executions.Where(e => e.StepName == "email update").ToList();
            Assert.Equal(throughPipeline ? 1 : 0, leadUpdates.Count);
            Assert.Equal(throughPipeline ? 1 : 0, emailUpdates.Count);
            if (throughPipeline)
            {
                Assert.Equal(subordinate, leadUpdates[0].Context.PrimaryEntityId);
                Assert.Equal(org.SystemUserId, leadUpdates[0].Context.UserId); // merges other than incident run as SYSTEM
                Assert.Equal("Merge", leadUpdates[0].Context.ParentContext?.MessageName); // PreValidation's parent is the merge
                Assert.Equal(2, emailUpdates[0].Depth);
            }
        }

        [Fact]
        public void A_merge_is_one_transaction_a_failing_step_inside_it_rolls_all_of_it_back()
        {
            // Learn, event framework: synchronous steps run in the operation's transaction.
            // https://learn.microsoft.com/power-apps/developer/data-platform/event-framework
            org.LoadPacConfigJson("""
                { "steps": [ { "name": "no blocked titles", "plugin": "LeadScoring.Tests.Emulator.Samples.ThrowWhenPlugin", "message": "Update", "table": "lead", "stage": 40, "mode": "Sync", "unsecureConfiguration": "jobtitle=Blocked" } ] }
                """, typeof(MergeSpecs).Assembly);
            org.DefineLeadActivityRelationships();
            var master = Lead("Doe");
            var subordinate = Lead("Doe (duplicate)");
            var email = org.Service.Create(new Entity("email") { ["regardingobjectid"] = new EntityReference("lead", subordinate) });

            Assert.ThrowsAny<Exception>(() => org.Service.Execute(Merge(master, subordinate, new Entity("lead") { ["jobtitle"] = "Blocked" })));

            Assert.Equal(subordinate, org.GetRow("email", email)!.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            Assert.Equal(0, org.GetRow("lead", subordinate)!.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.False(org.GetRow("lead", subordinate)!.Contains("masterid"));
        }

        [Fact]
        public void Bad_merge_requests_fail_and_change_nothing()
        {
            var master = Lead("Doe");
            var subordinate = Lead("Doe (duplicate)");

            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(Merge(master, master)));
            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(new MergeRequest { Target = new EntityReference("ls_scoreevent", master), SubordinateId = subordinate }));
            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(Merge(master, subordinate, new Entity("contact") { ["lastname"] = "X" })));
            var withoutChecks = new OrganizationRequest("Merge") { ["Target"] = new EntityReference("lead", master), ["SubordinateId"] = subordinate };
            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(withoutChecks));
            Assert.ThrowsAny<Exception>(() => org.Service.Execute(Merge(master, Guid.NewGuid())));

            Assert.Equal(0, org.GetRow("lead", subordinate)!.GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
