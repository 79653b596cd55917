// Reference §3.2: the DataCollection<T> subclasses.
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class EntityReferenceCollection : DataCollection<EntityReference>
{
    public EntityReferenceCollection()
    {
    }

    public EntityReferenceCollection(IList<EntityReference> list)
    {
        AddRange(list);
    }
}

public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
{
    public OptionSetValueCollection()
    {
    }

    public OptionSetValueCollection(IList<OptionSetValue> list)
    {
        AddRange(list);
    }
}

public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
{
}

public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
{
}

public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
{
}
