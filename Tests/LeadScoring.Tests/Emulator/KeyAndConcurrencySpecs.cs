using System;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Emulator
{
    // Alternate keys and optimistic concurrency.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/define-alternate-keys-entity
    //        https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes
    //          (DuplicateRecordEntityKey 0x80060892 = -2147088238 "Entity Key {0} violated…" for an alternate key;
    //           DuplicateRecord 0x80040237 for a SQL integrity violation such as a duplicate id;
    //           ConcurrencyVersionMismatch 0x80060882, ConcurrencyVersionNotProvided 0x80060883)
    //        https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.concurrencybehavior
    public class KeyAndConcurrencySpecs
    {
        private readonly EmulatedOrganization org = new();

        public KeyAndConcurrencySpecs() => org.DefineAlternateKey("ls_scoreevent", "ls_idempotencykey_key", "ls_idempotencykey");

        private Guid Event(string key) => org.Service.Create(new Entity("ls_scoreevent") { ["ls_idempotencykey"] = key });

        [Fact]
        public void A_second_row_with_the_same_alternate_key_value_fails_with_DuplicateRecordEntityKey_0x80060892()
        {
            Event("rule-1|email-1|1");
            var fault = Orgs.AssertFault(ErrorCodes.DuplicateRecordEntityKey, () => Event("rule-1|email-1|1"));
            Assert.Contains("ls_idempotencykey_key", fault.Detail.Message, StringComparison.Ordinal);
            Assert.Equal(1, org.RowCount("ls_scoreevent"));
        }

        [Fact]
        public void Key_values_compare_without_case_like_the_database_index()
        {
            Event("Rule-1|Email-1");
            Orgs.AssertFault(ErrorCodes.DuplicateRecordEntityKey, () => Event("RULE-1|EMAIL-1"));
        }

        [Fact]
        public void An_update_that_would_duplicate_a_key_fails_too()
        {
            Event("a");
            var b = Event("b");
            Orgs.AssertFault(ErrorCodes.DuplicateRecordEntityKey, () => org.Service.Update(new Entity("ls_scoreevent", b) { ["ls_idempotencykey"] = "A" }));
        }

        [Fact]
        public void Rows_with_an_empty_key_column_do_not_clash_and_a_deleted_row_frees_its_key()
        {
            org.Service.Create(new Entity("ls_scoreevent"));
            org.Service.Create(new Entity("ls_scoreevent"));
            var first = Event("k");
            org.Service.Delete("ls_scoreevent", first);
            Event("k");
            Assert.Equal(3, org.RowCount("ls_scoreevent"));
        }

        [Fact]
        public void A_composite_key_clashes_only_when_every_column_matches()
        {
            org.DefineAlternateKey("ls_scoringrule", "ls_model_rulekey", "ls_scoringmodelid", "ls_rulekey");
            var model = new EntityReference("ls_scoringmodel", Guid.NewGuid());
            org.Service.Create(new Entity("ls_scoringrule") { ["ls_scoringmodelid"] = model, ["ls_rulekey"] = "r1" });
            org.Service.Create(new Entity("ls_scoringrule") { ["ls_scoringmodelid"] = new EntityReference("ls_scoringmodel", Guid.NewGuid()), ["ls_rulekey"] = "r1" });
            Orgs.AssertFault(ErrorCodes.DuplicateRecordEntityKey, () => org.Service.Create(new Entity("ls_scoringrule") { ["ls_scoringmodelid"] = model, ["ls_rulekey"] = "r1" }));
        }

        [Fact]
        public void Every_write_moves_the_row_version()
        {
            var id = org.Service.Create(new Entity("lead"));
            var v1 = org.Service.Retrieve("lead", id, new ColumnSet(false)).RowVersion;
            org.Service.Update(new Entity("lead", id) { ["lastname"] = "Doe" });
            var v2 = org.Service.Retrieve("lead", id, new ColumnSet(false)).RowVersion;
            Assert.NotEqual(v1, v2);
            Assert.True(long.Parse(v2) > long.Parse(v1));
        }

        [Fact]
        public void IfRowVersionMatches_updates_when_the_version_is_current_and_fails_with_ConcurrencyVersionMismatch_0x80060882_when_it_is_stale()
        {
            var id = org.Service.Create(new Entity("lead") { ["ls_score"] = 10 });
            var read = org.Service.Retrieve("lead", id, new ColumnSet("ls_score"));
            org.Service.Update(new Entity("lead", id) { ["ls_score"] = 20 }); // someone else writes in between

            var stale = new Entity("lead", id) { ["ls_score"] = 15, RowVersion = read.RowVersion };
            Orgs.AssertFault(ErrorCodes.ConcurrencyVersionMismatch,
                () => org.Service.Execute(new UpdateRequest { Target = stale, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
            Assert.Equal(20, org.GetRow("lead", id)!["ls_score"]);

            var fresh = org.Service.Retrieve("lead", id, new ColumnSet("ls_score"));
            org.Service.Execute(new UpdateRequest
            {
                Target = new Entity("lead", id) { ["ls_score"] = 25, RowVersion = fresh.RowVersion },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            });
            Assert.Equal(25, org.GetRow("lead", id)!["ls_score"]);
        }

        [Fact]
        public void IfRowVersionMatches_without_a_row_version_fails_immediately_and_Default_ignores_versions()
        {
            var id = org.Service.Create(new Entity("lead"));
            Orgs.AssertFault(ErrorCodes.ConcurrencyVersionNotProvided,
                () => org.Service.Execute(new UpdateRequest { Target = new Entity("lead", id) { ["ls_score"] = 1 }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
            org.Service.Execute(new UpdateRequest { Target = new Entity("lead", id) { ["ls_score"] = 2, RowVersion = "1" } });
            Assert.Equal(2, org.GetRow("lead", id)!["ls_score"]);
        }

        [Fact]
        public void A_delete_with_a_stale_row_version_fails_and_keeps_the_row()
        {
            var id = org.Service.Create(new Entity("lead"));
            var reference = new EntityReference("lead", id) { RowVersion = org.GetRow("lead", id)!.RowVersion };
            org.Service.Update(new Entity("lead", id) { ["lastname"] = "Doe" });
            Orgs.AssertFault(ErrorCodes.ConcurrencyVersionMismatch,
                () => org.Service.Execute(new DeleteRequest { Target = reference, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
            Assert.NotNull(org.GetRow("lead", id));
        }

        [Fact]
        public void IfRowVersionMatches_on_a_table_without_optimistic_concurrency_fails_with_OptimisticConcurrencyNotEnabled()
        {
            // Learn (optimistic concurrency): OptimisticConcurrencyNotEnabled, code -2147088243.
            org.DisableOptimisticConcurrency("account");
            var id = org.Service.Create(new Entity("account") { ["name"] = "Contoso" });
            var version = org.GetRow("account", id)!.RowVersion;

            var fault = Orgs.AssertFault(-2147088243,
                () => org.Service.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "Fabrikam", RowVersion = version }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

            Assert.Equal(ErrorCodes.OptimisticConcurrencyNotEnabled, fault.Detail.ErrorCode);
            Assert.Equal("Contoso", org.GetRow("account", id)!["name"]);
        }

        [Fact]
        public void The_concurrency_codes_are_the_ones_Learn_lists()
        {
            Assert.Equal(-2147088254, ErrorCodes.ConcurrencyVersionMismatch);
            Assert.Equal(-2147088253, ErrorCodes.ConcurrencyVersionNotProvided);
            Assert.Equal(-2147088243, ErrorCodes.OptimisticConcurrencyNotEnabled);
            Assert.Equal(-2147088238, ErrorCodes.DuplicateRecordEntityKey);
            Assert.Equal(-2147220937, ErrorCodes.DuplicateRecord);
        }
    }
}
