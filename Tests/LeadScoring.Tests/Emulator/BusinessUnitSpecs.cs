using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
// The real Microsoft.Crm.Sdk.Proxy has a PrivilegeDepth of its own in Microsoft.Crm.Sdk.Messages.
using PrivilegeDepth = LeadScoring.Emulator.PrivilegeDepth;

namespace LeadScoring.Tests.Emulator
{
    // Business units, privilege depth and assignment as the platform applies them.
    // Learn: the root business unit and child units  https://learn.microsoft.com/power-apps/developer/data-platform/businessunit-entity
    //        Basic: rows the user owns; Local: the user's business unit; Deep: and its child units; Global: the organization
    //        https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.privilegedepth
    //        organization-owned tables have only None or Global  https://learn.microsoft.com/power-apps/developer/data-platform/security-concepts
    //        business units, teams and record ownership  https://learn.microsoft.com/power-platform/admin/wp-security-cds
    //        assigning needs Assign on the row  https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.assignrequest
    //        Update of ownerid is the Assign  https://learn.microsoft.com/power-apps/developer/data-platform/special-update-operation-behavior
    //        CascadeAssign: Cascade all, Active active ones, UserOwned the parent owner's, NoCascade none
    //        https://learn.microsoft.com/power-apps/developer/data-platform/configure-entity-relationship-cascading-behavior
    public class BusinessUnitSpecs
    {
        private readonly EmulatedOrganization org = new() { EnforceSecurity = true };
        private readonly Guid east;
        private readonly Guid eastNorth;
        private readonly Guid west;

        public BusinessUnitSpecs()
        {
            east = org.AddBusinessUnit("East");
            eastNorth = org.AddBusinessUnit("East North", east);
            west = org.AddBusinessUnit("West");
            foreach (var depth in new[] { PrivilegeDepth.Basic, PrivilegeDepth.Local, PrivilegeDepth.Deep, PrivilegeDepth.Global })
            {
                org.DefineRole("Account " + depth, new[] { "prvCreateAccount", "prvReadAccount", "prvWriteAccount", "prvDeleteAccount", "prvAppendAccount", "prvAppendToAccount", "prvAssignAccount" }
                    .Select(p => new KeyValuePair<string, PrivilegeDepth>(p, depth)));
            }
        }

        private Guid AccountOwnedBy(Guid owner) => org.ServiceAs(owner).Create(new Entity("account") { ["name"] = "Owned" });

        private Guid[] Visible(Guid user) =>
            org.ServiceAs(user).RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") }).Entities.Select(e => e.Id).OrderBy(id => id).ToArray();

        [Fact]
        public void A_row_belongs_to_its_owners_business_unit_and_moves_with_its_owner()
        {
            var eastRep = org.AddUser("Eve East", east, "Account Local");
            var westRep = org.AddUser("Will West", west, "Account Local");
            var account = AccountOwnedBy(eastRep);
            Assert.Equal(east, org.GetRow("account", account)!.GetAttributeValue<EntityReference>("owningbusinessunit").Id);

            org.Service.Update(new Entity("account", account) { ["ownerid"] = new EntityReference("systemuser", westRep) });

            Assert.Equal(west, org.GetRow("account", account)!.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        }

        [Fact]
        public void Basic_reaches_own_rows_Local_the_users_unit_Deep_its_child_units_and_Global_every_row()
        {
            var owners = new[] { org.AddUser("Owner East", east, "Account Basic"), org.AddUser("Owner North", eastNorth, "Account Basic"), org.AddUser("Owner West", west, "Account Basic") };
            var rows = owners.Select(AccountOwnedBy).ToArray();
            var basic = org.AddUser("Bea Basic", east, "Account Basic");
            var local = org.AddUser("Lou Local", east, "Account Local");
            var deep = org.AddUser("Dee Deep", east, "Account Deep");
            var global = org.AddUser("Gil Global", west, "Account Global");
            var own = AccountOwnedBy(basic);

            Assert.Equal(new[] { own }, Visible(basic));
            Assert.Equal(new[] { rows[0], own }.OrderBy(id => id), Visible(local));
            Assert.Equal(new[] { rows[0], rows[1], own }.OrderBy(id => id), Visible(deep));
            Assert.Equal(rows.Append(own).OrderBy(id => id), Visible(global));
            Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.ServiceAs(local).Retrieve("account", rows[1], new ColumnSet("name")));
            Assert.Equal("Owned", org.ServiceAs(deep).Retrieve("account", rows[1], new ColumnSet("name")).GetAttributeValue<string>("name"));
        }

        [Fact]
        public void Write_Delete_Append_and_AppendTo_reach_as_far_as_their_depth()
        {
            var eastRep = org.AddUser("Eve East", east, "Account Local");
            var westRow = AccountOwnedBy(org.AddUser("Will West", west, "Account Local"));
            var eastRow = AccountOwnedBy(eastRep);
            var asEast = org.ServiceAs(eastRep);

            Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => asEast.Update(new Entity("account", westRow) { ["name"] = "Changed" }));
            Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => asEast.Delete("account", westRow));
            var appendTo = Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => asEast.Update(new Entity("account", eastRow) { ["parentaccountid"] = new EntityReference("account", westRow) }));
            Assert.Contains("prvAppendToAccount", appendTo.Detail.Message, StringComparison.Ordinal);
            asEast.Update(new Entity("account", eastRow) { ["name"] = "Changed" });
            Assert.Equal("Owned", org.GetRow("account", westRow)!.GetAttributeValue<string>("name"));
        }

        [Fact]
        public void A_team_role_reaches_from_the_teams_business_unit()
        {
            var westRow = AccountOwnedBy(org.AddUser("Will West", west, "Account Local"));
            var eastRep = org.AddUser("Eve East", east);
            var westDesk = org.AddTeam("West desk", west, "Account Local");
            org.AddTeamMember(westDesk, eastRep);

            Assert.Equal(new[] { westRow }, Visible(eastRep));
        }

        [Fact]
        public void Assigning_needs_the_Assign_privilege_on_the_row()
        {
            org.DefineRole("Account writer", new[] { "prvCreateAccount", "prvReadAccount", "prvWriteAccount" }.Select(p => new KeyValuePair<string, PrivilegeDepth>(p, PrivilegeDepth.Global)));
            var writer = org.AddUser("Wanda Writer", east, "Account writer");
            var row = AccountOwnedBy(writer);
            var other = org.AddUser("Oscar Other", west);

            var fault = Orgs.AssertFault(ErrorCodes.PrivilegeDenied, () => org.ServiceAs(writer).Update(new Entity("account", row) { ["ownerid"] = new EntityReference("systemuser", other) }));

            Assert.Contains("prvAssignAccount", fault.Detail.Message, StringComparison.Ordinal);
            Assert.Equal(writer, org.GetRow("account", row)!.GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Theory]
        [InlineData("Cascade", new[] { true, true, true })]
        [InlineData("Active", new[] { true, false, true })]
        [InlineData("UserOwned", new[] { true, true, false })]
        [InlineData("NoCascade", new[] { false, false, false })]
        public void Assigning_a_row_assigns_the_rows_under_it_as_the_relationship_cascades(string cascadeAssign, bool[] moved)
        {
            org.DefineRelationship(new Relationship1N("account_contacts", "account", "contact", "parentcustomerid", "RemoveLink", CascadeAssign: cascadeAssign));
            var first = org.AddUser("First Owner", east);
            var someoneElse = org.AddUser("Someone Else", east);
            var next = org.AddUser("Next Owner", west);
            var account = org.Seed(new Entity("account") { ["name"] = "Parent", ["ownerid"] = new EntityReference("systemuser", first) });
            Guid Contact(Guid owner, int state) => org.Seed(new Entity("contact")
            {
                ["lastname"] = "Child",
                ["parentcustomerid"] = new EntityReference("account", account),
                ["ownerid"] = new EntityReference("systemuser", owner),
                ["statecode"] = new OptionSetValue(state),
            });
            var contacts = new[] { Contact(first, 0), Contact(first, 1), Contact(someoneElse, 0) };

            org.Service.Execute(new AssignRequest { Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", next) });

            Assert.Equal(next, org.GetRow("account", account)!.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(moved, contacts.Select(c => org.GetRow("contact", c)!.GetAttributeValue<EntityReference>("ownerid").Id == next).ToArray());
            Assert.All(contacts.Where((_, i) => moved[i]), c => Assert.Equal(west, org.GetRow("contact", c)!.GetAttributeValue<EntityReference>("owningbusinessunit").Id));
        }

        [Fact]
        public void With_only_the_root_business_unit_Local_reaches_every_row_as_before()
        {
            var one = org.AddUser("One", "Account Basic");
            var other = org.AddUser("Other", "Account Local");
            var row = AccountOwnedBy(one);

            Assert.Equal(new[] { row }, Visible(other));
            Assert.Equal(org.RootBusinessUnitId, org.GetRow("account", row)!.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        }
    }
}
