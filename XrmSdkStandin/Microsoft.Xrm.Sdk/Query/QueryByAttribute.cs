// Reference §6: a query of attribute = value pairs (AND-ed).
namespace Microsoft.Xrm.Sdk.Query;

public sealed class QueryByAttribute : QueryBase
{
    public QueryByAttribute()
    {
    }

    public QueryByAttribute(string entityName)
    {
        EntityName = entityName;
    }

    public string EntityName { get; set; }

    public DataCollection<string> Attributes { get; } = new DataCollection<string>();

    public DataCollection<object> Values { get; } = new DataCollection<object>();

    public PagingInfo PageInfo { get; set; } = new PagingInfo();

    public ColumnSet ColumnSet { get; set; } = new ColumnSet();

    public DataCollection<OrderExpression> Orders { get; } = new DataCollection<OrderExpression>();

    public int? TopCount { get; set; }

    public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));

    public void AddAttributeValue(string attributeName, object value)
    {
        Attributes.Add(attributeName);
        Values.Add(value);
    }
}
