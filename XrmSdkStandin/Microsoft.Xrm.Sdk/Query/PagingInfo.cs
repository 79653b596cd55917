// Reference §6: which page of a RetrieveMultiple to return.
namespace Microsoft.Xrm.Sdk.Query;

public sealed class PagingInfo
{
    public int PageNumber { get; set; }

    public int Count { get; set; }

    public bool ReturnTotalRecordCount { get; set; }

    public string PagingCookie { get; set; }
}
