// Reference §2.4: null means the SYSTEM user, Guid.Empty the calling user.
using System;

namespace Microsoft.Xrm.Sdk;

public interface IOrganizationServiceFactory
{
    IOrganizationService CreateOrganizationService(Guid? userId);
}
