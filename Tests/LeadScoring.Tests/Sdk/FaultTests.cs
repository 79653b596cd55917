using System;
using System.ServiceModel;
using System.ServiceModel.Channels;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Sdk;

/// <summary>How plug-ins fail and how the platform reports faults (reference §3.3, §4).</summary>
public class FaultTests
{
    [Fact]
    public void A_plug_in_failure_carries_its_message_and_status()
    {
        var failed = new InvalidPluginExecutionException("The scoring model is not active.");
        var canceled = new InvalidPluginExecutionException(OperationStatus.Canceled, "Stopped.");
        var wrapped = new InvalidPluginExecutionException("Could not score the lead.", new InvalidOperationException("inner"));

        Assert.Equal("The scoring model is not active.", failed.Message);
        Assert.Equal(OperationStatus.Failed, failed.Status);
        Assert.Equal(OperationStatus.Canceled, canceled.Status);
        Assert.IsType<InvalidOperationException>(wrapped.InnerException);
    }

    [Fact]
    public void A_plug_in_failure_can_carry_an_error_code()
    {
        var failure = new InvalidPluginExecutionException(OperationStatus.Failed, -2147220891, "Business rule failed.");

        Assert.Equal(-2147220891, failure.ErrorCode);
        Assert.Equal("Business rule failed.", failure.Message);
    }

    [Fact]
    public void The_platform_reports_an_organization_service_fault_in_a_FaultException()
    {
        var detail = new OrganizationServiceFault { ErrorCode = -2147088238, Message = "A record with matching key values already exists.", TraceText = "trace" };

        void Report() => throw new FaultException<OrganizationServiceFault>(detail, new FaultReason(detail.Message));

        var caught = Assert.Throws<FaultException<OrganizationServiceFault>>(Report);

        Assert.Equal(-2147088238, caught.Detail.ErrorCode);
        Assert.Equal("A record with matching key values already exists.", caught.Message);
    }

    [Fact]
    public void An_organization_service_fault_survives_the_trip_through_a_message_fault()
    {
        var detail = new OrganizationServiceFault { ErrorCode = -2147220969, Message = "Not found", InnerFault = new OrganizationServiceFault { ErrorCode = 1 } };
        MessageFault fault = new FaultException<OrganizationServiceFault>(detail, new FaultReason("Not found")).CreateMessageFault();

        OrganizationServiceFault copy = fault.GetDetail<OrganizationServiceFault>();

        Assert.Equal(-2147220969, copy.ErrorCode);
        Assert.Equal("Not found", copy.Message);
        Assert.Equal(1, copy.InnerFault.ErrorCode);
    }
}
