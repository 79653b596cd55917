using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadScoring.Emulator
{
    // Why: plug-ins check configuration against the org's metadata (RetrieveEntityRequest with
    // EntityFilters.Attributes). The emulator answers it for the tables a test or the workbench
    // defines: the product's column catalogue, plus any custom column an org has. Setters the SDK
    // keeps internal are filled by reflection, as test fakes of the official SDK do, so this works
    // against the official assemblies and the stand-in alike.
    // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentityrequest
    public sealed partial class EmulatedOrganization
    {
        private readonly Dictionary<string, Dictionary<string, TableColumn>> metadata = new(StringComparer.Ordinal);

        /// <summary>Defines (or extends) a table's columns for RetrieveEntityRequest.</summary>
        public void DefineTable(string table, IEnumerable<TableColumn> columns)
        {
            if (!metadata.TryGetValue(table, out var known))
            {
                metadata[table] = known = new Dictionary<string, TableColumn>(StringComparer.Ordinal);
            }
            foreach (var column in columns)
            {
                known[column.Name] = column;
            }
        }

        /// <summary>Defines the watched tables as an org with the product installed has them: the product's column catalogue.</summary>
        public void DefineProductTables()
        {
            foreach (var table in LeadScoring.Dataverse.ColumnCatalogue.TableNames)
            {
                DefineTable(table, LeadScoring.Dataverse.ColumnCatalogue.Instance.Columns(table)!);
            }
        }

        /// <summary>Adds a column to a defined table, as an admin adds a custom column (new_noshow) to an org.</summary>
        public void DefineColumn(string table, TableColumn column)
        {
            if (!metadata.ContainsKey(table))
            {
                throw new InvalidOperationException($"Define the table '{table}' before adding the column '{column.Name}'.");
            }
            DefineTable(table, new[] { column });
        }

        /// <summary>Whether the table defines the column (no service call).</summary>
        public bool HasColumn(string table, string column) => metadata.TryGetValue(table, out var known) && known.ContainsKey(column);

        private OrganizationResponse RetrieveEntity(OrganizationRequest request)
        {
            var name = request.Parameters.TryGetValue("LogicalName", out var n) ? n as string : null;
            if (name == null || !metadata.TryGetValue(name, out var columns))
            {
                throw Faults.Create(ErrorCodes.ObjectDoesNotExist, $"Could not find an entity with the logical name '{name}'.");
            }
            var filters = request.Parameters.TryGetValue("EntityFilters", out var f) && f is EntityFilters given ? given : EntityFilters.Default;
            var entity = new EntityMetadata { LogicalName = name };
            if (filters.HasFlag(EntityFilters.Attributes))
            {
                SetInternal(entity, nameof(EntityMetadata.Attributes), columns.Values.OrderBy(c => c.Name, StringComparer.Ordinal).Select(ToAttribute).ToArray());
            }
            var response = new RetrieveEntityResponse();
            response.Results["EntityMetadata"] = entity;
            return response;
        }

        private static AttributeMetadata ToAttribute(TableColumn column)
        {
            AttributeMetadata attribute;
            switch (column.Type)
            {
                case ColumnType.Choice:
                    attribute = new PicklistAttributeMetadata
                    {
                        OptionSet = new OptionSetMetadata(new OptionMetadataCollection(column.Options.Select(o => new OptionMetadata(Label(o.Label), Convert.ToInt32(o.Value, CultureInfo.InvariantCulture))).ToList())),
                    };
                    break;
                case ColumnType.Boolean:
                    var yes = column.Options.FirstOrDefault(o => Equals(o.Value, true))?.Label ?? "Yes";
                    var no = column.Options.FirstOrDefault(o => Equals(o.Value, false))?.Label ?? "No";
                    attribute = new BooleanAttributeMetadata { OptionSet = new BooleanOptionSetMetadata(new OptionMetadata(Label(yes), 1), new OptionMetadata(Label(no), 0)) };
                    break;
                default:
                    attribute = new AttributeMetadata();
                    SetInternal(attribute, nameof(AttributeMetadata.AttributeType), (AttributeTypeCode?)TypeCode(column.Type));
                    break;
            }
            attribute.LogicalName = column.Name;
            return attribute;
        }

        private static AttributeTypeCode TypeCode(ColumnType type) => type switch
        {
            ColumnType.Text => AttributeTypeCode.String,
            ColumnType.WholeNumber => AttributeTypeCode.Integer,
            ColumnType.Decimal => AttributeTypeCode.Decimal,
            ColumnType.Money => AttributeTypeCode.Money,
            ColumnType.DateTime => AttributeTypeCode.DateTime,
            ColumnType.Lookup => AttributeTypeCode.Lookup,
            _ => AttributeTypeCode.Virtual,
        };

        // The constructor only adds a localized label; the server fills UserLocalizedLabel with the caller's language.
        // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.label.userlocalizedlabel
        private static Label Label(string text) => new(text, 1033) { UserLocalizedLabel = new LocalizedLabel(text, 1033) };

        private static void SetInternal(object target, string property, object? value) =>
            (target.GetType().GetProperty(property)?.GetSetMethod(nonPublic: true)
                ?? throw new InvalidOperationException($"{target.GetType().Name}.{property} has no setter to fill."))
                .Invoke(target, new[] { value });
    }
}
