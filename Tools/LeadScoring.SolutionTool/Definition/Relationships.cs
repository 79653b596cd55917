using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>A one-to-many relationship: Referenced (the "one", by schema name) to Referencing via its lookup.</summary>
    /// <remarks>CascadeOwnership is the Assign, Share, Unshare and Reparent behaviour alike: https://learn.microsoft.com/power-apps/developer/data-platform/configure-entity-relationship-cascading-behavior</remarks>
    public sealed record Relationship(string Name, string Referenced, string Referencing, string Lookup, string CascadeDelete, string Description, bool Custom, string CascadeOwnership = "NoCascade");

    /// <summary>The relationships the tables' lookups carry: the solution's own, and the system ones every new table has.</summary>
    public static class Relationships
    {
        private static readonly Dictionary<string, string> SchemaNames = new()
        {
            ["lead"] = "Lead",
            ["systemuser"] = "SystemUser",
            ["organization"] = "Organization",
            ["businessunit"] = "BusinessUnit",
            ["team"] = "Team",
            ["owner"] = "Owner",
        };

        // The system relationships of a user-owned table's ownership columns, named as solution exports name them.
        private static readonly Dictionary<string, (string Prefix, string Physical)> Ownership = new()
        {
            ["ownerid"] = ("owner_", "OwnerId"),
            ["owningbusinessunit"] = ("business_unit_", "OwningBusinessUnit"),
            ["owningteam"] = ("team_", "OwningTeam"),
            ["owninguser"] = ("user_", "OwningUser"),
        };

        private static string SchemaName(string table) => SchemaNames.TryGetValue(table, out var name) ? name : table;

        public static IEnumerable<Relationship> All()
        {
            foreach (var table in Tables.All)
            {
                foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Lookup && !c.IsSystem))
                {
                    yield return new Relationship(column.Relationship!, SchemaName(column.Target!), table.SchemaName, column.Name, column.CascadeDelete, column.Description, Custom: true, column.CascadeOwnership);
                }

                if (!table.IsNew)
                {
                    continue;
                }

                string Physical(string name) => name switch
                {
                    "createdby" => "CreatedBy",
                    "createdonbehalfby" => "CreatedOnBehalfBy",
                    "modifiedby" => "ModifiedBy",
                    "modifiedonbehalfby" => "ModifiedOnBehalfBy",
                    _ => "OrganizationId",
                };
                foreach (var column in table.Columns.Where(c => c.Kind is ColumnKind.Lookup or ColumnKind.Owner && c.IsSystem))
                {
                    if (Ownership.TryGetValue(column.Name, out var owning))
                    {
                        yield return new Relationship(owning.Prefix + table.Name, SchemaName(column.Target!), table.SchemaName, owning.Physical, "NoCascade", column.Description, Custom: false);
                        continue;
                    }

                    string name = column.Name == "organizationid" ? "organization_" + table.Name : "lk_" + table.Name + "_" + column.Name;
                    yield return new Relationship(name, SchemaName(column.Target!), table.SchemaName, Physical(column.Name), "NoCascade", column.Description, Custom: false);
                }
            }
        }
    }
}
