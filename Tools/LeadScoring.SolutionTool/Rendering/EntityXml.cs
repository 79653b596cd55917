using System;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Entities/&lt;table&gt;/Entity.xml: a new table with its columns and keys, or the columns the solution adds to a standard table.</summary>
    public static class EntityXml
    {
        public static XElement Render(Table table)
        {
            var attributes = new XElement("attributes", table.Columns.Select(c => AttributeXml(table, c)));
            if (!table.IsNew)
            {
                return new XElement("Entity", XsiAttribute(),
                    new XElement("Name", new XAttribute("LocalizedName", table.Label), new XAttribute("OriginalName", table.Label), table.SchemaName),
                    new XElement("EntityInfo", new XElement("entity", new XAttribute("Name", table.SchemaName), new XAttribute("unmodified", "1"), attributes)),
                    new XElement("FormXml"),
                    new XElement("SavedQueries"),
                    new XElement("RibbonDiffXml"));
            }

            var entity = new XElement("entity", new XAttribute("Name", table.SchemaName),
                Labels("LocalizedNames", "LocalizedName", table.Label),
                Labels("LocalizedCollectionNames", "LocalizedCollectionName", table.PluralLabel),
                Labels("Descriptions", "Description", table.Description),
                attributes);
            if (table.Keys.Count > 0)
            {
                entity.Add(new XElement("EntityKeys", table.Keys.Select(k => new XElement("EntityKey",
                    new XElement("Name", k.Name),
                    new XElement("LogicalName", k.Name),
                    new XElement("IntroducedVersion", IntroducedVersion),
                    new XElement("IsCustomizable", "1"),
                    new XElement("EntityKeyAttributes", k.Columns.Select(c => new XElement("AttributeName", c))),
                    Labels("displaynames", "displayname", k.Label)))));
            }

            entity.Add(
                new XElement("EntitySetName", table.Name + "s"),
                new XElement("IsDuplicateCheckSupported", "0"),
                new XElement("IsBusinessProcessEnabled", "0"),
                new XElement("IsRequiredOffline", "0"),
                new XElement("IsInteractionCentricEnabled", "0"),
                new XElement("IsCollaboration", "0"),
                new XElement("AutoRouteToOwnerQueue", "0"),
                new XElement("IsConnectionsEnabled", "0"),
                new XElement("EntityColor"),
                new XElement("IsDocumentManagementEnabled", "0"),
                new XElement("AutoCreateAccessTeams", "0"),
                new XElement("IsOneNoteIntegrationEnabled", "0"),
                new XElement("IsKnowledgeManagementEnabled", "0"),
                new XElement("IsSLAEnabled", "0"),
                new XElement("IsDocumentRecommendationsEnabled", "0"),
                new XElement("IsBPFEntity", "0"),
                new XElement("OwnershipTypeMask", table.UserOwned ? "UserOwned" : "OrgOwned"),
                new XElement("IsAuditEnabled", "1"),
                new XElement("IsRetrieveAuditEnabled", "0"),
                new XElement("IsRetrieveMultipleAuditEnabled", "0"),
                new XElement("IsActivity", "0"),
                new XElement("ActivityTypeMask"),
                new XElement("IsActivityParty", "0"),
                new XElement("IsReplicated", "0"),
                new XElement("IsReplicationUserFiltered", "0"),
                new XElement("IsMailMergeEnabled", "0"),
                new XElement("IsVisibleInMobile", "0"),
                new XElement("IsVisibleInMobileClient", "1"),
                new XElement("IsReadOnlyInMobileClient", "0"),
                new XElement("IsOfflineInMobileClient", "0"),
                new XElement("DaysSinceRecordLastModified", "0"),
                new XElement("MobileOfflineFilters"),
                new XElement("IsMapiGridEnabled", "1"),
                new XElement("IsReadingPaneEnabled", "1"),
                new XElement("IsQuickCreateEnabled", "0"),
                new XElement("SyncToExternalSearchIndex", "0"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("IsRenameable", "1"),
                new XElement("IsMappable", "1"),
                new XElement("CanModifyAuditSettings", "1"),
                new XElement("CanModifyMobileVisibility", "1"),
                new XElement("CanModifyMobileClientVisibility", "1"),
                new XElement("CanModifyMobileClientReadOnly", "1"),
                new XElement("CanModifyMobileClientOffline", "1"),
                new XElement("CanModifyConnectionSettings", "1"),
                new XElement("CanModifyDuplicateDetectionSettings", "1"),
                new XElement("CanModifyMailMergeSettings", "1"),
                new XElement("CanModifyQueueSettings", "1"),
                new XElement("CanCreateAttributes", "1"),
                new XElement("CanCreateForms", "1"),
                new XElement("CanCreateCharts", "1"),
                new XElement("CanCreateViews", "1"),
                new XElement("CanModifyAdditionalSettings", "1"),
                new XElement("CanEnableSyncToExternalSearchIndex", "1"),
                new XElement("EnforceStateTransitions", "0"),
                new XElement("CanChangeHierarchicalRelationship", "1"),
                new XElement("EntityHelpUrlEnabled", "0"),
                new XElement("ChangeTrackingEnabled", "0"),
                new XElement("CanChangeTrackingBeEnabled", "1"),
                new XElement("IsEnabledForExternalChannels", "0"),
                new XElement("IsSolutionAware", "0"));

            return new XElement("Entity", XsiAttribute(),
                new XElement("Name", new XAttribute("LocalizedName", table.Label), new XAttribute("OriginalName", table.Label), table.SchemaName),
                new XElement("EntityInfo", entity),
                new XElement("FormXml"),
                new XElement("SavedQueries"),
                new XElement("RibbonDiffXml"));
        }

        public static string XmlType(ColumnKind kind) => kind switch
        {
            ColumnKind.PrimaryKey => "primarykey",
            ColumnKind.Text => "nvarchar",
            ColumnKind.Memo => "ntext",
            ColumnKind.WholeNumber => "int",
            ColumnKind.DateTime => "datetime",
            ColumnKind.Choice => "picklist",
            ColumnKind.Lookup => "lookup",
            ColumnKind.TwoOptions => "bit",
            ColumnKind.Owner => "owner",
            ColumnKind.State => "state",
            ColumnKind.Status => "status",
            ColumnKind.BigInt => "bigint",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        private static XElement AttributeXml(Table table, Column column)
        {
            bool primaryName = column.Name == table.PrimaryNameColumn;
            string mask = column.Kind == ColumnKind.PrimaryKey ? "ValidForAdvancedFind|RequiredForGrid"
                : primaryName ? "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm"
                : "ValidForAdvancedFind|ValidForForm|ValidForGrid";
            var attribute = new XElement("attribute", new XAttribute("PhysicalName", column.Name),
                new XElement("Type", XmlType(column.Kind)),
                new XElement("Name", column.Name),
                new XElement("LogicalName", column.Name),
                new XElement("RequiredLevel", column.RequiredLevel),
                new XElement("DisplayMask", mask),
                new XElement("ImeMode", column.Kind == ColumnKind.DateTime ? "inactive" : "auto"),
                new XElement("ValidForUpdateApi", Bit(column.ValidForUpdate)),
                new XElement("ValidForReadApi", "1"),
                new XElement("ValidForCreateApi", Bit(column.ValidForCreate)),
                new XElement("IsCustomField", Bit(!column.IsSystem && column.Kind != ColumnKind.PrimaryKey)),
                new XElement("IsAuditEnabled", Bit(!column.IsSystem)),
                new XElement("IsSecured", Bit(column.Secured)),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("IsRenameable", "1"),
                new XElement("CanModifySearchSettings", "1"),
                new XElement("CanModifyRequirementLevelSettings", Bit(column.Kind != ColumnKind.PrimaryKey)),
                new XElement("CanModifyAdditionalSettings", "1"),
                new XElement("SourceType", "0"),
                new XElement("IsGlobalFilterEnabled", "0"),
                new XElement("IsSortableEnabled", "0"),
                new XElement("CanModifyGlobalFilterSettings", "1"),
                new XElement("CanModifyIsSortableSettings", "1"),
                new XElement("IsDataSourceSecret", "0"),
                new XElement("AutoNumberFormat"),
                new XElement("IsSearchable", Bit(primaryName)),
                new XElement("IsFilterable", Bit(column.Kind is ColumnKind.PrimaryKey or ColumnKind.State or ColumnKind.Choice or ColumnKind.Lookup)),
                new XElement("IsRetrievable", Bit(primaryName || column.Kind == ColumnKind.PrimaryKey)),
                new XElement("IsLocalizable", "0"));

            switch (column.Kind)
            {
                case ColumnKind.Text:
                    attribute.Add(new XElement("Format", column.Format), new XElement("MaxLength", Text(column.MaxLength)), new XElement("Length", Text(column.MaxLength * 2)));
                    break;
                case ColumnKind.Memo:
                    attribute.Add(new XElement("Format", "text"), new XElement("MaxLength", Text(column.MaxLength)));
                    break;
                case ColumnKind.WholeNumber:
                    attribute.Add(new XElement("Format"), new XElement("MinValue", Text(column.MinValue)), new XElement("MaxValue", Text(column.MaxValue)));
                    break;
                case ColumnKind.BigInt:
                    attribute.Add(new XElement("MinValue", "-9223372036854775808"), new XElement("MaxValue", "9223372036854775807"));
                    break;
                case ColumnKind.DateTime:
                    // Behavior 1 = User local: stored in UTC, shown in the user's time zone.
                    attribute.Add(new XElement("Format", "datetime"), new XElement("CanChangeDateTimeBehavior", Bit(!column.IsSystem)), new XElement("Behavior", "1"));
                    break;
                case ColumnKind.Choice:
                    attribute.Add(new XElement("AppDefaultValue", "-1"), new XElement("OptionSetName", column.Choice));
                    break;
                case ColumnKind.Lookup:
                    attribute.Add(new XElement("LookupStyle", "single"), new XElement("LookupTypes"));
                    break;
                case ColumnKind.State:
                    attribute.Add(new XElement("optionset", new XAttribute("Name", table.Name + "_statecode"),
                        new XElement("OptionSetType", "state"),
                        new XElement("IntroducedVersion", IntroducedVersion),
                        new XElement("IsCustomizable", "1"),
                        Labels("displaynames", "displayname", "Status"),
                        Labels("Descriptions", "Description", column.Description),
                        new XElement("states",
                            State(0, 1, "Active"),
                            State(1, 2, "Inactive"))));
                    break;
                case ColumnKind.Status:
                    attribute.Add(new XElement("optionset", new XAttribute("Name", table.Name + "_statuscode"),
                        new XElement("OptionSetType", "status"),
                        new XElement("IntroducedVersion", IntroducedVersion),
                        new XElement("IsCustomizable", "1"),
                        Labels("displaynames", "displayname", "Status Reason"),
                        Labels("Descriptions", "Description", column.Description),
                        new XElement("statuses",
                            Status(1, 0, "Active"),
                            Status(2, 1, "Inactive"))));
                    break;
            }

            attribute.Add(Labels("displaynames", "displayname", column.Label), Labels("Descriptions", "Description", column.Description));
            return attribute;

            static XElement State(int value, int defaultStatus, string label) =>
                new("state", new XAttribute("value", value), new XAttribute("defaultstatus", defaultStatus), new XAttribute("invariantname", label),
                    Labels("labels", "label", label));

            static XElement Status(int value, int state, string label) =>
                new("status", new XAttribute("value", value), new XAttribute("state", state), Labels("labels", "label", label));
        }
    }
}
