// Reference §6 (QueryExpression) and §10.3: a named query starts with a Criteria, a PageInfo
// and an empty ColumnSet.
namespace Microsoft.Xrm.Sdk.Query;

public sealed class QueryExpression : QueryBase
{
    private DataCollection<OrderExpression> _orders;
    private DataCollection<LinkEntity> _linkEntities;

    public QueryExpression()
        : this(null)
    {
    }

    public QueryExpression(string entityName)
    {
        EntityName = entityName;
        Criteria = new FilterExpression();
        PageInfo = new PagingInfo();
        ColumnSet = new ColumnSet();
    }

    public string EntityName { get; set; }

    public ColumnSet ColumnSet { get; set; }

    public FilterExpression Criteria { get; set; }

    public DataCollection<OrderExpression> Orders => _orders ??= new DataCollection<OrderExpression>();

    public PagingInfo PageInfo { get; set; }

    public int? TopCount { get; set; }

    public bool NoLock { get; set; }

    public bool Distinct { get; set; }

    public DataCollection<LinkEntity> LinkEntities => _linkEntities ??= new DataCollection<LinkEntity>();

    public string QueryHints { get; set; }

    public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName) =>
        AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }
}
