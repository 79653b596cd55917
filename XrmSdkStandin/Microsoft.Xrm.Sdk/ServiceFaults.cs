// Reference §3.3 (BaseServiceFault, OrganizationServiceFault). Every property is get/set: ML
// baseservicefault.errorcode / .activityid / .helplink, gg332611 (Message), gg307647 (TraceText),
// organizationservicefault.innerfault, gg327757 (ErrorDetails: "Gets or sets the details of the fault").
// The data contract lets FaultException<OrganizationServiceFault> carry it. ErrorDetails carries, for
// example, the "Retry-After" TimeSpan of a service protection limit fault (Learn: api-limits).
using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[DataContract(Name = "BaseServiceFault", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
[KnownType(typeof(OrganizationServiceFault))]
public abstract class BaseServiceFault
{
    [DataMember]
    public string Message { get; set; }

    [DataMember]
    public int ErrorCode { get; set; }

    [DataMember]
    public string HelpLink { get; set; }

    [DataMember]
    public DateTime Timestamp { get; set; }

    [DataMember]
    public Guid ActivityId { get; set; }

    [DataMember]
    public ErrorDetailCollection ErrorDetails { get; set; }
}

/// <summary>gg327582: public sealed class ErrorDetailCollection : DataCollection&lt;string, object&gt;, with a public parameterless constructor (gg326146).</summary>
[CollectionDataContract(Name = "ErrorDetailCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class ErrorDetailCollection : DataCollection<string, object>
{
}

[DataContract(Name = "OrganizationServiceFault", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public class OrganizationServiceFault : BaseServiceFault
{
    [DataMember]
    public string TraceText { get; set; }

    [DataMember]
    public OrganizationServiceFault InnerFault { get; set; }
}
