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

        /// <summary>0x80040237 DuplicateRecord: "Cannot insert duplicate key" (primary or alternate key).</summary>
        public const int DuplicateRecord = unchecked((int)0x80040237);

        /// <summary>0x80060882 ConcurrencyVersionMismatch: the row version in the request is stale.</summary>
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

        /// <summary>0x80060883 ConcurrencyVersionNotProvided: IfRowVersionMatches without a RowVersion.</summary>
        public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);

        /// <summary>0x80044182 SdkCorrelationTokenDepthTooHigh: the infinite-loop guard (depth above 8).</summary>
        public const int SdkCorrelationTokenDepthTooHigh = unchecked((int)0x80044182);

        /// <summary>0x80040203 InvalidArgument: a malformed request (for example a Custom API parameter).</summary>
        public const int InvalidArgument = unchecked((int)0x80040203);

        /// <summary>0x8009000C (-2146893812): a plug-in swallowed a failed service call and carried on.</summary>
        public const int IsvAbortedTransaction = unchecked((int)0x8009000C);

        /// <summary>0x80040265 IsvAborted: a plug-in threw InvalidPluginExecutionException (how a remote caller sees it).</summary>
        public const int IsvAborted = unchecked((int)0x80040265);

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

        internal static FaultException<OrganizationServiceFault> VersionMismatch() =>
            Create(ErrorCodes.ConcurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided.");

        internal static FaultException<OrganizationServiceFault> VersionNotProvided() =>
            Create(ErrorCodes.ConcurrencyVersionNotProvided, "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");

        internal static FaultException<OrganizationServiceFault> DepthTooHigh() =>
            Create(ErrorCodes.SdkCorrelationTokenDepthTooHigh,
                "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");

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
