// Reference §6 (FilterExpression and its AddCondition/AddFilter overloads) and §10.3 (And by default).
namespace Microsoft.Xrm.Sdk.Query;

public sealed class FilterExpression
{
    public FilterExpression()
        : this(LogicalOperator.And)
    {
    }

    public FilterExpression(LogicalOperator filterOperator)
    {
        FilterOperator = filterOperator;
    }

    public LogicalOperator FilterOperator { get; set; }

    public DataCollection<ConditionExpression> Conditions { get; } = new DataCollection<ConditionExpression>();

    public DataCollection<FilterExpression> Filters { get; } = new DataCollection<FilterExpression>();

    public bool IsQuickFindFilter { get; set; }

    public string FilterHint { get; set; }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values) =>
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values) =>
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values) =>
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values) =>
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value) =>
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, new[] { value }));

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value) =>
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, new[] { value }));

    public void AddCondition(ConditionExpression condition) => Conditions.Add(condition);

    /// <summary>Creates a child filter, adds it and returns it.</summary>
    public FilterExpression AddFilter(LogicalOperator logicalOperator)
    {
        var child = new FilterExpression(logicalOperator);
        Filters.Add(child);
        return child;
    }

    public void AddFilter(FilterExpression childFilter) => Filters.Add(childFilter);
}
