using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Simulation
{
    /// <summary>
    /// The columns of the org a replay runs in: the product's catalogue plus the custom columns the
    /// events file writes. Checked strictly, as the org's metadata would be: a rule on a custom
    /// column no event writes could never fire there.
    /// </summary>
    internal sealed class ReplayColumns : IColumnSource
    {
        private readonly ILookup<string, TableColumn> _custom;

        public ReplayColumns(History history) => _custom = history.CustomColumns().ToLookup(c => c.Table, c => c.Column);

        public bool IsCatalogue => false;

        public IReadOnlyCollection<TableColumn>? Columns(string table) =>
            ColumnCatalogue.Instance.Columns(table) is { } known ? known.Concat(_custom[table]).ToList() : null;
    }
}
