using System.Linq;
using System.ServiceModel;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using LeadScoring.Workbench.ModelFiles;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace LeadScoring.Tests.Emulator
{
    // RetrieveEntityRequest with EntityFilters.Attributes, as `model import` and the configuration
    // plug-in read an org's columns.
    // Learn: https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentityrequest
    //        https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.entitymetadata.attributes
    public class MetadataSpecs
    {
        private readonly EmulatedOrganization org = new();

        public MetadataSpecs() => org.DefineProductTables();

        [Fact]
        public void A_defined_table_answers_with_its_columns_types_and_labels()
        {
            var columns = new OrganizationColumns(org.Service);

            var type = columns.Columns(InteractionColumns.Table)!.Single(c => c.Name == InteractionColumns.Type);
            var direction = columns.Columns(EmailColumns.Table)!.Single(c => c.Name == EmailColumns.DirectionCode);

            Assert.Equal(ColumnType.Choice, type.Type);
            Assert.Contains(new ColumnOption(InteractionTypeValues.AssetDownload, "Asset download"), type.Options);
            Assert.Equal(new[] { new ColumnOption(true, "Outgoing"), new ColumnOption(false, "Incoming") }, direction.Options);
            Assert.Equal(ColumnType.Money, columns.Columns(LeadColumns.Table)!.Single(c => c.Name == "budgetamount").Type);
        }

        [Fact]
        public void Without_the_attributes_filter_no_columns_come_back_and_an_unknown_table_is_a_fault()
        {
            var entity = (RetrieveEntityResponse)org.Service.Execute(new RetrieveEntityRequest { LogicalName = "lead", EntityFilters = EntityFilters.Entity });
            var unknown = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(new RetrieveEntityRequest { LogicalName = "leads", EntityFilters = EntityFilters.Attributes }));

            Assert.Equal("lead", entity.EntityMetadata.LogicalName);
            Assert.Null(entity.EntityMetadata.Attributes);
            Assert.Equal(ErrorCodes.ObjectDoesNotExist, unknown.Detail.ErrorCode);
        }

        [Fact]
        public void Against_an_org_a_custom_column_is_checked_for_real()
        {
            var rule = new ScoringRule
            {
                Id = "noshow",
                Name = "No-show",
                Category = Category.Engagement,
                Table = AppointmentColumns.Table,
                Points = -20,
                Conditions = [new Condition("new_noshow", ConditionOperator.EqualsTo, ["Yes"])],
            };
            var model = Engine.SampleModels.With(rule);

            ValidModel.Check(model, new OrganizationColumns(org.Service), out var missing, out _);
            org.DefineColumn(AppointmentColumns.Table, new TableColumn("new_noshow", ColumnType.Boolean));
            var resolved = ValidModel.Check(model, new OrganizationColumns(org.Service), out var none, out var warnings);

            Assert.StartsWith("Rule 'noshow', condition 1: appointment has no column 'new_noshow'; appointment columns: ", Assert.Single(missing));
            Assert.Empty(none);
            Assert.Empty(warnings);
            Assert.Equal(true, resolved.Rules.Single(r => r.Id == "noshow").Conditions[0].Values[0]);
        }
    }
}
