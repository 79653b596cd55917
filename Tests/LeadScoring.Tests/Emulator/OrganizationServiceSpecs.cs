using System;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Emulator
{
    // The organization service's data operations.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/org-service/entity-operations-create
    //        https://learn.microsoft.com/power-apps/developer/data-platform/org-service/entity-operations-update-delete
    //        https://learn.microsoft.com/troubleshoot/power-platform/power-apps/dataverse/client-errors (codes -2147220969, -2147220937)
    public class OrganizationServiceSpecs
    {
        private readonly EmulatedOrganization org = new();

        [Fact]
        public void Create_assigns_an_id_and_fills_the_system_columns_from_the_clock_and_the_calling_user()
        {
            org.Clock.Set(new DateTime(2025, 3, 1, 9, 30, 0, DateTimeKind.Utc));
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso" });

            var row = org.GetRow("account", id)!;
            Assert.NotEqual(Guid.Empty, id);
            Assert.Equal(id, row["accountid"]);
            Assert.Equal(org.Clock.UtcNow, row["createdon"]);
            Assert.Equal(org.Clock.UtcNow, row["modifiedon"]);
            Assert.Equal(DateTimeKind.Utc, ((DateTime)row["createdon"]).Kind);
            Assert.Equal(new EntityReference("systemuser", org.AdminUserId), row["createdby"]);
            Assert.Equal(new EntityReference("systemuser", org.AdminUserId), row["modifiedby"]);
            Assert.Equal(new EntityReference("systemuser", org.AdminUserId), row["ownerid"]);
            Assert.Equal(new OptionSetValue(0), row["statecode"]);
            Assert.True((long)row["versionnumber"] > 0);
            Assert.Equal(row["versionnumber"].ToString(), row.RowVersion);
        }

        [Fact]
        public void Create_keeps_an_id_the_caller_chose_and_a_second_row_with_that_id_fails_with_DuplicateRecord_0x80040237()
        {
            var id = Guid.NewGuid();
            Assert.Equal(id, org.Service.Create(new Entity("account", id)));
            Orgs.AssertFault(ErrorCodes.DuplicateRecord, () => org.Service.Create(new Entity("account", id)));
        }

        [Fact]
        public void Activities_use_activityid_as_their_primary_key()
        {
            var id = org.Service.Create(new Entity("email") { ["subject"] = "Hello" });
            Assert.Equal(id, org.Service.Retrieve("email", id, new ColumnSet("subject"))["activityid"]);
        }

        [Fact]
        public void Calls_made_as_another_user_are_stamped_with_that_user()
        {
            var rep = org.AddUser("Sam Rep", "Salesperson");
            var id = org.ServiceAs(rep).Create(new Entity("lead") { ["lastname"] = "Doe" });
            Assert.Equal(new EntityReference("systemuser", rep), org.GetRow("lead", id)!["createdby"]);
        }

        [Fact]
        public void Retrieve_returns_only_the_requested_columns_plus_the_primary_key_and_the_row_version()
        {
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "A-1", ["revenue"] = new Money(10m) });

            var row = org.Service.Retrieve("account", id, new ColumnSet("name"));

            Assert.Equal(new[] { "accountid", "name" }, row.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(org.GetRow("account", id)!.RowVersion, row.RowVersion);
            Assert.Contains("accountnumber", org.Service.Retrieve("account", id, new ColumnSet(true)).Attributes.Keys);
        }

        [Fact]
        public void Retrieve_of_a_missing_row_fails_with_ObjectDoesNotExist_0x80040217()
        {
            Orgs.AssertFault(ErrorCodes.ObjectDoesNotExist, () => org.Service.Retrieve("account", Guid.NewGuid(), new ColumnSet(true)));
        }

        [Fact]
        public void Update_merges_the_given_columns_into_the_row_and_moves_modifiedon_and_the_row_version()
        {
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "A-1" });
            var created = org.GetRow("account", id)!;
            org.Clock.Advance(TimeSpan.FromHours(1));

            org.Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd", ["description"] = null });

            var row = org.GetRow("account", id)!;
            Assert.Equal("Contoso Ltd", row["name"]);
            Assert.Equal("A-1", row["accountnumber"]);
            Assert.Null(row["description"]);
            Assert.Equal(created["createdon"], row["createdon"]);
            Assert.Equal(org.Clock.UtcNow, row["modifiedon"]);
            Assert.True((long)row["versionnumber"] > (long)created["versionnumber"]);
        }

        [Fact]
        public void Update_and_Delete_of_a_missing_row_fail_with_ObjectDoesNotExist_0x80040217()
        {
            Orgs.AssertFault(ErrorCodes.ObjectDoesNotExist, () => org.Service.Update(new Entity("account", Guid.NewGuid()) { ["name"] = "x" }));
            Orgs.AssertFault(ErrorCodes.ObjectDoesNotExist, () => org.Service.Delete("account", Guid.NewGuid()));
        }

        [Fact]
        public void Delete_removes_the_row()
        {
            var id = org.Service.Create(new Entity("account"));
            org.Service.Delete("account", id);
            Assert.Null(org.GetRow("account", id));
        }

        [Fact]
        public void Values_keep_their_SDK_types()
        {
            var model = new EntityReference("ls_scoringmodel", Guid.NewGuid());
            var id = org.Service.Create(new Entity("lead")
            {
                ["ls_scoringmodelid"] = model,
                ["ls_lifecyclestage"] = new OptionSetValue(100000001),
                ["revenue"] = new Money(1250.5m),
                ["ls_salesreadyon"] = new DateTime(2025, 2, 3, 4, 5, 6, DateTimeKind.Utc),
                ["decisionmaker"] = true,
                ["numberofemployees"] = 40,
            });

            var lead = org.Service.Retrieve("lead", id, new ColumnSet(true));

            Assert.Equal(model, lead.GetAttributeValue<EntityReference>("ls_scoringmodelid"));
            Assert.Equal(100000001, lead.GetAttributeValue<OptionSetValue>("ls_lifecyclestage").Value);
            Assert.Equal(1250.5m, lead.GetAttributeValue<Money>("revenue").Value);
            Assert.Equal(DateTimeKind.Utc, lead.GetAttributeValue<DateTime>("ls_salesreadyon").Kind);
            Assert.True(lead.GetAttributeValue<bool>("decisionmaker"));
            Assert.Equal(40, lead.GetAttributeValue<int>("numberofemployees"));
        }

        [Fact]
        public void Callers_cannot_change_stored_rows_through_objects_they_passed_in_or_got_back()
        {
            var stage = new OptionSetValue(1);
            var entity = new Entity("lead") { ["ls_lifecyclestage"] = stage, ["lastname"] = "Doe" };
            var id = org.Service.Create(entity);
            stage.Value = 99;
            entity["lastname"] = "Changed after create";

            var retrieved = org.Service.Retrieve("lead", id, new ColumnSet(true));
            retrieved.GetAttributeValue<OptionSetValue>("ls_lifecyclestage").Value = 42;
            retrieved["lastname"] = "Changed after retrieve";
            org.Service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet(true) }).Entities[0]["lastname"] = "Changed after query";

            var stored = org.GetRow("lead", id)!;
            Assert.Equal(1, stored.GetAttributeValue<OptionSetValue>("ls_lifecyclestage").Value);
            Assert.Equal("Doe", stored["lastname"]);
            Assert.Equal(Guid.Empty, entity.Id);
        }

        [Fact]
        public void Execute_runs_the_request_messages_with_their_typed_responses()
        {
            var id = ((CreateResponse)org.Service.Execute(new CreateRequest { Target = new Entity("account") { ["name"] = "A" } })).id;
            org.Service.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "B" } });
            var retrieved = ((RetrieveResponse)org.Service.Execute(new RetrieveRequest { Target = new EntityReference("account", id), ColumnSet = new ColumnSet("name") })).Entity;
            var found = ((RetrieveMultipleResponse)org.Service.Execute(new RetrieveMultipleRequest { Query = new QueryExpression("account") })).EntityCollection;
            org.Service.Execute(new DeleteRequest { Target = new EntityReference("account", id) });

            Assert.Equal("B", retrieved["name"]);
            Assert.Single(found.Entities);
            Assert.Equal(0, org.RowCount("account"));
        }

        [Fact]
        public void A_message_the_emulator_does_not_implement_is_refused_clearly()
        {
            var e = Assert.Throws<NotSupportedException>(() => org.Service.Execute(new OrganizationRequest("WhoAmI")));
            Assert.Contains("WhoAmI", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Rows_can_be_updated_and_retrieved_by_alternate_key_values()
        {
            org.DefineAlternateKey("ls_scoreevent", "ls_idempotencykey_key", "ls_idempotencykey");
            var id = org.Service.Create(new Entity("ls_scoreevent") { ["ls_idempotencykey"] = "rule-1|lead-1", ["ls_points"] = 5 });

            org.Service.Update(new Entity("ls_scoreevent", "ls_idempotencykey", "rule-1|lead-1") { ["ls_points"] = 7 });

            Assert.Equal(7, org.GetRow("ls_scoreevent", id)!["ls_points"]);
            Orgs.AssertFault(ErrorCodes.ObjectDoesNotExist, () => org.Service.Update(new Entity("ls_scoreevent", "ls_idempotencykey", "missing") { ["ls_points"] = 1 }));
        }
    }
}
