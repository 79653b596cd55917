using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Dataverse
{
    /// <summary>Whether a user holds a security role, by the role's name (through the systemuserroles intersect table).</summary>
    public static class RoleMembership
    {
        public static bool Has(IOrganizationService service, Guid userId, string roleName)
        {
            var query = new QueryExpression("role") { ColumnSet = new ColumnSet("name"), TopCount = 1 };
            query.Criteria.AddCondition("name", ConditionOperator.Equal, roleName);
            var membership = query.AddLink("systemuserroles", "roleid", "roleid");
            membership.LinkCriteria.AddCondition("systemuserid", ConditionOperator.Equal, userId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
