// Reference §4.1 (the six classic constructors; ErrorCode is the HResult) and §4.2 (OperationStatus).
using System;

namespace Microsoft.Xrm.Sdk;

public sealed class InvalidPluginExecutionException : Exception
{
    public InvalidPluginExecutionException()
        : this(OperationStatus.Failed)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status)
    {
        Status = status;
    }

    public InvalidPluginExecutionException(string message)
        : this(OperationStatus.Failed, message)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    public InvalidPluginExecutionException(string message, Exception exception)
        : base(message, exception)
    {
        Status = OperationStatus.Failed;
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
        : base(message)
    {
        Status = status;
        HResult = errorCode;
    }

    public OperationStatus Status { get; }

    public int ErrorCode => HResult;
}

public enum OperationStatus
{
    Failed = 0,
    Canceled = 1,
    Retry = 2,
    Suspended = 3,
    Succeeded = 4,
}
