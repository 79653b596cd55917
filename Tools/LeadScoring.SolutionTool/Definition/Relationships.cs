using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>A one-to-many relationship: Referenced (the "one", by schema name) to Referencing via its lookup.</summary>
    public sealed record Relationship(string Name, string Referenced, string Referencing, string Lookup, string CascadeDelete, string Description, bool Custom);

    /// <summary>The relationships the tables' lookups carry: the solution's own, and the system ones every new table has.</summary>
    public static class Relationships
    {
        private static readonly Dictionary<string, string> SchemaNames = new()
        {
            ["lead"] = "Lead",
            ["systemuser"] = "SystemUser",
            ["organization"] = "Organization",
        };

        private static string SchemaName(string table) => SchemaNames.TryGetValue(table, out var name) ? name : table;

        public static IEnumerable<Relationship> All()
        {
            foreach (var table in Tables.All)
            {
                foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Lookup && !c.IsSystem))
                {
                    yield return new Relationship(column.Relationship!, SchemaName(column.Target!), table.SchemaName, column.Name, column.CascadeDelete, column.Description, Custom: true);
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
                foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Lookup && c.IsSystem))
                {
                    string name = column.Name == "organizationid" ? "organization_" + table.Name : "lk_" + table.Name + "_" + column.Name;
                    yield return new Relationship(name, SchemaName(column.Target!), table.SchemaName, Physical(column.Name), "NoCascade", column.Description, Custom: false);
                }
            }
        }
    }
}
