using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Emulator
{
    // Why: plug-ins read configuration and history with QueryExpression, and jobs page through
    // every lead. This evaluates the parts of QueryExpression the product uses, with SQL's rules
    // (null never matches a comparison, text compares without case), inner and outer joins through
    // LinkEntity, ordering, TopCount and paging. Paging follows the platform: pages of at most
    // 5,000 rows, a paging cookie that resumes after the previous page's last row (so rows changed
    // while paging are neither skipped nor repeated), and a cookie for a non-consecutive page is ignored.
    // https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression
    internal sealed class QueryEvaluator
    {
        public const int MaxPageSize = 5000;

        private readonly Store store;
        private readonly Guid userId;
        private readonly DateTime now;
        private int aliasCounter;

        public QueryEvaluator(Store store, Guid userId, DateTime now)
        {
            this.store = store;
            this.userId = userId;
            this.now = now;
        }

        /// <summary>One result row under construction: the root row and the rows joined to it, by alias.</summary>
        private sealed class Row
        {
            public Row(Entity root) => Root = root;
            public Entity Root { get; }
            public Dictionary<string, Entity?> Linked { get; } = new(StringComparer.Ordinal);

            public Row With(string alias, Entity? linked)
            {
                var copy = new Row(Root);
                foreach (var pair in Linked)
                {
                    copy.Linked.Add(pair.Key, pair.Value);
                }
                copy.Linked[alias] = linked;
                return copy;
            }
        }

        public static QueryExpression FromQueryByAttribute(QueryByAttribute query)
        {
            var expression = new QueryExpression(query.EntityName)
            {
                ColumnSet = query.ColumnSet ?? new ColumnSet(),
                PageInfo = query.PageInfo ?? new PagingInfo(),
                TopCount = query.TopCount,
            };
            for (var i = 0; i < query.Attributes.Count; i++)
            {
                expression.Criteria.AddCondition(query.Attributes[i], ConditionOperator.Equal, query.Values[i]);
            }
            foreach (var order in query.Orders)
            {
                expression.Orders.Add(order);
            }
            return expression;
        }

        public EntityCollection Evaluate(QueryExpression query)
        {
            var table = query.EntityName ?? throw Faults.InvalidArgument("QueryExpression.EntityName is required.");
            var primaryKey = Store.PrimaryIdAttribute(table);
            var links = new List<(LinkEntity Link, string Alias, string? Parent)>();
            void Collect(IEnumerable<LinkEntity> children, string? parent)
            {
                foreach (var link in children)
                {
                    var alias = link.EntityAlias ?? $"{link.LinkToEntityName}{++aliasCounter}";
                    links.Add((link, alias, parent));
                    Collect(link.LinkEntities, alias);
                }
            }
            Collect(query.LinkEntities, null);

            if (links.Count == 0 && InPrimaryKeyOrder(query, primaryKey) is { } first)
            {
                return first;
            }

            IEnumerable<Row> rows = Candidates(query, table).Select(e => new Row(e));
            foreach (var (link, alias, parent) in links)
            {
                rows = Join(rows, link, alias, parent);
            }
            var criteria = query.Criteria;
            var matched = rows.Where(r => criteria == null || Matches(criteria, r, null)).ToList();

            var orders = query.Orders.Select(o => (Alias: (string?)null, Order: o))
                .Concat(links.SelectMany(l => l.Link.Orders.Select(o => (Alias: (string?)l.Alias, Order: o))))
                .ToList();
            object?[] SortKey(Row row)
            {
                var key = new object?[orders.Count + 1];
                for (var i = 0; i < orders.Count; i++)
                {
                    key[i] = Normal(Scope(row, orders[i].Alias), orders[i].Order.AttributeName);
                }
                key[orders.Count] = row.Root.Id;
                return key;
            }
            var descending = orders.Select(o => o.Order.OrderType == OrderType.Descending).Append(false).ToArray();
            int CompareKeys(object?[] a, object?[] b)
            {
                for (var i = 0; i < a.Length; i++)
                {
                    var c = Values.CompareNormalized(a[i], b[i]);
                    if (c != 0)
                    {
                        return descending[i] ? -c : c;
                    }
                }
                return 0;
            }
            var sorted = matched.Select(r => (Row: r, Key: SortKey(r))).ToList();
            sorted.Sort((x, y) => CompareKeys(x.Key, y.Key));
            if (query.Distinct)
            {
                sorted = sorted.GroupBy(r => r.Row.Root.Id).Select(g => g.First()).ToList();
            }

            var paging = query.PageInfo ?? new PagingInfo();
            if (query.TopCount != null && paging.Count > 0)
            {
                throw Faults.InvalidArgument("The TopCount and PageInfo.Count of a query can't both be set.");
            }
            List<(Row Row, object?[] Key)> page;
            bool more;
            var pageNumber = paging.PageNumber > 0 ? paging.PageNumber : 1;
            if (query.TopCount != null)
            {
                page = sorted.Take(query.TopCount.Value).ToList();
                more = false;
            }
            else
            {
                var size = paging.Count > 0 ? Math.Min(paging.Count, MaxPageSize) : MaxPageSize;
                var cookieKey = ReadCookie(paging.PagingCookie, pageNumber);
                var start = cookieKey == null
                    ? (pageNumber - 1) * size
                    : FirstAfter(sorted, cookieKey, CompareKeys);
                page = sorted.Skip(start).Take(size).ToList();
                more = start + page.Count < sorted.Count;
            }

            var result = new EntityCollection(page.Select(p => Project(p.Row, query.ColumnSet, links, primaryKey)).ToList())
            {
                EntityName = table,
                MoreRecords = more,
                TotalRecordCount = paging.ReturnTotalRecordCount ? sorted.Count : -1,
            };
            if (page.Count > 0 && query.TopCount == null)
            {
                result.PagingCookie = WriteCookie(pageNumber, page[0].Key, page[^1].Key, orders.Select(o => o.Order.AttributeName), primaryKey);
            }
            return result;
        }

        /// <summary>
        /// The rows an AND-ed equality condition on an id (a lookup, say) allows, through the store's
        /// index on that column, or else every row. The criteria are still evaluated on each candidate.
        /// </summary>
        private IEnumerable<Entity> Candidates(QueryExpression query, string table)
        {
            var criteria = query.Criteria;
            if (criteria != null && criteria.FilterOperator == LogicalOperator.And)
            {
                if (ByAlternateKey(criteria, table) is { } keyed)
                {
                    return keyed;
                }

                foreach (var condition in criteria.Conditions)
                {
                    if (condition.Operator == ConditionOperator.Equal && condition.EntityName == null && !condition.CompareColumns &&
                        Values.Flatten(condition.Values) is { Count: 1 } values && Values.Normalize(values[0]) is Guid id &&
                        store.RowsWhereEquals(table, condition.AttributeName, id) is { } rows)
                    {
                        return rows;
                    }
                }
            }
            return store.Scan(table);
        }

        /// <summary>
        /// When AND-ed equality conditions give a value for every column of one of the table's alternate
        /// keys, the one row with those values (or none), through the key's index, as the database's
        /// unique index serves such a query. Null when the criteria do not name a whole key.
        /// </summary>
        private IEnumerable<Entity>? ByAlternateKey(FilterExpression criteria, string table)
        {
            var equal = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var condition in criteria.Conditions)
            {
                if (condition.Operator == ConditionOperator.Equal && condition.EntityName == null && !condition.CompareColumns &&
                    Values.Flatten(condition.Values) is { Count: 1 } values && values[0] is { } value)
                {
                    equal[condition.AttributeName] = value;
                }
            }

            foreach (var key in store.ActiveKeysOf(table))
            {
                if (key.Columns.All(equal.ContainsKey))
                {
                    var keyValues = new KeyAttributeCollection();
                    foreach (var column in key.Columns)
                    {
                        keyValues[column] = equal[column];
                    }

                    var id = store.FindByKey(table, keyValues);
                    return id is Guid found && store.Find(table, found) is { } row ? new[] { row } : Array.Empty<Entity>();
                }
            }

            return null;
        }

        /// <summary>
        /// The first TopCount rows of a query ordered by its primary key alone (how jobs page through a
        /// big table: "id greater than the last one, top N"): read in key order from the lower bound
        /// and stop at N matches, instead of filtering and sorting the whole table. Null when the query
        /// has another shape; the general path then gives the same answer.
        /// </summary>
        private EntityCollection? InPrimaryKeyOrder(QueryExpression query, string primaryKey)
        {
            if (query.TopCount is not { } top || query.Distinct || query.Orders.Count != 1 ||
                query.Orders[0].OrderType != OrderType.Ascending || query.Orders[0].AttributeName != primaryKey ||
                (query.PageInfo != null && (query.PageInfo.Count > 0 || query.PageInfo.ReturnTotalRecordCount)))
            {
                return null;
            }

            Guid? after = null;
            var inclusive = false;
            var criteria = query.Criteria;
            if (criteria != null && criteria.FilterOperator == LogicalOperator.And)
            {
                foreach (var condition in criteria.Conditions)
                {
                    if (condition.AttributeName == primaryKey && condition.EntityName == null && !condition.CompareColumns &&
                        condition.Operator is ConditionOperator.GreaterThan or ConditionOperator.GreaterEqual &&
                        Values.Flatten(condition.Values) is { Count: 1 } values && Values.Normalize(values[0]) is Guid id &&
                        (after == null || id.CompareTo(after.Value) > 0))
                    {
                        after = id;
                        inclusive = condition.Operator == ConditionOperator.GreaterEqual;
                    }
                }
            }

            var page = new List<Entity>();
            if (top > 0)
            {
                foreach (var row in store.ScanInIdOrder(query.EntityName, after, inclusive))
                {
                    if (criteria == null || Matches(criteria, new Row(row), null))
                    {
                        page.Add(EntityView(row, query.ColumnSet, primaryKey));
                        if (page.Count == top)
                        {
                            break;
                        }
                    }
                }
            }
            return new EntityCollection(page)
            {
                EntityName = query.EntityName,
                MoreRecords = false,
                TotalRecordCount = -1,
            };
        }

        private static int FirstAfter(List<(Row Row, object?[] Key)> sorted, object?[] cookieKey, Func<object?[], object?[], int> compare)
        {
            var index = sorted.FindIndex(r => compare(r.Key, cookieKey) > 0);
            return index < 0 ? sorted.Count : index;
        }

        private IEnumerable<Row> Join(IEnumerable<Row> rows, LinkEntity link, string alias, string? parentAlias)
        {
            if (link.JoinOperator is not (JoinOperator.Inner or JoinOperator.LeftOuter))
            {
                throw new NotSupportedException($"The emulator supports Inner and LeftOuter joins, not {link.JoinOperator}.");
            }
            var candidates = store.Scan(link.LinkToEntityName)
                .Where(e => link.LinkCriteria == null || Matches(link.LinkCriteria, new Row(e), null))
                .Where(e => e.Attributes.TryGetValue(link.LinkToAttributeName, out var v) && v != null)
                .ToLookup(e => Values.KeyText(e[link.LinkToAttributeName]), StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var parent = Scope(row, parentAlias);
                var value = parent != null && parent.Attributes.TryGetValue(link.LinkFromAttributeName, out var v) ? v : null;
                var matches = value == null ? Enumerable.Empty<Entity>() : candidates[Values.KeyText(value)];
                var joined = matches.Select(m => row.With(alias, m)).ToList();
                if (joined.Count == 0 && link.JoinOperator == JoinOperator.LeftOuter)
                {
                    joined.Add(row.With(alias, null));
                }
                foreach (var result in joined)
                {
                    yield return result;
                }
            }
        }

        private static Entity? Scope(Row row, string? alias)
        {
            if (alias == null)
            {
                return row.Root;
            }
            return row.Linked.TryGetValue(alias, out var linked)
                ? linked
                : throw Faults.InvalidArgument($"The query refers to the alias '{alias}', which no LinkEntity declares.");
        }

        private static object? Normal(Entity? entity, string attribute) =>
            entity != null && entity.Attributes.TryGetValue(attribute, out var value) ? Values.Normalize(value) : null;

        private bool Matches(FilterExpression filter, Row row, string? scope)
        {
            if (filter.Conditions.Count == 0 && filter.Filters.Count == 0)
            {
                return true;
            }
            var any = filter.FilterOperator == LogicalOperator.Or;
            foreach (var condition in filter.Conditions)
            {
                if (Matches(condition, Scope(row, condition.EntityName ?? scope)) == any)
                {
                    return any;
                }
            }
            foreach (var child in filter.Filters)
            {
                if (Matches(child, row, scope) == any)
                {
                    return any;
                }
            }
            return !any;
        }

        private bool Matches(ConditionExpression condition, Entity? entity)
        {
            var value = Normal(entity, condition.AttributeName);
            var values = Values.Flatten(condition.Values);
            if (condition.CompareColumns)
            {
                values = values.Select(v => (object?)Normal(entity, (string)v!)).ToList();
            }
            object? Arg(int i) => i < values.Count
                ? values[i]
                : throw Faults.InvalidArgument($"Condition {condition.Operator} on {condition.AttributeName} needs {i + 1} value(s).");
            int Days(int i) => Convert.ToInt32(Arg(i), CultureInfo.InvariantCulture);

            switch (condition.Operator)
            {
                case ConditionOperator.Null: return value == null;
                case ConditionOperator.NotNull: return value != null;
            }
            if (value == null)
            {
                return false; // SQL: a comparison with NULL is never true
            }
            var today = now.Date;
            switch (condition.Operator)
            {
                case ConditionOperator.Equal: return Values.AreEqual(value, Arg(0));
                case ConditionOperator.NotEqual: return !Values.AreEqual(value, Arg(0));
                case ConditionOperator.GreaterThan: return Values.Compare(value, Arg(0)) > 0;
                case ConditionOperator.GreaterEqual: return Values.Compare(value, Arg(0)) >= 0;
                case ConditionOperator.LessThan: return Values.Compare(value, Arg(0)) < 0;
                case ConditionOperator.LessEqual: return Values.Compare(value, Arg(0)) <= 0;
                case ConditionOperator.In: return values.Any(v => Values.AreEqual(value, v));
                case ConditionOperator.NotIn: return !values.Any(v => Values.AreEqual(value, v));
                case ConditionOperator.Between: return Values.Compare(value, Arg(0)) >= 0 && Values.Compare(value, Arg(1)) <= 0;
                case ConditionOperator.NotBetween: return !(Values.Compare(value, Arg(0)) >= 0 && Values.Compare(value, Arg(1)) <= 0);
                case ConditionOperator.Like: return Like(value, Text(Arg(0)));
                case ConditionOperator.NotLike: return !Like(value, Text(Arg(0)));
                case ConditionOperator.BeginsWith: return Like(value, Escape(Arg(0)) + "%");
                case ConditionOperator.DoesNotBeginWith: return !Like(value, Escape(Arg(0)) + "%");
                case ConditionOperator.EndsWith: return Like(value, "%" + Escape(Arg(0)));
                case ConditionOperator.DoesNotEndWith: return !Like(value, "%" + Escape(Arg(0)));
                case ConditionOperator.Contains: return Like(value, "%" + Escape(Arg(0)) + "%");
                case ConditionOperator.DoesNotContain: return !Like(value, "%" + Escape(Arg(0)) + "%");
                case ConditionOperator.EqualUserId: return Values.AreEqual(value, userId);
                case ConditionOperator.NotEqualUserId: return !Values.AreEqual(value, userId);
                case ConditionOperator.On: return Date(value) == Date(Arg(0));
                case ConditionOperator.NotOn: return Date(value) != Date(Arg(0));
                case ConditionOperator.OnOrBefore: return Date(value) <= Date(Arg(0));
                case ConditionOperator.OnOrAfter: return Date(value) >= Date(Arg(0));
                case ConditionOperator.Today: return Date(value) == today;
                case ConditionOperator.Yesterday: return Date(value) == today.AddDays(-1);
                case ConditionOperator.Tomorrow: return Date(value) == today.AddDays(1);
                case ConditionOperator.LastXHours: return Between(value, now.AddHours(-Days(0)), now);
                case ConditionOperator.NextXHours: return Between(value, now, now.AddHours(Days(0)));
                case ConditionOperator.LastXDays: return Between(value, today.AddDays(-Days(0)), now);
                case ConditionOperator.NextXDays: return Between(value, now, today.AddDays(Days(0) + 1).AddTicks(-1));
                case ConditionOperator.OlderThanXMinutes: return Instant(value) < now.AddMinutes(-Days(0));
                case ConditionOperator.OlderThanXHours: return Instant(value) < now.AddHours(-Days(0));
                case ConditionOperator.OlderThanXDays: return Instant(value) < now.AddDays(-Days(0));
                case ConditionOperator.OlderThanXWeeks: return Instant(value) < now.AddDays(-7 * Days(0));
                case ConditionOperator.OlderThanXMonths: return Instant(value) < now.AddMonths(-Days(0));
                case ConditionOperator.OlderThanXYears: return Instant(value) < now.AddYears(-Days(0));
                default:
                    throw new NotSupportedException($"The emulator does not evaluate ConditionOperator.{condition.Operator} (on {condition.AttributeName}).");
            }
        }

        private static DateTime Instant(object? value) => value switch
        {
            DateTime dateTime => Values.ToUtc(dateTime),
            string text => Values.ToUtc(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)),
            _ => throw Faults.InvalidArgument($"Expected a date and time, not {value?.GetType().Name ?? "null"}."),
        };

        private static DateTime Date(object? value) => Instant(value).Date;

        private static bool Between(object value, DateTime from, DateTime to) => Instant(value) >= from && Instant(value) <= to;

        private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

        private static string Escape(object? value) => Text(value).Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal);

        /// <summary>SQL LIKE without case: % any run, _ one character, [x] the character x.</summary>
        private static bool Like(object value, string pattern)
        {
            var regex = new System.Text.StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '[' && pattern.IndexOf(']', i + 1) is var end && end > i)
                {
                    regex.Append('[').Append(pattern[(i + 1)..end].Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                    i = end;
                }
                else
                {
                    regex.Append(c switch { '%' => ".*", '_' => ".", _ => Regex.Escape(c.ToString()) });
                }
            }
            return Regex.IsMatch(Text(value), regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }

        private static Entity Project(Row row, ColumnSet? columns, List<(LinkEntity Link, string Alias, string? Parent)> links, string primaryKey)
        {
            var entity = EntityView(row.Root, columns, primaryKey);
            void AddLinked(LinkEntity link, string alias)
            {
                if (row.Linked.TryGetValue(alias, out var linked) && linked != null && link.Columns != null)
                {
                    var names = link.Columns.AllColumns ? linked.Attributes.Keys.ToList() : link.Columns.Columns.ToList();
                    foreach (var name in names.Where(n => linked.Attributes.ContainsKey(n) && linked[n] != null))
                    {
                        entity[$"{alias}.{name}"] = new AliasedValue(link.LinkToEntityName, name, Values.CloneValue(linked[name]));
                    }
                }
            }
            foreach (var (link, alias, _) in links)
            {
                AddLinked(link, alias);
            }
            return entity;
        }

        /// <summary>A copy of a stored row with the requested columns, the primary key and the row version.</summary>
        public static Entity EntityView(Entity stored, ColumnSet? columns, string primaryKey)
        {
            var entity = new Entity(stored.LogicalName, stored.Id) { RowVersion = stored.RowVersion };
            var names = columns?.AllColumns == true ? stored.Attributes.Keys.ToList() : (columns?.Columns.ToList() ?? new List<string>());
            if (!names.Contains(primaryKey))
            {
                names.Add(primaryKey);
            }
            foreach (var name in names)
            {
                if (stored.Attributes.TryGetValue(name, out var value) && value != null)
                {
                    entity[name] = Values.CloneValue(value);
                }
            }
            return entity;
        }

        // The cookie names each sort column with the first and last values of the page, like the
        // platform's <cookie page="1"><accountid last="{...}" first="{...}" /></cookie>.
        private static string WriteCookie(int page, object?[] first, object?[] last, IEnumerable<string> orderColumns, string primaryKey)
        {
            var names = orderColumns.Append(primaryKey).ToArray();
            var cookie = new XElement("cookie", new XAttribute("page", page));
            for (var i = 0; i < names.Length; i++)
            {
                cookie.Add(new XElement(XmlConvert.EncodeLocalName(names[i]), new XAttribute("last", Encode(last[i])), new XAttribute("first", Encode(first[i]))));
            }
            return cookie.ToString(SaveOptions.DisableFormatting);
        }

        private static object?[]? ReadCookie(string? cookie, int pageNumber)
        {
            if (string.IsNullOrEmpty(cookie))
            {
                return null;
            }
            var root = XElement.Parse(cookie);
            if ((int?)root.Attribute("page") != pageNumber - 1)
            {
                return null; // a cookie for a non-consecutive page is ignored
            }
            return root.Elements().Select(e => Decode((string?)e.Attribute("last") ?? "")).ToArray();
        }

        private static string Encode(object? value) => value switch
        {
            null => "null",
            string text => "s:" + text,
            decimal number => "n:" + number.ToString(CultureInfo.InvariantCulture),
            double number => "f:" + number.ToString("R", CultureInfo.InvariantCulture),
            DateTime dateTime => "d:" + dateTime.Ticks.ToString(CultureInfo.InvariantCulture),
            Guid guid => "g:" + guid.ToString("B"),
            bool flag => flag ? "b:1" : "b:0",
            _ => "s:" + Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        private static object? Decode(string text) => text.Length < 2 || text == "null" ? null : text[..2] switch
        {
            "s:" => text[2..],
            "n:" => decimal.Parse(text[2..], CultureInfo.InvariantCulture),
            "f:" => double.Parse(text[2..], CultureInfo.InvariantCulture),
            "d:" => new DateTime(long.Parse(text[2..], CultureInfo.InvariantCulture), DateTimeKind.Utc),
            "g:" => Guid.Parse(text[2..]),
            "b:" => text[2] == '1',
            _ => throw Faults.InvalidArgument("The paging cookie is not valid."),
        };
    }
}
