// Reference §3.3: a page of RetrieveMultiple results with its paging fields.
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public sealed class EntityCollection
{
    public EntityCollection()
    {
    }

    public EntityCollection(IList<Entity> list)
    {
        Entities.AddRange(list);
    }

    /// <summary>Never null (setter private, ML EntityCollection.Entities).</summary>
    public DataCollection<Entity> Entities { get; } = new DataCollection<Entity>();

    public bool MoreRecords { get; set; }

    public string PagingCookie { get; set; }

    public string MinActiveRowVersion { get; set; }

    public int TotalRecordCount { get; set; }

    public bool TotalRecordCountLimitExceeded { get; set; }

    public string EntityName { get; set; }

    public Entity this[int index]
    {
        get => Entities[index];
        set => Entities[index] = value;
    }
}
