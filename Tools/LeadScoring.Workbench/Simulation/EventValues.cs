using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Workbench.ModelFiles;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Workbench.Simulation
{
    /// <summary>Turns an events file's JSON value into the SDK value the column takes (OptionSetValue, Money, EntityReference, …).</summary>
    internal static class EventValues
    {
        public static object? Convert(JsonTree tree, string table, JsonPropertyAt property, IReadOnlySet<string> leads)
        {
            var column = TableColumns.Find(table, property.Name) ?? throw tree.Error(property.Offset,
                $"unknown column '{property.Name}' of {table}; known: {string.Join(", ", TableColumns.Known(table))}; a custom column has a publisher prefix, such as new_budget");
            if (property.Value is not JsonScalarAt scalar)
            {
                throw tree.Error(property.Value.Offset, $"'{property.Name}' takes one value, not an object or array");
            }

            if (scalar.Value is null)
            {
                return null;
            }

            if (TableColumns.IsCustom(table, property.Name))
            {
                return scalar.Value is decimal d && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : scalar.Value;
            }

            object? value = column.Kind switch
            {
                ColumnKind.Text => scalar.Value as string,
                ColumnKind.WholeNumber => scalar.Value is decimal d && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null,
                ColumnKind.Decimal => scalar.Value as decimal?,
                ColumnKind.Money => scalar.Value is decimal m ? new Money(m) : null,
                ColumnKind.Boolean or ColumnKind.Choice => Choice(tree, property, scalar, column),
                ColumnKind.DateTime => EventsFile.Timestamp(tree, property, property.Name),
                _ => Lead(tree, property, scalar, leads),
            };
            return value ?? throw tree.Error(scalar.Offset, $"'{property.Name}' takes {Describe(column.Kind)}; got {scalar.Raw}");
        }

        private static object? Choice(JsonTree tree, JsonPropertyAt property, JsonScalarAt scalar, KnownColumn column)
        {
            object? value = scalar.Value switch
            {
                string label => column.Labels?.FirstOrDefault(l => ColumnCheck.LabelKey(l.Key) == ColumnCheck.LabelKey(label)).Value
                    ?? throw tree.Error(scalar.Offset, $"'{property.Name}' has no choice '{label}'; allowed: {Allowed(column)}"),
                decimal d when column.Kind == ColumnKind.Choice && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
                bool b when column.Kind == ColumnKind.Boolean => b,
                _ => null,
            };
            return value is int number ? new OptionSetValue(number) : value;
        }

        private static EntityReference? Lead(JsonTree tree, JsonPropertyAt property, JsonScalarAt scalar, IReadOnlySet<string> leads) => scalar.Value is string id
            ? leads.Contains(id)
                ? new EntityReference(LeadColumns.Table, StableIds.For(LeadColumns.Table, id))
                : throw tree.Error(scalar.Offset, $"'{property.Name}' names the lead '{id}', which no earlier line creates")
            : null;

        private static string Allowed(KnownColumn column) =>
            column.Labels is null ? "numbers" : string.Join(", ", column.Labels.Select(l => $"{l.Key} ({Format(l.Value)})"));

        private static string Format(object value) => value is bool b ? (b ? "true" : "false") : System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

        private static string Describe(ColumnKind kind) => kind switch
        {
            ColumnKind.Text => "text",
            ColumnKind.WholeNumber => "a whole number",
            ColumnKind.Decimal or ColumnKind.Money => "a number",
            ColumnKind.Boolean => "true or false (or a label)",
            ColumnKind.Choice => "a choice value or label",
            ColumnKind.DateTime => "an ISO-8601 date and time",
            _ => "the id of a lead the file creates",
        };
    }
}
