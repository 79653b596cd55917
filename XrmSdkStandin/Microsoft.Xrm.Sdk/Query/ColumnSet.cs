// Reference §6 and §10.7: keep both ColumnSet(bool) and ColumnSet(params string[]) so that
// new ColumnSet(true) binds to the bool overload.
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk.Query;

public sealed class ColumnSet
{
    public ColumnSet()
    {
    }

    public ColumnSet(bool allColumns)
    {
        AllColumns = allColumns;
    }

    public ColumnSet(params string[] columns)
    {
        Columns.AddRange(columns);
    }

    public bool AllColumns { get; set; }

    public DataCollection<string> Columns { get; set; } = new DataCollection<string>();

    public void AddColumns(params string[] columns) => Columns.AddRange((IEnumerable<string>)columns);

    public void AddColumn(string column) => Columns.Add(column);
}
