// Reference §6: the base of QueryExpression, QueryByAttribute and FetchExpression.
namespace Microsoft.Xrm.Sdk.Query;

public abstract class QueryBase
{
}
