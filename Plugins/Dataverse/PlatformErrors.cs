using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Dataverse
{
    /// <summary>Dataverse error codes this product reacts to: https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes</summary>
    public static class PlatformErrors
    {
        /// <summary>0x80040217: the record does not exist.</summary>
        public const int ObjectDoesNotExist = -2147220969;

        /// <summary>0x80040237 DuplicateRecord: a SQL integrity violation (a duplicate primary key; older orgs also for an alternate key).</summary>
        public const int DuplicateRecord = -2147220937;

        /// <summary>0x80060892 DuplicateRecordEntityKey: a record with the same alternate key values already exists.</summary>
        public const int DuplicateRecordEntityKey = -2147088238;

        /// <summary>0x80060882: the row version does not match (optimistic concurrency).</summary>
        public const int ConcurrencyVersionMismatch = -2147088254;

        public static bool Is(FaultException<OrganizationServiceFault> fault, int errorCode) => fault.Detail != null && fault.Detail.ErrorCode == errorCode;

        /// <summary>A create refused because a row with the same key already exists (either code).</summary>
        public static bool IsDuplicate(FaultException<OrganizationServiceFault> fault) => Is(fault, DuplicateRecordEntityKey) || Is(fault, DuplicateRecord);
    }
}
