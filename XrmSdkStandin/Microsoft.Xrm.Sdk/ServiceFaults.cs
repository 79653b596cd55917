// Reference §3.3 (BaseServiceFault, OrganizationServiceFault). Every property is get/set: ML
// baseservicefault.errorcode / .activityid / .helplink, gg332611 (Message), gg307647 (TraceText),
// organizationservicefault.innerfault. The data contract lets FaultException<OrganizationServiceFault> carry it.
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
}

[DataContract(Name = "OrganizationServiceFault", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public class OrganizationServiceFault : BaseServiceFault
{
    [DataMember]
    public string TraceText { get; set; }

    [DataMember]
    public OrganizationServiceFault InnerFault { get; set; }
}
