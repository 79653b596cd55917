// Reference §6: a FetchXML query.
namespace Microsoft.Xrm.Sdk.Query;

public sealed class FetchExpression : QueryBase
{
    public FetchExpression()
    {
    }

    public FetchExpression(string query)
    {
        Query = query;
    }

    public string Query { get; set; }
}
