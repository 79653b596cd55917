using System;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Emulator
{
    // The index behind an alternate key is built after the key is created or imported, by an asynchronous
    // system job; EntityKeyMetadata.EntityKeyIndexStatus tells where it is (Pending 0, InProgress 1,
    // Active 2, Failed 3). Uniqueness holds only once the index exists: a key on a column that already has
    // duplicates imports, but its index job fails, and ReactivateEntityKey submits a new job.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/define-alternate-keys-entity
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.entitykeyindexstatus
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.entitykeymetadata.entitykeyindexstatus
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentitykeyrequest
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.reactivateentitykeyrequest
    //          ("Contains data that is needed to submit a new asynchronous system job to create the index for the key")
    //        https://crmtipoftheday.com/897/alternate-key-duplicate-data-and-solutions-part-2/ (a Dataverse engineer: the
    //          definition is created at once, the key becomes active only once its index is built asynchronously; a solution
    //          whose key meets duplicate values imports, and the key stays inactive until the data is cleaned up)
    public class KeyIndexSpecs
    {
        private const string Table = "ls_scoreevent";
        private const string Key = "ls_idempotencykey_key";
        private readonly EmulatedOrganization org = new();

        public KeyIndexSpecs() => org.ImportAlternateKey(Table, Key, "ls_idempotencykey");

        private Guid Event(string key) => org.Service.Create(new Entity(Table) { ["ls_idempotencykey"] = key });

        private EntityKeyIndexStatus Status() =>
            ((RetrieveEntityKeyResponse)org.Service.Execute(new RetrieveEntityKeyRequest { EntityLogicalName = Table, LogicalName = Key })).EntityKeyMetadata.EntityKeyIndexStatus;

        [Fact]
        public void The_status_values_are_the_SDKs()
        {
            Assert.Equal(new[] { 0, 1, 2, 3 }, new[] { (int)EntityKeyIndexStatus.Pending, (int)EntityKeyIndexStatus.InProgress, (int)EntityKeyIndexStatus.Active, (int)EntityKeyIndexStatus.Failed });
        }

        [Fact]
        public void An_imported_key_is_Pending_then_InProgress_and_Active_once_its_index_job_ran()
        {
            Assert.Equal(EntityKeyIndexStatus.Pending, Status());
            org.StartKeyIndexJobs();
            Assert.Equal(EntityKeyIndexStatus.InProgress, Status());
            Assert.Equal(new[] { (Table, Key, EntityKeyIndexStatus.Active) }, org.RunKeyIndexJobs());
            Assert.Equal(EntityKeyIndexStatus.Active, Status());
        }

        [Fact]
        public void Before_the_index_is_Active_nothing_refuses_a_duplicate()
        {
            Event("k");
            org.StartKeyIndexJobs();
            Event("K");
            Assert.Equal(2, org.RowCount(Table));
        }

        [Fact]
        public void Once_Active_the_key_refuses_duplicates()
        {
            Event("k");
            org.RunKeyIndexJobs();
            Orgs.AssertFault(ErrorCodes.DuplicateRecordEntityKey, () => Event("k"));
        }

        [Fact]
        public void Duplicates_written_in_the_window_make_the_index_job_fail_and_the_key_still_refuses_nothing()
        {
            Event("k");
            Event("k");
            Assert.Equal(new[] { (Table, Key, EntityKeyIndexStatus.Failed) }, org.RunKeyIndexJobs());
            Assert.Equal(EntityKeyIndexStatus.Failed, Status());
            Event("k");
            Assert.Equal(3, org.RowCount(Table));
        }

        [Fact]
        public void ReactivateEntityKey_submits_a_new_job_that_succeeds_once_the_duplicates_are_gone()
        {
            Event("k");
            var duplicate = Event("k");
            org.RunKeyIndexJobs();

            org.Service.Delete(Table, duplicate);
            org.Service.Execute(new ReactivateEntityKeyRequest { EntityLogicalName = Table, EntityKeyLogicalName = Key });
            Assert.Equal(EntityKeyIndexStatus.Pending, Status());
            org.RunKeyIndexJobs();

            Assert.Equal(EntityKeyIndexStatus.Active, Status());
            Orgs.AssertFault(ErrorCodes.DuplicateRecordEntityKey, () => Event("k"));
        }

        [Fact]
        public void Queries_on_the_key_columns_find_rows_while_the_index_is_not_built()
        {
            var id = Event("k");
            var query = new QueryExpression(Table) { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("ls_idempotencykey", ConditionOperator.Equal, "k");
            Assert.Equal(id, Assert.Single(org.Service.RetrieveMultiple(query).Entities).Id);
        }

        [Fact]
        public void An_unknown_key_does_not_exist()
        {
            Orgs.AssertFault(ErrorCodes.ObjectDoesNotExist, () => org.Service.Execute(new RetrieveEntityKeyRequest { EntityLogicalName = Table, LogicalName = "nope" }));
        }
    }
}
