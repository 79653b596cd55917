using System;
using System.Collections.Generic;
using System.Diagnostics;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit.Abstractions;

namespace LeadScoring.Tests.Emulator
{
    // The workbench replays whole histories: the emulator must hold 100,000 rows and page through
    // them all. No timing assertions; the memory figures go to the test output.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression
    public class VolumeSpecs
    {
        private readonly ITestOutputHelper output;

        public VolumeSpecs(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void One_hundred_thousand_leads_can_be_loaded_and_paged_through_completely()
        {
            const int Leads = 100_000;
            var org = new EmulatedOrganization();
            var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 0; i < Leads; i++)
            {
                org.Seed(new Entity("lead")
                {
                    ["lastname"] = $"Lead {i:000000}",
                    ["companyname"] = $"Company {i % 977}",
                    ["jobtitle"] = i % 3 == 0 ? "Director" : "Analyst",
                    ["numberofemployees"] = i % 5000,
                    ["ls_score"] = i % 100,
                    ["ls_lifecyclestage"] = new OptionSetValue(100000000 + (i % 6)),
                    ["ls_lastengagementon"] = Clock.DefaultStart.AddMinutes(-i),
                });
            }
            var managedLoaded = GC.GetTotalMemory(forceFullCollection: true);
            var paging = Stopwatch.StartNew();

            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname", "ls_score"), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
            query.AddOrder("lastname", OrderType.Ascending);
            var seen = new HashSet<Guid>();
            var pages = 0;
            EntityCollection page;
            do
            {
                page = org.Service.RetrieveMultiple(query);
                pages++;
                foreach (var lead in page.Entities)
                {
                    Assert.True(seen.Add(lead.Id));
                }
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
            while (page.MoreRecords);

            Assert.Equal(Leads, seen.Count);
            Assert.Equal(20, pages);
            using var process = Process.GetCurrentProcess();
            output.WriteLine($"managed heap: {managedBefore / 1048576.0:F1} MB before, {managedLoaded / 1048576.0:F1} MB with {Leads:N0} leads; " +
                $"process peak working set {process.PeakWorkingSet64 / 1048576.0:F1} MB; {pages} pages read in {paging.ElapsedMilliseconds} ms");
        }
    }
}
