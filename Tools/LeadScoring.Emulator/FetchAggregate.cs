using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Emulator
{
    // Why: the dashboard's charts are FetchXML aggregate queries (a chart's fetch with its view's filter),
    // and a test runs them here to check they count what the workbench counts. This evaluates the part of
    // aggregate FetchXML the charts use: one entity, an AND filter of conditions, group-by columns (a date
    // column by a date part: year, quarter, month or day returns that number alone, e.g. Month 3 and
    // Year 2023), and count / countcolumn; null values form a group of their own and count does not skip
    // them, countcolumn does; more than 50,000 rows fail with AggregateQueryRecordLimit exceeded.
    // https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data
    internal static class FetchAggregate
    {
        public const int RecordLimit = 50000;

        /// <summary>0x8004E023 AggregateQueryRecordLimit exceeded.</summary>
        public const int AggregateQueryRecordLimit = unchecked((int)0x8004E023);

        private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.Ordinal)
        {
            ["eq"] = ConditionOperator.Equal,
            ["ne"] = ConditionOperator.NotEqual,
            ["null"] = ConditionOperator.Null,
            ["not-null"] = ConditionOperator.NotNull,
            ["in"] = ConditionOperator.In,
            ["gt"] = ConditionOperator.GreaterThan,
            ["ge"] = ConditionOperator.GreaterEqual,
            ["lt"] = ConditionOperator.LessThan,
            ["le"] = ConditionOperator.LessEqual,
            ["last-x-days"] = ConditionOperator.LastXDays,
        };

        /// <summary>The table a fetch reads (for the caller's read privilege).</summary>
        public static string? Table(string fetchXml) => (string?)XDocument.Parse(fetchXml).Root?.Element("entity")?.Attribute("name");

        /// <param name="read">Reads the matching rows as the caller sees them.</param>
        public static EntityCollection Evaluate(string fetchXml, Func<QueryExpression, EntityCollection> read)
        {
            var fetch = XDocument.Parse(fetchXml).Root!;
            if ((string?)fetch.Attribute("aggregate") != "true")
            {
                throw new NotSupportedException("The emulator evaluates aggregate FetchXML only (aggregate=\"true\"); use QueryExpression for rows.");
            }

            var entity = fetch.Element("entity") ?? throw Faults.InvalidArgument("The fetch has no entity element.");
            var table = (string?)entity.Attribute("name") ?? throw Faults.InvalidArgument("The fetch's entity has no name.");
            if (entity.Elements("link-entity").Any())
            {
                throw new NotSupportedException("The emulator's aggregate FetchXML has no link-entity.");
            }

            var attributes = entity.Elements("attribute").Select(a => new Selected(
                (string?)a.Attribute("name") ?? throw Faults.InvalidArgument("An attribute of the fetch has no name."),
                (string?)a.Attribute("alias") ?? throw Faults.InvalidArgument("Every attribute of an aggregate fetch needs an alias."),
                (string?)a.Attribute("groupby") == "true",
                (string?)a.Attribute("dategrouping"),
                (string?)a.Attribute("aggregate"))).ToList();
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(attributes.Select(a => a.Name).Distinct().ToArray()), TopCount = RecordLimit + 1 };
            foreach (var filter in entity.Elements("filter"))
            {
                if (((string?)filter.Attribute("type") ?? "and") != "and" || filter.Elements("filter").Any())
                {
                    throw new NotSupportedException("The emulator's aggregate FetchXML takes one AND filter of conditions.");
                }

                foreach (var condition in filter.Elements("condition"))
                {
                    var op = (string?)condition.Attribute("operator") ?? "eq";
                    var values = condition.Attribute("value") is { } one ? new[] { one.Value } : condition.Elements("value").Select(v => v.Value).ToArray();
                    query.Criteria.AddCondition((string)condition.Attribute("attribute")!, Operators.TryGetValue(op, out var mapped) ? mapped
                        : throw new NotSupportedException($"The emulator's aggregate FetchXML does not evaluate the operator '{op}'."), values.Select(Value).ToArray());
                }
            }

            var rows = read(query).Entities;
            if (rows.Count > RecordLimit)
            {
                throw Faults.Create(AggregateQueryRecordLimit, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");
            }

            var groups = attributes.Where(a => a.GroupBy).ToList();
            var result = new EntityCollection { EntityName = table };
            foreach (var group in rows.GroupBy(row => string.Join("\u001f", groups.Select(g => Key(g.Part(row)))), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = group.First();
                var total = new Entity(table);
                foreach (var a in attributes)
                {
                    var value = a.GroupBy ? a.Part(first) : a.Aggregate switch
                    {
                        "count" => group.Count(),
                        "countcolumn" => group.Count(r => r.GetAttributeValue<object>(a.Name) != null),
                        _ => throw new NotSupportedException($"The emulator's aggregate FetchXML counts (count, countcolumn); not '{a.Aggregate}'."),
                    };
                    if (value != null)
                    {
                        total[a.Alias] = new AliasedValue(table, a.Name, value);
                    }
                }

                result.Entities.Add(total);
            }

            return result;
        }

        private static object Value(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : text;

        private static string Key(object? value) => value switch
        {
            null => "",
            OptionSetValue option => option.Value.ToString("D10", CultureInfo.InvariantCulture),
            EntityReference reference => reference.Id.ToString("N"),
            int number => number.ToString("D10", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };

        private sealed record Selected(string Name, string Alias, bool GroupBy, string? DateGrouping, string? Aggregate)
        {
            /// <summary>The value a row is grouped by: the column's value, or the date part's number.</summary>
            public object? Part(Entity row)
            {
                var value = row.GetAttributeValue<object>(Name);
                if (DateGrouping == null || value is not DateTime at)
                {
                    return value;
                }

                return DateGrouping switch
                {
                    "year" => at.Year,
                    "quarter" => ((at.Month - 1) / 3) + 1,
                    "month" => at.Month,
                    "day" => at.Day,
                    _ => throw new NotSupportedException($"The emulator's aggregate FetchXML groups dates by year, quarter, month or day; not '{DateGrouping}'."),
                };
            }
        }
    }
}
