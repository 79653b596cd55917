using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Dataverse
{
    /// <summary>Dataverse error codes this product reacts to (Microsoft Learn, "Web service error codes").</summary>
    public static class PlatformErrors
    {
        /// <summary>0x80040217: the record does not exist.</summary>
        public const int ObjectDoesNotExist = -2147220969;

        /// <summary>0x80040237: a record with the same alternate key values already exists.</summary>
        public const int DuplicateRecord = -2147220937;

        /// <summary>0x80060882: the row version does not match (optimistic concurrency).</summary>
        public const int ConcurrencyVersionMismatch = -2147088254;

        public static bool Is(FaultException<OrganizationServiceFault> fault, int errorCode) => fault.Detail != null && fault.Detail.ErrorCode == errorCode;
    }
}
