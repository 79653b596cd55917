using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Emulator
{
    // RetrieveMultiple with an aggregate FetchExpression, as the dashboard's charts query.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data
    public class AggregateFetchSpecs
    {
        private readonly EmulatedOrganization org = new();

        public AggregateFetchSpecs()
        {
            Add(1, new DateTime(2025, 3, 25, 8, 0, 0, DateTimeKind.Utc), "Redmond");
            Add(1, new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), "Redmond");
            Add(2, new DateTime(2026, 8, 27, 8, 0, 0, DateTimeKind.Utc), null);
            Add(null, new DateTime(2026, 8, 28, 8, 0, 0, DateTimeKind.Utc), "Dallas");
        }

        private void Add(int? stage, DateTime on, string? city) =>
            org.Seed(new Entity("lead") { ["ls_lifecyclestage"] = stage == null ? null : new OptionSetValue(stage.Value), ["ls_salesreadyon"] = on, ["address1_city"] = city });

        private List<Dictionary<string, object?>> Run(string attributes, string filter = "") =>
            org.Service.RetrieveMultiple(new FetchExpression($"<fetch aggregate='true'><entity name='lead'>{attributes}{filter}</entity></fetch>")).Entities
                .Select(e => e.Attributes.ToDictionary(a => a.Key, a => (object?)((AliasedValue)a.Value).Value, StringComparer.Ordinal)).ToList();

        [Fact]
        public void Count_groups_by_a_choice_and_empty_values_form_a_group_of_their_own()
        {
            var rows = Run("<attribute name='ls_lifecyclestage' groupby='true' alias='stage'/><attribute name='leadid' aggregate='count' alias='count'/>");

            Assert.Equal(new (int?, int)[] { (null, 1), (1, 2), (2, 1) }, rows.Select(r => (((OptionSetValue?)r.GetValueOrDefault("stage"))?.Value, (int)r["count"]!)).OrderBy(p => p.Item1 ?? 0));
        }

        [Fact]
        public void Countcolumn_skips_empty_values_and_count_does_not()
        {
            var row = Assert.Single(Run("<attribute name='address1_city' aggregate='countcolumn' alias='cities'/><attribute name='leadid' aggregate='count' alias='all'/>"));

            Assert.Equal((3, 4), ((int)row["cities"]!, (int)row["all"]!));
        }

        [Fact]
        public void A_month_date_grouping_returns_the_month_number_alone_and_merges_the_same_month_of_two_years()
        {
            var byMonth = Run("<attribute name='ls_salesreadyon' groupby='true' dategrouping='month' alias='month'/><attribute name='leadid' aggregate='count' alias='count'/>");
            var byYearAndMonth = Run("<attribute name='ls_salesreadyon' groupby='true' dategrouping='year' alias='year'/><attribute name='ls_salesreadyon' groupby='true' dategrouping='month' alias='month'/><attribute name='leadid' aggregate='count' alias='count'/>");

            Assert.Equal(new[] { (3, 2), (8, 2) }, byMonth.Select(r => ((int)r["month"]!, (int)r["count"]!)).Order());
            Assert.Equal(new[] { (2025, 3, 1), (2026, 3, 1), (2026, 8, 2) }, byYearAndMonth.Select(r => ((int)r["year"]!, (int)r["month"]!, (int)r["count"]!)).Order());
        }

        [Fact]
        public void A_filter_limits_the_rows_counted()
        {
            var rows = Run("<attribute name='address1_city' groupby='true' alias='city'/><attribute name='leadid' aggregate='count' alias='count'/>",
                "<filter type='and'><condition attribute='ls_lifecyclestage' operator='eq' value='1'/></filter>");

            Assert.Equal(("Redmond", 2), ((string)Assert.Single(rows)["city"]!, (int)rows[0]["count"]!));
        }

        [Fact]
        public void More_than_50000_rows_fail_with_AggregateQueryRecordLimit()
        {
            for (int i = 0; i < 50000; i++)
            {
                org.Seed(new Entity("contact") { ["lastname"] = "x" });
            }

            Assert.Single(org.Service.RetrieveMultiple(new FetchExpression("<fetch aggregate='true'><entity name='contact'><attribute name='contactid' aggregate='count' alias='count'/></entity></fetch>")).Entities);
            org.Seed(new Entity("contact") { ["lastname"] = "one too many" });
            Orgs.AssertFault(unchecked((int)0x8004E023), () => org.Service.RetrieveMultiple(new FetchExpression("<fetch aggregate='true'><entity name='contact'><attribute name='contactid' aggregate='count' alias='count'/></entity></fetch>")));
        }

        [Fact]
        public void A_fetch_that_is_not_an_aggregate_is_refused_as_unsupported()
        {
            Assert.Throws<NotSupportedException>(() => org.Service.RetrieveMultiple(new FetchExpression("<fetch><entity name='lead'><attribute name='lastname'/></entity></fetch>")));
        }
    }
}
