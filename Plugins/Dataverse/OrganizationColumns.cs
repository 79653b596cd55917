using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// The org's own metadata as a column source: one RetrieveEntityRequest with
    /// EntityFilters.Attributes per watched table, kept for the life of this object (one save, one
    /// import). Custom columns with a publisher prefix are checked for real here.
    /// https://learn.microsoft.com/power-apps/developer/data-platform/org-service/metadata-retrieve-detect-changes
    /// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentityrequest
    /// </summary>
    public sealed class OrganizationColumns : IColumnSource
    {
        private readonly IOrganizationService service;
        private readonly Dictionary<string, IReadOnlyCollection<TableColumn>> tables = new Dictionary<string, IReadOnlyCollection<TableColumn>>(StringComparer.Ordinal);

        public OrganizationColumns(IOrganizationService service)
        {
            this.service = service;
        }

        public bool IsCatalogue => false;

        public IReadOnlyCollection<TableColumn>? Columns(string table)
        {
            if (!ModelValidator.WatchedTables.Contains(table, StringComparer.Ordinal))
            {
                return null;
            }

            if (!tables.TryGetValue(table, out var columns))
            {
                var response = (RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = table, EntityFilters = EntityFilters.Attributes });
                columns = (response.EntityMetadata?.Attributes ?? Array.Empty<AttributeMetadata>())
                    .Where(a => !string.IsNullOrEmpty(a.LogicalName))
                    .Select(Map)
                    .ToList();
                tables[table] = columns;
            }

            return columns;
        }

        private static TableColumn Map(AttributeMetadata attribute)
        {
            switch (attribute.AttributeType)
            {
                case AttributeTypeCode.String:
                case AttributeTypeCode.Memo:
                    return new TableColumn(attribute.LogicalName, ColumnType.Text);
                case AttributeTypeCode.Integer:
                case AttributeTypeCode.BigInt:
                    return new TableColumn(attribute.LogicalName, ColumnType.WholeNumber);
                case AttributeTypeCode.Decimal:
                case AttributeTypeCode.Double:
                    return new TableColumn(attribute.LogicalName, ColumnType.Decimal);
                case AttributeTypeCode.Money:
                    return new TableColumn(attribute.LogicalName, ColumnType.Money);
                case AttributeTypeCode.DateTime:
                    return new TableColumn(attribute.LogicalName, ColumnType.DateTime);
                case AttributeTypeCode.Lookup:
                case AttributeTypeCode.Customer:
                case AttributeTypeCode.Owner:
                case AttributeTypeCode.Uniqueidentifier:
                    return new TableColumn(attribute.LogicalName, ColumnType.Lookup);
                case AttributeTypeCode.Boolean:
                    var flags = (attribute as BooleanAttributeMetadata)?.OptionSet;
                    return new TableColumn(attribute.LogicalName, ColumnType.Boolean, new[]
                    {
                        new ColumnOption(true, Text(flags?.TrueOption, "Yes")),
                        new ColumnOption(false, Text(flags?.FalseOption, "No")),
                    });
                case AttributeTypeCode.Picklist:
                case AttributeTypeCode.State:
                case AttributeTypeCode.Status:
                    var options = (attribute as EnumAttributeMetadata)?.OptionSet?.Options ?? Enumerable.Empty<OptionMetadata>();
                    return new TableColumn(attribute.LogicalName, ColumnType.Choice, options
                        .Where(o => o.Value.HasValue)
                        .Select(o => new ColumnOption(o.Value!.Value, Text(o, o.Value!.Value.ToString(CultureInfo.InvariantCulture))))
                        .ToList());
                default:
                    return new TableColumn(attribute.LogicalName, ColumnType.Other);
            }
        }

        private static string Text(OptionMetadata? option, string fallback) => option?.Label?.UserLocalizedLabel?.Label ?? fallback;
    }
}
