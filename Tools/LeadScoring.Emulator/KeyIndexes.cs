using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadScoring.Emulator
{
    // Why: on the platform an alternate key is unique only once its index exists. Creating or importing
    // a key submits an asynchronous system job that builds the index: the key's EntityKeyIndexStatus goes
    // Pending, InProgress, then Active, or Failed when rows already share the key's values. Until it is
    // Active nothing refuses a duplicate. ReactivateEntityKey submits a new job for a failed key.
    // https://learn.microsoft.com/power-apps/developer/data-platform/define-alternate-keys-entity
    // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.entitykeyindexstatus
    // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.reactivateentitykeyrequest
    public sealed partial class EmulatedOrganization
    {
        /// <summary>
        /// Declares an alternate key whose index is already built (Active): a second row with the same
        /// values fails with DuplicateRecordEntityKey; rows with an empty key column are not indexed.
        /// </summary>
        public void DefineAlternateKey(string table, string keyName, params string[] columns) =>
            DeclareKey(table, keyName, columns, EntityKeyIndexStatus.Active);

        /// <summary>
        /// Declares an alternate key as a solution import does: Pending, unique only after
        /// <see cref="RunKeyIndexJobs"/> has built its index.
        /// </summary>
        public void ImportAlternateKey(string table, string keyName, params string[] columns) =>
            DeclareKey(table, keyName, columns, EntityKeyIndexStatus.Pending);

        /// <summary>The status of a key's index (no service call).</summary>
        public EntityKeyIndexStatus KeyIndexStatus(string table, string keyName) =>
            (store.Key(table, keyName) ?? throw new InvalidOperationException($"No alternate key {keyName} on {table}.")).Status;

        /// <summary>The index jobs start: every Pending key becomes InProgress (still without uniqueness).</summary>
        public void StartKeyIndexJobs()
        {
            foreach (var key in store.Keys.Where(k => k.Status == EntityKeyIndexStatus.Pending))
            {
                key.Status = EntityKeyIndexStatus.InProgress;
            }
        }

        /// <summary>
        /// Runs the index jobs of every Pending or InProgress key: each becomes Active, or Failed when two
        /// rows share its values. Returns the keys the jobs ran for, with the status each ended in.
        /// </summary>
        public IReadOnlyList<(string Table, string Key, EntityKeyIndexStatus Status)> RunKeyIndexJobs()
        {
            var ran = new List<(string, string, EntityKeyIndexStatus)>();
            foreach (var key in store.Keys.Where(k => k.Status is EntityKeyIndexStatus.Pending or EntityKeyIndexStatus.InProgress).ToList())
            {
                store.BuildIndex(key);
                ran.Add((key.Table, key.Name, key.Status));
            }
            return ran;
        }

        private void DeclareKey(string table, string keyName, string[] columns, EntityKeyIndexStatus status)
        {
            if (columns.Length == 0)
            {
                throw new ArgumentException("An alternate key needs at least one column.", nameof(columns));
            }
            store.DefineKey(table, keyName, columns, status);
        }

        // RetrieveEntityKey: the key's metadata, with the status of its index.
        // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentitykeyrequest
        private OrganizationResponse RetrieveEntityKey(OrganizationRequest request)
        {
            var key = KeyOf(request, "LogicalName");
            var metadata = new EntityKeyMetadata();
            SetInternal(metadata, nameof(EntityKeyMetadata.EntityKeyIndexStatus), key.Status);
            var response = new RetrieveEntityKeyResponse { ResponseName = "RetrieveEntityKey" };
            response.Results["EntityKeyMetadata"] = metadata;
            return response;
        }

        // ReactivateEntityKey: a new index job for the key (Pending again); an Active key is left as it is.
        private OrganizationResponse ReactivateEntityKey(OrganizationRequest request)
        {
            var key = KeyOf(request, "EntityKeyLogicalName");
            if (!key.IsActive)
            {
                key.Status = EntityKeyIndexStatus.Pending;
            }
            return new OrganizationResponse { ResponseName = "ReactivateEntityKey" };
        }

        private AlternateKey KeyOf(OrganizationRequest request, string keyParameter)
        {
            var table = request.Parameters.TryGetValue("EntityLogicalName", out var t) ? t as string : null;
            var name = request.Parameters.TryGetValue(keyParameter, out var n) ? n as string : null;
            return (table == null || name == null ? null : store.Key(table, name))
                ?? throw Faults.Create(ErrorCodes.ObjectDoesNotExist, $"Could not find the alternate key '{name}' of the entity '{table}'.");
        }
    }
}
