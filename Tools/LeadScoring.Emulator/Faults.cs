using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Emulator
{
    // Why: plug-ins and callers react to the platform's error codes (a duplicate idempotency key,
    // a stale row version), so the emulator fails the way Dataverse does: with a
    // FaultException<OrganizationServiceFault> carrying the platform's code and message.
    // Codes and names: https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes

    /// <summary>The platform error codes the emulator raises.</summary>
    public static class ErrorCodes
    {
        /// <summary>0x80040217 ObjectDoesNotExist: the record does not exist.</summary>
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);

        /// <summary>0x80040237 DuplicateRecord: a row with the same primary key (id) already exists.</summary>
        public const int DuplicateRecord = unchecked((int)0x80040237);

        /// <summary>0x80060892 DuplicateRecordEntityKey (-2147088238): a row with the same alternate key values already exists (the Web API answers 412).</summary>
        public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);

        /// <summary>0x80060882 ConcurrencyVersionMismatch: the row version in the request is stale.</summary>
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

        /// <summary>0x80060883 ConcurrencyVersionNotProvided (-2147088253): IfRowVersionMatches without a RowVersion.</summary>
        public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);

        /// <summary>
        /// -2147088243 OptimisticConcurrencyNotEnabled: IfRowVersionMatches on a table without optimistic
        /// concurrency. Code from the prose of https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency
        /// (the sample on that page swaps the comments of -2147088253 and -2147088243; the error code list
        /// names 0x80060883 = -2147088253 ConcurrencyVersionNotProvided).
        /// </summary>
        public const int OptimisticConcurrencyNotEnabled = -2147088243;

        /// <summary>0x80044182 SdkCorrelationTokenDepthTooHigh: the infinite-loop guard (depth above 8).</summary>
        public const int SdkCorrelationTokenDepthTooHigh = unchecked((int)0x80044182);

        /// <summary>0x80040220 PrivilegeDenied: the calling user is missing a privilege.</summary>
        public const int PrivilegeDenied = unchecked((int)0x80040220);

        /// <summary>0x8004F502 AttributePrivilegeCreateIsMissing: no create permission on a secured column.</summary>
        public const int AttributePrivilegeCreateIsMissing = unchecked((int)0x8004F502);

        /// <summary>0x8004F507 AttributePermissionUpdateIsMissingDuringUpdate: no update permission on a secured column.</summary>
        public const int AttributePermissionUpdateIsMissingDuringUpdate = unchecked((int)0x8004F507);

        /// <summary>0x80040203 InvalidArgument: a malformed request (for example a Custom API parameter).</summary>
        public const int InvalidArgument = unchecked((int)0x80040203);

        /// <summary>0x8009000C (-2146893812): a plug-in swallowed a failed service call and carried on.</summary>
        public const int IsvAbortedTransaction = unchecked((int)0x8009000C);

        /// <summary>0x80040251 (-2147220911): a service call inside a transaction that an earlier failure ended.</summary>
        public const int NoActiveTransaction = unchecked((int)0x80040251);
    }

    /// <summary>Builds platform-shaped faults; also handy for fault injection.</summary>
    public static class Faults
    {
        /// <summary>A <see cref="FaultException{OrganizationServiceFault}"/> with the given code and message.</summary>
        public static FaultException<OrganizationServiceFault> Create(int errorCode, string message)
        {
            var fault = new OrganizationServiceFault { ErrorCode = errorCode, Message = message, Timestamp = DateTime.UtcNow };
            return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
        }

        internal static FaultException<OrganizationServiceFault> DoesNotExist(string table, Guid id) =>
            Create(ErrorCodes.ObjectDoesNotExist, $"{table} With Id = {id} Does Not Exist");

        internal static FaultException<OrganizationServiceFault> DoesNotExist(string table, string keyDescription) =>
            Create(ErrorCodes.ObjectDoesNotExist, $"A record with the specified key values does not exist in {table} entity ({keyDescription})");

        internal static FaultException<OrganizationServiceFault> DuplicateKey(string table, string what) =>
            Create(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key. {table}: {what}");

        internal static FaultException<OrganizationServiceFault> DuplicateEntityKey(string key, string columns) =>
            Create(ErrorCodes.DuplicateRecordEntityKey, $"Entity Key {key} violated. A record with the same value for {columns} already exists. A duplicate record cannot be created. Select one or more unique values and try again.");

        internal static FaultException<OrganizationServiceFault> OptimisticConcurrencyNotEnabled(string table) =>
            Create(ErrorCodes.OptimisticConcurrencyNotEnabled, $"Optimistic concurrency is not enabled for the {table} table: IfRowVersionMatches cannot be used on it.");

        internal static FaultException<OrganizationServiceFault> VersionMismatch() =>
            Create(ErrorCodes.ConcurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided.");

        internal static FaultException<OrganizationServiceFault> VersionNotProvided() =>
            Create(ErrorCodes.ConcurrencyVersionNotProvided, "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");

        internal static FaultException<OrganizationServiceFault> DepthTooHigh() =>
            Create(ErrorCodes.SdkCorrelationTokenDepthTooHigh,
                "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");

        internal static FaultException<OrganizationServiceFault> PrivilegeDenied(Guid userId, string privilege) =>
            Create(ErrorCodes.PrivilegeDenied, $"Principal user (Id={userId}, type=8) is missing {privilege} privilege.");

        internal static FaultException<OrganizationServiceFault> SecuredColumnCreate(string table, string column) =>
            Create(ErrorCodes.AttributePrivilegeCreateIsMissing, $"The user does not have create permissions to a secured field. The requested operation could not be completed. ({table}.{column})");

        internal static FaultException<OrganizationServiceFault> SecuredColumnUpdate(string table, string column) =>
            Create(ErrorCodes.AttributePermissionUpdateIsMissingDuringUpdate, $"The user doesn't have AttributePrivilegeUpdate and not granted shared access for a secured attribute during update operation. ({table}.{column})");

        internal static FaultException<OrganizationServiceFault> InvalidArgument(string message) =>
            Create(ErrorCodes.InvalidArgument, message);

        internal static FaultException<OrganizationServiceFault> IsvAbortedTransaction() =>
            Create(ErrorCodes.IsvAbortedTransaction,
                "ISV code reduced the open transaction count. Custom plug-ins should not catch exceptions from OrganizationService calls and continue processing.");

        internal static FaultException<OrganizationServiceFault> NoActiveTransaction() =>
            Create(ErrorCodes.NoActiveTransaction,
                "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing.");
    }
}
