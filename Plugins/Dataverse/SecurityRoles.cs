using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// Whether a user holds a security role, by the role's name: assigned to the user (systemuserroles),
    /// or to an owner team the user is a member of (teamroles, teammembership), whose roles its members
    /// inherit (https://learn.microsoft.com/power-platform/admin/manage-teams).
    /// </summary>
    public static class RoleMembership
    {
        public static bool Has(IOrganizationService service, Guid userId, string roleName)
        {
            var own = RoleNamed(roleName);
            own.AddLink("systemuserroles", "roleid", "roleid").LinkCriteria.AddCondition("systemuserid", ConditionOperator.Equal, userId);
            if (service.RetrieveMultiple(own).Entities.Count > 0)
            {
                return true;
            }

            var throughTeam = RoleNamed(roleName);
            var members = throughTeam.AddLink("teamroles", "roleid", "roleid").AddLink("teammembership", "teamid", "teamid");
            members.LinkCriteria.AddCondition("systemuserid", ConditionOperator.Equal, userId);
            return service.RetrieveMultiple(throughTeam).Entities.Count > 0;
        }

        private static QueryExpression RoleNamed(string roleName)
        {
            var query = new QueryExpression("role") { ColumnSet = new ColumnSet("name"), TopCount = 1 };
            query.Criteria.AddCondition("name", ConditionOperator.Equal, roleName);
            return query;
        }
    }
}
