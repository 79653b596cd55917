using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Emulator
{
    // Security as the platform enforces it, for each caller.
    // Learn: table privileges and their depth  https://learn.microsoft.com/power-platform/admin/security-roles-privileges
    //        team members inherit the roles of an owner team  https://learn.microsoft.com/power-platform/admin/manage-teams
    //        column-level security  https://learn.microsoft.com/power-apps/developer/data-platform/column-level-security
    //                                https://learn.microsoft.com/power-platform/admin/field-level-security
    //        error codes (PrivilegeDenied 0x80040220, AttributePrivilegeCreateIsMissing 0x8004F502,
    //        AttributePermissionUpdateIsMissingDuringUpdate 0x8004F507)
    //        https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes
    //        SYSTEM: CreateOrganizationService(null)  https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iorganizationservicefactory.createorganizationservice
    public class SecuritySpecs
    {
        private readonly EmulatedOrganization org = new() { EnforceSecurity = true };

        public SecuritySpecs()
        {
            org.DefineRole("Rep", Privileges(PrivilegeDepth.Basic, "prvCreateLead", "prvReadLead", "prvWriteLead", "prvCreateActivity", "prvAppendActivity"));
            org.DefineRole("Lead reader", Privileges(PrivilegeDepth.Global, "prvReadLead"));
            org.DefineFieldSecurityProfile("Score readers", new[] { new FieldPermission("lead", "ls_score", CanRead: true, CanCreate: false, CanUpdate: false) });
        }

        private static IEnumerable<KeyValuePair<string, PrivilegeDepth>> Privileges(PrivilegeDepth depth, params string[] names) =>
            names.Select(n => new KeyValuePair<string, PrivilegeDepth>(n, depth));

        [Fact]
        public void A_user_without_the_privilege_is_refused_with_PrivilegeDenied_0x80040220_and_nothing_is_written()
        {
            var nobody = org.AddUser("No Roles");

            var fault = Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.ServiceAs(nobody).Create(new Entity("lead") { ["lastname"] = "Doe" }));

            Assert.Contains("prvCreateLead", fault.Detail.Message, StringComparison.Ordinal);
            Assert.Equal(0, org.RowCount("lead"));
        }

        [Fact]
        public void A_team_members_inherit_the_roles_of_their_team()
        {
            var member = org.AddUser("Team Member");
            var team = org.AddTeam("Inside sales", "Rep");
            Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.ServiceAs(member).Create(new Entity("lead") { ["lastname"] = "Doe" }));

            org.AddTeamMember(team, member);

            Assert.NotEqual(Guid.Empty, org.ServiceAs(member).Create(new Entity("lead") { ["lastname"] = "Doe" }));
        }

        [Fact]
        public void Basic_depth_reaches_the_rows_the_user_or_their_team_owns_and_Global_reaches_all()
        {
            var rep = org.AddUser("Rita Rep", "Rep");
            var other = org.AddUser("Oscar Other", "Rep");
            var reader = org.AddUser("Reed Reader", "Lead reader");
            var own = org.ServiceAs(rep).Create(new Entity("lead") { ["lastname"] = "Mine" });
            var theirs = org.ServiceAs(other).Create(new Entity("lead") { ["lastname"] = "Theirs" });

            Assert.Equal(new[] { own }, org.ServiceAs(rep).RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") }).Entities.Select(e => e.Id));
            Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.ServiceAs(rep).Retrieve("lead", theirs, new ColumnSet("lastname")));
            Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.ServiceAs(rep).Update(new Entity("lead", theirs) { ["lastname"] = "Changed" }));
            Assert.Equal(2, org.ServiceAs(reader).RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") }).Entities.Count);
        }

        [Fact]
        public void A_lookup_written_needs_Append_on_the_row_and_AppendTo_on_the_target()
        {
            var rep = org.AddUser("Rita Rep", "Rep");
            var lead = org.ServiceAs(rep).Create(new Entity("lead") { ["lastname"] = "Doe" });

            var fault = Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.ServiceAs(rep).Create(new Entity("email") { ["subject"] = "Hi", ["regardingobjectid"] = new EntityReference("lead", lead) }));

            Assert.Contains("prvAppendToLead", fault.Detail.Message, StringComparison.Ordinal);
            org.DefineRole("Rep", Privileges(PrivilegeDepth.Basic, "prvCreateLead", "prvReadLead", "prvWriteLead", "prvCreateActivity", "prvAppendActivity", "prvAppendToLead"));
            org.ServiceAs(rep).Create(new Entity("email") { ["subject"] = "Hi", ["regardingobjectid"] = new EntityReference("lead", lead) });
        }

        [Fact]
        public void A_secured_column_reads_as_null_outside_the_profile_and_its_value_inside_it_also_through_a_team()
        {
            var lead = org.Service.Create(new Entity("lead") { ["lastname"] = "Doe", ["ls_score"] = 40 });
            var outside = org.AddUser("Outside", "Lead reader");
            var inside = org.AddUser("Inside", "Lead reader");
            var team = org.AddTeam("Score readers team");
            org.AddTeamMember(team, inside);
            org.AddToFieldSecurityProfile(team, "Score readers");

            var hidden = org.ServiceAs(outside).Retrieve("lead", lead, new ColumnSet("lastname", "ls_score"));
            var shown = org.ServiceAs(inside).RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("ls_score") }).Entities.Single();

            Assert.Null(hidden.GetAttributeValue<int?>("ls_score"));
            Assert.Equal("Doe", hidden.GetAttributeValue<string>("lastname"));
            Assert.Equal(40, shown.GetAttributeValue<int?>("ls_score"));
        }

        [Fact]
        public void A_secured_column_cannot_be_written_without_create_or_update_permission()
        {
            var rep = org.AddUser("Rita Rep", "Rep");
            org.AddToFieldSecurityProfile(rep, "Score readers");

            Orgs.AssertFault(ErrorCodes.AttributePrivilegeCreateIsMissing, () => org.ServiceAs(rep).Create(new Entity("lead") { ["lastname"] = "Doe", ["ls_score"] = 99 }));
            var lead = org.ServiceAs(rep).Create(new Entity("lead") { ["lastname"] = "Doe" });
            Orgs.AssertFault(ErrorCodes.AttributePermissionUpdateIsMissingDuringUpdate, () => org.ServiceAs(rep).Update(new Entity("lead", lead) { ["ls_score"] = 99 }));

            Assert.Null(org.GetRow("lead", lead)!.GetAttributeValue<int?>("ls_score"));
        }

        [Fact]
        public void SYSTEM_and_System_Administrators_pass_every_check()
        {
            var administrator = org.AddUser("Ada Admin", EmulatedOrganization.SystemAdministratorRole);

            var lead = org.ServiceAs(administrator).Create(new Entity("lead") { ["lastname"] = "Doe", ["ls_score"] = 10 });
            org.ServiceAs(org.SystemUserId).Update(new Entity("lead", lead) { ["ls_score"] = 20 });

            Assert.Equal(20, org.ServiceAs(administrator).Retrieve("lead", lead, new ColumnSet("ls_score")).GetAttributeValue<int?>("ls_score"));
        }

        [Fact]
        public void A_Custom_API_needs_its_execute_privilege()
        {
            org.LoadPacConfigJson("""
                { "customApis": [ { "uniqueName": "new_Ping", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "bindingType": "Global", "executePrivilegeName": "prvReadLead" } ] }
                """, typeof(SecuritySpecs).Assembly);
            var nobody = org.AddUser("No Roles");
            var reader = org.AddUser("Reed Reader", "Lead reader");

            Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.ServiceAs(nobody).Execute(new OrganizationRequest("new_Ping")));
            org.ServiceAs(reader).Execute(new OrganizationRequest("new_Ping"));
        }
    }
}
