// The fault of an ExecuteTransaction: which request in Requests failed.
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.executetransactionfault
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "ExecuteTransactionFault", Namespace = "http://schemas.microsoft.com/xrm/7.1/Contracts")]
public sealed class ExecuteTransactionFault : OrganizationServiceFault
{
    [DataMember]
    public int FaultedRequestIndex { get; set; }
}
