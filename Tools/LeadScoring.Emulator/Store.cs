using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Emulator
{
    // Why: the rows of the organization, kept so that a failed operation can be undone exactly.
    // Rows are never changed in place: every write stores a new copy and remembers the old one in
    // the open transaction's undo log, so a rollback just puts the old copies back. Alternate keys
    // are unique indexes, checked on every write, like the platform's key indexes.

    /// <summary>One database transaction: the undo log, and the async jobs it queues when it commits.</summary>
    internal sealed class Transaction
    {
        internal readonly List<(string Table, Guid Id, Entity? Previous)> Undo = new();
        internal readonly List<SystemJob> JobsToQueue = new();

        /// <summary>Set when a data operation failed inside this transaction: the platform ends the whole transaction then.</summary>
        internal bool Doomed { get; set; }
    }

    internal sealed class AlternateKey
    {
        public AlternateKey(string table, string name, string[] columns, EntityKeyIndexStatus status)
        {
            Table = table;
            Name = name;
            Columns = columns;
            Status = status;
        }

        public string Table { get; }
        public string Name { get; }
        public string[] Columns { get; }

        /// <summary>Only an Active key has an index: before that, nothing stops two rows with the same values.</summary>
        public EntityKeyIndexStatus Status { get; set; }

        public bool IsActive => Status == EntityKeyIndexStatus.Active;

        public Dictionary<string, Guid> Index { get; } = new(StringComparer.Ordinal);

        /// <summary>The index entry of a row, or null when a key column is empty (such rows are not indexed).</summary>
        public string? EntryOf(Entity row)
        {
            var parts = new string[Columns.Length];
            for (var i = 0; i < Columns.Length; i++)
            {
                if (!row.Attributes.TryGetValue(Columns[i], out var value) || value == null)
                {
                    return null;
                }
                parts[i] = Values.KeyText(value);
            }
            return string.Join("\u001f", parts);
        }
    }

    /// <summary>
    /// The rows of one table by the value of one lookup (or uniqueidentifier) column: what SQL's
    /// index on a foreign key gives the platform. Rows whose value is not an id (a string, say) make
    /// the index unusable, so a query never misses a row that its equality condition would match.
    /// </summary>
    internal sealed class LookupIndex
    {
        public LookupIndex(string column) => Column = column;

        public string Column { get; }
        public Dictionary<Guid, HashSet<Guid>> RowsByValue { get; } = new();

        /// <summary>Rows whose value in the column is set but is not an id.</summary>
        public int NotIds { get; set; }

        public void Add(Entity row) => Change(row, +1);

        public void Remove(Entity row) => Change(row, -1);

        private void Change(Entity row, int sign)
        {
            if (!row.Attributes.TryGetValue(Column, out var value) || value == null)
            {
                return;
            }
            if (Values.Normalize(value) is not Guid id)
            {
                NotIds += sign;
                return;
            }
            if (sign > 0)
            {
                if (!RowsByValue.TryGetValue(id, out var rows))
                {
                    rows = new HashSet<Guid>();
                    RowsByValue.Add(id, rows);
                }
                rows.Add(row.Id);
            }
            else if (RowsByValue.TryGetValue(id, out var rows) && rows.Remove(row.Id) && rows.Count == 0)
            {
                RowsByValue.Remove(id);
            }
        }
    }

    internal sealed class Store
    {
        // Activities share the activityid key; intersect tables have their own names.
        internal static readonly HashSet<string> ActivityTables = new(StringComparer.Ordinal)
        {
            "activitypointer", "appointment", "email", "fax", "letter", "phonecall", "task",
            "recurringappointmentmaster", "serviceappointment", "campaignactivity", "campaignresponse", "socialactivity",
        };

        private readonly Dictionary<string, Dictionary<Guid, Entity>> tables = new(StringComparer.Ordinal);
        private readonly List<AlternateKey> keys = new();

        // Indexes the query evaluator asks for, built on first use and kept current by every write:
        // rows by a lookup column's value, and a table's ids in order (the clustered primary key).
        private readonly Dictionary<string, List<LookupIndex>> lookupIndexes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<Guid>> idsInOrder = new(StringComparer.Ordinal);
        private long lastVersion;
        private long lastId;

        public static string PrimaryIdAttribute(string table) =>
            ActivityTables.Contains(table) ? "activityid" : table == "systemuserroles" ? "systemuserroleid" : table + "id";

        /// <summary>Sequential, repeatable ids: run the same history twice and get the same ids.</summary>
        public Guid NewId()
        {
            var n = ++lastId;
            return new Guid(0x0e3a1a70, 0, 0x4000, 0x80, 0,
                (byte)(n >> 40), (byte)(n >> 32), (byte)(n >> 24), (byte)(n >> 16), (byte)(n >> 8), (byte)n);
        }

        /// <summary>Row versions grow across the whole organization, like SQL Server's rowversion.</summary>
        public long NextVersion() => ++lastVersion;

        /// <summary>The stored row itself (never hand it out: copy it).</summary>
        public Entity? Find(string table, Guid id) =>
            tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var row) ? row : null;

        public IEnumerable<Entity> Scan(string table) =>
            tables.TryGetValue(table, out var rows) ? rows.Values : Enumerable.Empty<Entity>();

        /// <summary>
        /// The rows whose column equals the id, through an index on the column (built on first use);
        /// null when the column holds values that are not ids (then only a scan is exact).
        /// </summary>
        public IEnumerable<Entity>? RowsWhereEquals(string table, string column, Guid id)
        {
            if (!lookupIndexes.TryGetValue(table, out var indexes))
            {
                indexes = new List<LookupIndex>();
                lookupIndexes.Add(table, indexes);
            }
            var index = indexes.FirstOrDefault(i => string.Equals(i.Column, column, StringComparison.Ordinal));
            if (index == null)
            {
                index = new LookupIndex(column);
                foreach (var row in Scan(table))
                {
                    index.Add(row);
                }
                indexes.Add(index);
            }
            if (index.NotIds > 0)
            {
                return null;
            }
            if (!index.RowsByValue.TryGetValue(id, out var ids))
            {
                return Enumerable.Empty<Entity>();
            }
            var rows = tables[table];
            return ids.Select(rowId => rows[rowId]).ToList();
        }

        /// <summary>The table's rows in primary-key order (as Guid.CompareTo orders them), from the first id above <paramref name="after"/> (or at it, when inclusive).</summary>
        public IEnumerable<Entity> ScanInIdOrder(string table, Guid? after, bool inclusive)
        {
            if (!tables.TryGetValue(table, out var rows))
            {
                yield break;
            }
            if (!idsInOrder.TryGetValue(table, out var ids))
            {
                ids = new SortedSet<Guid>(rows.Keys);
                idsInOrder.Add(table, ids);
            }
            if (ids.Count == 0 || (after.HasValue && ids.Max.CompareTo(after.Value) < 0))
            {
                yield break;
            }
            var view = after.HasValue ? ids.GetViewBetween(after.Value, ids.Max) : ids;
            foreach (var id in view)
            {
                if (after.HasValue && !inclusive && id == after.Value)
                {
                    continue;
                }
                yield return rows[id];
            }
        }

        public int Count(string table) => tables.TryGetValue(table, out var rows) ? rows.Count : 0;

        public IReadOnlyList<AlternateKey> Keys => keys;

        public IEnumerable<AlternateKey> KeysOf(string table) => keys.Where(k => k.Table == table);

        /// <summary>The keys whose index is built (Active): only they refuse duplicates and answer queries.</summary>
        public IEnumerable<AlternateKey> ActiveKeysOf(string table) => keys.Where(k => k.Table == table && k.IsActive);

        public AlternateKey? Key(string table, string name) => keys.FirstOrDefault(k => k.Table == table && k.Name == name);

        /// <summary>Declares a key; an Active one gets its index now (and fails on duplicates), a Pending one waits for <see cref="BuildIndex"/>.</summary>
        public void DefineKey(string table, string name, string[] columns, EntityKeyIndexStatus status)
        {
            if (Key(table, name) != null)
            {
                throw new InvalidOperationException($"Alternate key {name} is already defined on {table}.");
            }
            var key = new AlternateKey(table, name, columns, status);
            if (key.IsActive && !BuildIndex(key))
            {
                throw new InvalidOperationException($"Cannot define alternate key {name}: {table} already has duplicate values.");
            }
            keys.Add(key);
        }

        /// <summary>What the index job does: index every row; true and Active, or false and Failed when two rows share the key's values.</summary>
        public bool BuildIndex(AlternateKey key)
        {
            key.Index.Clear();
            foreach (var row in Scan(key.Table))
            {
                var entry = key.EntryOf(row);
                if (entry != null && !key.Index.TryAdd(entry, row.Id))
                {
                    key.Index.Clear();
                    key.Status = EntityKeyIndexStatus.Failed;
                    return false;
                }
            }
            key.Status = EntityKeyIndexStatus.Active;
            return true;
        }

        /// <summary>Finds a row by alternate key values (by its index, or a scan while the index is not built); throws InvalidArgument when no key has exactly those columns.</summary>
        public Guid? FindByKey(string table, KeyAttributeCollection keyValues)
        {
            var names = keyValues.Keys.ToHashSet(StringComparer.Ordinal);
            var key = KeysOf(table).FirstOrDefault(k => names.SetEquals(k.Columns))
                ?? throw Faults.InvalidArgument($"The specified key attributes are not a defined key for the {table} entity.");
            var probe = new Entity(table);
            foreach (var pair in keyValues)
            {
                probe.Attributes[pair.Key] = pair.Value;
            }
            var entry = key.EntryOf(probe);
            if (entry == null)
            {
                return null;
            }
            if (!key.IsActive)
            {
                return Scan(table).FirstOrDefault(row => key.EntryOf(row) == entry)?.Id;
            }
            return key.Index.TryGetValue(entry, out var id) ? id : null;
        }

        /// <summary>Inserts or replaces a row inside a transaction; a clash on an Active alternate key fails with DuplicateRecordEntityKey.</summary>
        public void Put(Transaction transaction, Entity row)
        {
            foreach (var key in ActiveKeysOf(row.LogicalName))
            {
                var entry = key.EntryOf(row);
                if (entry != null && key.Index.TryGetValue(entry, out var owner) && owner != row.Id)
                {
                    throw Faults.DuplicateEntityKey(key.Name, string.Join(", ", key.Columns));
                }
            }
            transaction.Undo.Add((row.LogicalName, row.Id, Find(row.LogicalName, row.Id)));
            SetRow(row.LogicalName, row.Id, row);
        }

        public void Remove(Transaction transaction, string table, Guid id)
        {
            transaction.Undo.Add((table, id, Find(table, id)));
            SetRow(table, id, null);
        }

        public void Rollback(Transaction transaction)
        {
            for (var i = transaction.Undo.Count - 1; i >= 0; i--)
            {
                var (table, id, previous) = transaction.Undo[i];
                SetRow(table, id, previous);
            }
            transaction.Undo.Clear();
            transaction.JobsToQueue.Clear();
        }

        private void SetRow(string table, Guid id, Entity? row)
        {
            if (!tables.TryGetValue(table, out var rows))
            {
                rows = new Dictionary<Guid, Entity>();
                tables.Add(table, rows);
            }
            rows.TryGetValue(id, out var old);
            foreach (var key in ActiveKeysOf(table))
            {
                var oldEntry = old == null ? null : key.EntryOf(old);
                if (oldEntry != null)
                {
                    key.Index.Remove(oldEntry);
                }
                var newEntry = row == null ? null : key.EntryOf(row);
                if (newEntry != null)
                {
                    key.Index[newEntry] = id;
                }
            }
            if (lookupIndexes.TryGetValue(table, out var indexes))
            {
                foreach (var index in indexes)
                {
                    if (old != null)
                    {
                        index.Remove(old);
                    }
                    if (row != null)
                    {
                        index.Add(row);
                    }
                }
            }
            if (idsInOrder.TryGetValue(table, out var ids))
            {
                if (row == null)
                {
                    ids.Remove(id);
                }
                else if (old == null)
                {
                    ids.Add(id);
                }
            }
            if (row == null)
            {
                rows.Remove(id);
            }
            else
            {
                rows[id] = row;
            }
        }
    }
}
