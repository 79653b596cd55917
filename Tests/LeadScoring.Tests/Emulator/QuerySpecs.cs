using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Emulator
{
    // RetrieveMultiple with QueryExpression.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/org-service/build-queries-with-queryexpression
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.query.conditionoperator
    //        https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression
    //        https://learn.microsoft.com/power-apps/developer/data-platform/org-service/use-linkentity-query
    public class QuerySpecs
    {
        private readonly EmulatedOrganization org = new();

        public QuerySpecs()
        {
            Add("Alpha", 10, "Director of Sales", new DateTime(2025, 1, 10, 8, 0, 0, DateTimeKind.Utc), 1);
            Add("beta", 20, "CTO", new DateTime(2025, 1, 11, 8, 0, 0, DateTimeKind.Utc), 2);
            Add("Gamma", 30, null, new DateTime(2025, 1, 12, 8, 0, 0, DateTimeKind.Utc), 1);
            Add("Delta", null, "Sales Director", null, 3);
        }

        private void Add(string name, int? employees, string? title, DateTime? lastEngaged, int stage) =>
            org.Seed(new Entity("lead")
            {
                ["lastname"] = name,
                ["numberofemployees"] = employees,
                ["jobtitle"] = title,
                ["ls_lastengagementon"] = lastEngaged,
                ["ls_lifecyclestage"] = new OptionSetValue(stage),
            });

        private List<string> Names(Action<QueryExpression> shape)
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
            query.AddOrder("lastname", OrderType.Ascending);
            shape(query);
            return org.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname")).ToList();
        }

        private List<string> Where(string column, ConditionOperator op, params object[] values) =>
            Names(q => q.Criteria.AddCondition(column, op, values));

        [Fact]
        public void Comparison_operators_follow_SQL_where_an_empty_column_never_matches()
        {
            Assert.Equal(new[] { "beta" }, Where("numberofemployees", ConditionOperator.Equal, 20));
            Assert.Equal(new[] { "Alpha", "Gamma" }, Where("numberofemployees", ConditionOperator.NotEqual, 20));
            Assert.Equal(new[] { "beta", "Gamma" }, Where("numberofemployees", ConditionOperator.GreaterThan, 10));
            Assert.Equal(new[] { "beta", "Gamma" }, Where("numberofemployees", ConditionOperator.GreaterEqual, 20));
            Assert.Equal(new[] { "Alpha" }, Where("numberofemployees", ConditionOperator.LessThan, 20));
            Assert.Equal(new[] { "Alpha", "beta" }, Where("numberofemployees", ConditionOperator.LessEqual, 20));
            Assert.Equal(new[] { "Alpha", "beta" }, Where("numberofemployees", ConditionOperator.Between, 10, 20));
            Assert.Equal(new[] { "Alpha", "Gamma" }, Where("numberofemployees", ConditionOperator.In, 10, 30));
            Assert.Equal(new[] { "beta" }, Where("numberofemployees", ConditionOperator.NotIn, 10, 30));
            Assert.Equal(new[] { "Delta" }, Where("numberofemployees", ConditionOperator.Null));
            Assert.Equal(new[] { "Alpha", "beta", "Gamma" }, Where("numberofemployees", ConditionOperator.NotNull));
        }

        [Fact]
        public void In_accepts_a_list_of_values_as_the_SDK_spreads_it()
        {
            var wanted = new List<object> { 10, 30 };
            Assert.Equal(new[] { "Alpha", "Gamma" }, Names(q => q.Criteria.Conditions.Add(new ConditionExpression("numberofemployees", ConditionOperator.In, wanted))));
        }

        [Fact]
        public void Text_operators_ignore_case_like_the_database_collation()
        {
            Assert.Equal(new[] { "beta" }, Where("lastname", ConditionOperator.Equal, "BETA"));
            Assert.Equal(new[] { "Alpha", "Delta" }, Where("jobtitle", ConditionOperator.Like, "%director%"));
            Assert.Equal(new[] { "Alpha" }, Where("jobtitle", ConditionOperator.BeginsWith, "director"));
            Assert.Equal(new[] { "Delta" }, Where("jobtitle", ConditionOperator.EndsWith, "DIRECTOR"));
            Assert.Equal(new[] { "Alpha", "Delta" }, Where("jobtitle", ConditionOperator.Contains, "Director"));
            Assert.Equal(new[] { "beta" }, Where("jobtitle", ConditionOperator.DoesNotContain, "Director"));
        }

        [Fact]
        public void Date_operators_compare_UTC_dates_and_times()
        {
            var day = new DateTime(2025, 1, 11, 0, 0, 0, DateTimeKind.Utc);
            Assert.Equal(new[] { "Alpha", "beta" }, Where("ls_lastengagementon", ConditionOperator.OnOrBefore, day));
            Assert.Equal(new[] { "beta", "Gamma" }, Where("ls_lastengagementon", ConditionOperator.OnOrAfter, day));
            Assert.Equal(new[] { "Gamma" }, Where("ls_lastengagementon", ConditionOperator.GreaterThan, day.AddDays(1)));
            org.Clock.Set(new DateTime(2025, 1, 20, 12, 0, 0, DateTimeKind.Utc));
            Assert.Equal(new[] { "Alpha", "beta" }, Where("ls_lastengagementon", ConditionOperator.OlderThanXDays, 9));
            Assert.Equal(new[] { "Gamma" }, Where("ls_lastengagementon", ConditionOperator.LastXDays, 8));
        }

        [Fact]
        public void Choice_and_lookup_columns_compare_with_numbers_and_ids()
        {
            Assert.Equal(new[] { "Alpha", "Gamma" }, Where("ls_lifecyclestage", ConditionOperator.Equal, 1));
            var owner = org.AddUser("Owner Two");
            var id = org.Service.Create(new Entity("lead") { ["lastname"] = "Owned", ["ownerid"] = new EntityReference("systemuser", owner) });
            Assert.Equal(new[] { "Owned" }, Where("ownerid", ConditionOperator.Equal, owner));
            Assert.Equal(new[] { "Owned" }, Where("leadid", ConditionOperator.Equal, id));
        }

        [Fact]
        public void Nested_filters_combine_and_and_or()
        {
            var names = Names(q =>
            {
                q.Criteria.AddCondition("ls_lifecyclestage", ConditionOperator.In, 1, 3);
                var either = q.Criteria.AddFilter(LogicalOperator.Or);
                either.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 20);
                either.AddCondition("jobtitle", ConditionOperator.Like, "Sales%");
            });
            Assert.Equal(new[] { "Delta", "Gamma" }, names);
        }

        [Fact]
        public void Orders_sort_ascending_or_descending_with_empty_values_first_and_TopCount_limits_the_rows()
        {
            Assert.Equal(new[] { "Delta", "Alpha", "beta", "Gamma" }, Names(q => { q.Orders.Clear(); q.AddOrder("numberofemployees", OrderType.Ascending); }));
            Assert.Equal(new[] { "Gamma", "beta", "Alpha", "Delta" }, Names(q => { q.Orders.Clear(); q.AddOrder("numberofemployees", OrderType.Descending); }));
            Assert.Equal(new[] { "Alpha", "beta" }, Names(q => q.TopCount = 2));
        }

        [Fact]
        public void ColumnSet_chooses_the_columns_returned()
        {
            var row = org.Service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("jobtitle"), TopCount = 1 }).Entities[0];
            Assert.Equal(new[] { "jobtitle", "leadid" }, row.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public void Paging_returns_pages_with_MoreRecords_and_a_cookie_until_the_last_page()
        {
            for (var i = 0; i < 21; i++)
            {
                org.Seed(new Entity("contact") { ["lastname"] = $"Contact {i:00}" });
            }
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 5, PageNumber = 1, ReturnTotalRecordCount = true } };
            query.AddOrder("lastname", OrderType.Ascending);
            var seen = new List<string>();
            var pages = 0;
            while (true)
            {
                var page = org.Service.RetrieveMultiple(query);
                pages++;
                seen.AddRange(page.Entities.Select(e => e.GetAttributeValue<string>("lastname")));
                Assert.Equal(21, page.TotalRecordCount);
                if (!page.MoreRecords)
                {
                    break;
                }
                Assert.False(string.IsNullOrEmpty(page.PagingCookie));
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
            Assert.Equal(5, pages);
            Assert.Equal(Enumerable.Range(0, 21).Select(i => $"Contact {i:00}"), seen);
        }

        [Fact]
        public void The_paging_cookie_resumes_after_the_previous_page_so_rows_changed_between_pages_are_not_skipped()
        {
            for (var i = 0; i < 6; i++)
            {
                org.Seed(new Entity("contact") { ["lastname"] = $"C{i}", ["description"] = "due" });
            }
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
            query.Criteria.AddCondition("description", ConditionOperator.Equal, "due");
            query.AddOrder("lastname", OrderType.Ascending);
            var processed = new List<string>();
            EntityCollection page;
            do
            {
                page = org.Service.RetrieveMultiple(query);
                foreach (var contact in page.Entities)
                {
                    processed.Add(contact.GetAttributeValue<string>("lastname"));
                    org.Service.Update(new Entity("contact", contact.Id) { ["description"] = "done" }); // no longer matches
                }
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
            while (page.MoreRecords);

            Assert.Equal(new[] { "C0", "C1", "C2", "C3", "C4", "C5" }, processed);
        }

        [Fact]
        public void Without_PageInfo_a_query_returns_at_most_5000_rows_and_says_there_are_more()
        {
            for (var i = 0; i < 5001; i++)
            {
                org.Seed(new Entity("ls_interaction"));
            }
            var page = org.Service.RetrieveMultiple(new QueryExpression("ls_interaction"));
            Assert.Equal(5000, page.Entities.Count);
            Assert.True(page.MoreRecords);
        }

        [Fact]
        public void A_users_security_roles_can_be_queried_through_systemuserroles_with_LinkEntity()
        {
            var approver = org.AddUser("Ann Approver", "Scoring Marketing Approver", "Salesperson");
            org.AddUser("Other User", "Lead Scoring Admin");

            var query = new QueryExpression("role") { ColumnSet = new ColumnSet("name") };
            var link = query.AddLink("systemuserroles", "roleid", "roleid");
            link.LinkCriteria.AddCondition("systemuserid", ConditionOperator.Equal, approver);
            query.AddOrder("name", OrderType.Ascending);

            var roles = org.Service.RetrieveMultiple(query).Entities.Select(r => r.GetAttributeValue<string>("name"));
            Assert.Equal(new[] { "Salesperson", "Scoring Marketing Approver" }, roles);
        }

        [Fact]
        public void Linked_columns_come_back_as_aliased_values_and_outer_joins_keep_unmatched_rows()
        {
            var user = org.AddUser("Ann Approver", "Scoring Sales Approver");
            var query = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("fullname") };
            query.Criteria.AddCondition("fullname", ConditionOperator.In, "Ann Approver", "SYSTEM");
            var roles = query.AddLink("systemuserroles", "systemuserid", "systemuserid", JoinOperator.LeftOuter);
            var role = roles.AddLink("role", "roleid", "roleid", JoinOperator.LeftOuter);
            role.EntityAlias = "r";
            role.Columns = new ColumnSet("name");
            query.AddOrder("fullname", OrderType.Ascending);

            var rows = org.Service.RetrieveMultiple(query).Entities;

            Assert.Equal(2, rows.Count);
            Assert.Equal(user, rows[0].Id);
            Assert.Equal("Scoring Sales Approver", rows[0].GetAttributeValue<AliasedValue>("r.name").Value);
            Assert.False(rows[1].Contains("r.name"));
        }

        [Fact]
        public void QueryByAttribute_is_evaluated_like_the_equivalent_QueryExpression()
        {
            var query = new QueryByAttribute("lead") { ColumnSet = new ColumnSet("lastname") };
            query.AddAttributeValue("ls_lifecyclestage", 1);
            query.AddOrder("lastname", OrderType.Descending);
            Assert.Equal(new[] { "Gamma", "Alpha" }, org.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname")));
        }
    }
}
