using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Sdk;

/// <summary>Building queries (reference §6 and §10).</summary>
public class QueryTests
{
    [Fact]
    public void A_query_for_a_table_starts_with_an_and_filter_a_page_and_no_columns()
    {
        var query = new QueryExpression("lead");

        Assert.Equal("lead", query.EntityName);
        Assert.NotNull(query.Criteria);
        Assert.Equal(LogicalOperator.And, query.Criteria.FilterOperator);
        Assert.NotNull(query.PageInfo);
        Assert.NotNull(query.ColumnSet);
        Assert.False(query.ColumnSet.AllColumns);
        Assert.Empty(query.ColumnSet.Columns);
        Assert.Empty(query.Orders);
        Assert.Empty(query.LinkEntities);
    }

    [Fact]
    public void A_filter_is_an_and_unless_told_otherwise()
    {
        Assert.Equal(LogicalOperator.And, new FilterExpression().FilterOperator);
        Assert.Equal(LogicalOperator.Or, new FilterExpression(LogicalOperator.Or).FilterOperator);
    }

    [Fact]
    public void AddCondition_adds_a_condition_with_its_values()
    {
        var filter = new FilterExpression();
        filter.AddCondition("statecode", ConditionOperator.Equal, 0);
        filter.AddCondition("leadsourcecode", ConditionOperator.In, 1, 8);

        Assert.Equal(new object[] { 0 }, filter.Conditions[0].Values.ToArray());
        Assert.Equal(("leadsourcecode", ConditionOperator.In), (filter.Conditions[1].AttributeName, filter.Conditions[1].Operator));
        Assert.Equal(new object[] { 1, 8 }, filter.Conditions[1].Values.ToArray());
    }

    [Fact]
    public void AddFilter_creates_adds_and_returns_a_child_filter()
    {
        var filter = new FilterExpression();

        FilterExpression child = filter.AddFilter(LogicalOperator.Or);

        Assert.Same(child, Assert.Single(filter.Filters));
        Assert.Equal(LogicalOperator.Or, child.FilterOperator);
    }

    [Fact]
    public void A_condition_on_a_list_spreads_the_list_into_its_values()
    {
        var fromList = new ConditionExpression("leadsourcecode", ConditionOperator.In, new List<int> { 1, 7, 8 });
        var fromArray = new ConditionExpression("leadsourcecode", ConditionOperator.In, new[] { 1, 7, 8 });
        var fromParams = new ConditionExpression("leadsourcecode", ConditionOperator.In, 1, 7, 8);

        Assert.Equal(new object[] { 1, 7, 8 }, fromList.Values.ToArray());
        Assert.Equal(new object[] { 1, 7, 8 }, fromArray.Values.ToArray());
        Assert.Equal(new object[] { 1, 7, 8 }, fromParams.Values.ToArray());
    }

    [Fact]
    public void A_condition_on_one_value_holds_that_value()
    {
        var condition = new ConditionExpression("subject", ConditionOperator.BeginsWith, "Webinar");
        var onLinkedTable = new ConditionExpression("account", "industrycode", ConditionOperator.Equal, 7);
        var noValue = new ConditionExpression("emailaddress1", ConditionOperator.NotNull);

        Assert.Equal(new object[] { "Webinar" }, condition.Values.ToArray());
        Assert.Equal(("account", "industrycode"), (onLinkedTable.EntityName, onLinkedTable.AttributeName));
        Assert.Equal(new object[] { 7 }, onLinkedTable.Values.ToArray());
        Assert.Empty(noValue.Values);
    }

    [Fact]
    public void ColumnSet_true_means_all_columns_and_names_mean_those_columns()
    {
        Assert.True(new ColumnSet(true).AllColumns);
        var named = new ColumnSet("subject", "jobtitle");
        named.AddColumn("revenue");

        Assert.False(named.AllColumns);
        Assert.Equal(new[] { "subject", "jobtitle", "revenue" }, named.Columns.ToArray());
    }

    [Fact]
    public void Orders_and_links_are_added_to_the_query()
    {
        var query = new QueryExpression("email");
        query.AddOrder("senton", OrderType.Descending);

        LinkEntity link = query.AddLink("lead", "regardingobjectid", "leadid");

        OrderExpression order = Assert.Single(query.Orders);
        Assert.Equal(("senton", OrderType.Descending), (order.AttributeName, order.OrderType));
        Assert.Same(link, Assert.Single(query.LinkEntities));
        Assert.Equal(("email", "lead", "regardingobjectid", "leadid"), (link.LinkFromEntityName, link.LinkToEntityName, link.LinkFromAttributeName, link.LinkToAttributeName));
        Assert.Equal(JoinOperator.Inner, link.JoinOperator);
    }

    [Fact]
    public void Query_by_attribute_pairs_attributes_with_values()
    {
        var query = new QueryByAttribute("ls_scoringmodel");
        query.AddAttributeValue("statecode", 0);

        Assert.Equal(new[] { "statecode" }, query.Attributes.ToArray());
        Assert.Equal(new object[] { 0 }, query.Values.ToArray());
    }

    [Fact]
    public void A_fetch_expression_holds_its_FetchXML()
    {
        Assert.Equal("<fetch />", new FetchExpression("<fetch />").Query);
    }

    [Theory]
    [InlineData(ConditionOperator.Equal, 0)]
    [InlineData(ConditionOperator.NotEqual, 1)]
    [InlineData(ConditionOperator.GreaterThan, 2)]
    [InlineData(ConditionOperator.LessThan, 3)]
    [InlineData(ConditionOperator.GreaterEqual, 4)]
    [InlineData(ConditionOperator.LessEqual, 5)]
    [InlineData(ConditionOperator.Like, 6)]
    [InlineData(ConditionOperator.In, 8)]
    [InlineData(ConditionOperator.NotIn, 9)]
    [InlineData(ConditionOperator.Between, 10)]
    [InlineData(ConditionOperator.Null, 12)]
    [InlineData(ConditionOperator.NotNull, 13)]
    [InlineData(ConditionOperator.LastXDays, 33)]
    [InlineData(ConditionOperator.Contains, 49)]
    [InlineData(ConditionOperator.DoesNotContain, 50)]
    [InlineData(ConditionOperator.BeginsWith, 54)]
    [InlineData(ConditionOperator.EndsWith, 56)]
    [InlineData(ConditionOperator.OlderThanXDays, 84)]
    [InlineData(ConditionOperator.ContainValues, 87)]
    [InlineData(ConditionOperator.DoesNotContainValues, 88)]
    public void ConditionOperator_values(ConditionOperator conditionOperator, int value) => Assert.Equal(value, (int)conditionOperator);

    [Theory]
    [InlineData(JoinOperator.Inner, 0)]
    [InlineData(JoinOperator.LeftOuter, 1)]
    [InlineData(JoinOperator.Natural, 2)]
    [InlineData(JoinOperator.Exists, 5)]
    [InlineData(JoinOperator.NotAll, 9)]
    public void JoinOperator_values(JoinOperator joinOperator, int value) => Assert.Equal(value, (int)joinOperator);

    [Fact]
    public void LogicalOperator_and_OrderType_values()
    {
        Assert.Equal((0, 1), ((int)LogicalOperator.And, (int)LogicalOperator.Or));
        Assert.Equal((0, 1), ((int)OrderType.Ascending, (int)OrderType.Descending));
    }
}
