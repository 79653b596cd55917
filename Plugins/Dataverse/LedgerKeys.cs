using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// The alternate keys that make the product's writes once-only: the ledger skips a score event whose
    /// idempotency key is already there, the stage history a stage change already recorded, and a recorded
    /// interaction is kept once per source and external id.
    /// Dataverse builds a key's index in a system job after the solution is imported; until the key is
    /// Active it refuses no duplicate, so a retried or replayed job could count points twice. A job that
    /// finds duplicates ends Failed until they are removed and the key is reactivated.
    /// https://learn.microsoft.com/power-apps/developer/data-platform/define-alternate-keys-entity
    /// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentitykeyrequest
    /// </summary>
    public static class LedgerKeys
    {
        private static readonly string[][] Keys =
        {
            new[] { ScoreEventColumns.Table, ScoreEventColumns.AlternateKey },
            new[] { StageChangeColumns.Table, StageChangeColumns.AlternateKey },
            new[] { InteractionColumns.Table, InteractionColumns.AlternateKey },
        };

        /// <summary>Null when every key is Active; otherwise what is wrong with the first key that is not, and what to do.</summary>
        public static string? NotActive(IOrganizationService service)
        {
            foreach (var key in Keys)
            {
                var response = (RetrieveEntityKeyResponse)service.Execute(new RetrieveEntityKeyRequest { EntityLogicalName = key[0], LogicalName = key[1] });
                var status = response.EntityKeyMetadata.EntityKeyIndexStatus;
                if (status != EntityKeyIndexStatus.Active)
                {
                    return Message(key[0], key[1], status);
                }
            }

            return null;
        }

        public static string Message(string table, string key, EntityKeyIndexStatus status) =>
            "The scoring model cannot be activated while the alternate key " + key + " of " + table + " is " + status + ": until its index is Active, " +
            "Dataverse does not refuse a duplicate, so a retried or replayed job could count points twice. " +
            (status == EntityKeyIndexStatus.Failed
                ? "Its index job failed because rows share the key's values: remove the duplicate rows, reactivate the key (Reactivate on the table's Keys in Power Apps, or ReactivateEntityKeyRequest), and activate the model once the key is Active."
                : "Dataverse builds the index in a system job after the solution is imported: activate the model once the key is Active (the table's Keys in Power Apps show its status).");
    }
}
