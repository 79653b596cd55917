using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Tests.Emulator
{
    // The emulator answers two query shapes through indexes, so that replays over a million rows stay
    // linear: an AND-ed equality on a lookup (a lead's ledger) and "primary key greater than X, ordered
    // by it, top N" (the decay job's pages). The answers must be exactly those of a full scan.
    public class IndexSpecs
    {
        private readonly EmulatedOrganization org = new();

        [Fact]
        public void Equality_on_a_lookup_follows_creates_updates_and_deletes()
        {
            var a = org.Service.Create(new Entity("lead") { ["lastname"] = "A" });
            var b = org.Service.Create(new Entity("lead") { ["lastname"] = "B" });
            var first = org.Service.Create(new Entity("ls_scoreevent") { ["ls_leadid"] = new EntityReference("lead", a), ["ls_points"] = 1 });
            org.Service.Create(new Entity("ls_scoreevent") { ["ls_leadid"] = new EntityReference("lead", a), ["ls_points"] = 2 });
            Assert.Equal(new[] { 1, 2 }, Points(a));

            org.Service.Update(new Entity("ls_scoreevent", first) { ["ls_leadid"] = new EntityReference("lead", b) });
            var third = org.Service.Create(new Entity("ls_scoreevent") { ["ls_leadid"] = new EntityReference("lead", b), ["ls_points"] = 3 });
            Assert.Equal(new[] { 2 }, Points(a));
            Assert.Equal(new[] { 1, 3 }, Points(b));

            org.Service.Delete("ls_scoreevent", third);
            Assert.Equal(new[] { 1 }, Points(b));
            Assert.Empty(Points(Guid.NewGuid()));
        }

        [Fact]
        public void Equality_on_a_column_that_also_holds_text_still_finds_the_text_rows()
        {
            var id = Guid.NewGuid();
            org.Service.Create(new Entity("ls_scoreevent") { ["ls_leadid"] = new EntityReference("lead", id), ["ls_points"] = 1 });
            org.Service.Create(new Entity("ls_scoreevent") { ["ls_leadid"] = id.ToString("D").ToUpperInvariant(), ["ls_points"] = 2 });

            Assert.Equal(new[] { 1, 2 }, Points(id));
        }

        [Fact]
        public void Pages_in_primary_key_order_match_a_sorted_scan_and_see_rows_added_between_pages()
        {
            var ids = Enumerable.Range(0, 50).Select(i => org.Seed(new Entity("lead") { ["lastname"] = "L" + i, ["statecode"] = i % 3 == 0 ? 1 : 0 })).ToList();
            var open = ids.Where((_, i) => i % 3 != 0).OrderBy(id => id).ToList();

            var seen = new List<Guid>();
            Guid? after = null;
            List<Guid> page;
            do
            {
                var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), TopCount = 7 };
                query.AddOrder("leadid", OrderType.Ascending);
                query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
                if (after.HasValue)
                {
                    query.Criteria.AddCondition("leadid", ConditionOperator.GreaterThan, after.Value);
                }

                page = org.Service.RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();
                Assert.All(page, id => Assert.NotNull(org.Service.Retrieve("lead", id, new ColumnSet("lastname")).GetAttributeValue<string>("lastname")));
                seen.AddRange(page);
                after = page.Count > 0 ? page[^1] : after;
                if (seen.Count == 7)
                {
                    var late = org.Service.Create(new Entity("lead") { ["lastname"] = "Late" }); // sequential ids: after every seeded one
                    open.Add(late);
                }
            }
            while (page.Count == 7);

            Assert.Equal(open, seen);
        }

        private List<int> Points(Guid lead)
        {
            var query = new QueryExpression("ls_scoreevent") { ColumnSet = new ColumnSet("ls_points") };
            query.Criteria.AddCondition("ls_leadid", ConditionOperator.Equal, lead);
            query.AddOrder("ls_points", OrderType.Ascending);
            return org.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<int>("ls_points")).ToList();
        }
    }
}
