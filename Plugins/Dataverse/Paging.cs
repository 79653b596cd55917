using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Dataverse
{
    /// <summary>Reads every page of a query with the paging cookie, as Microsoft documents for QueryExpression.</summary>
    public static class Paging
    {
        public const int PageSize = 5000;

        public static List<Entity> RetrieveAll(IOrganizationService service, QueryExpression query)
        {
            var rows = new List<Entity>();
            query.PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 };
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                rows.AddRange(page.Entities);
                if (!page.MoreRecords)
                {
                    return rows;
                }

                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
