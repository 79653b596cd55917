using System;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Sdk;

/// <summary>References, choices, money, result pages and relationships (reference §3.3 and §10).</summary>
public class ValueTypeTests
{
    private static readonly Guid LeadId = new("0b0e8f8c-2a7e-4c61-8f51-5a9c2d8a3e01");

    [Fact]
    public void Entity_references_are_equal_when_table_and_id_match()
    {
        var reference = new EntityReference("lead", LeadId);

        Assert.Equal(reference, new EntityReference("lead", LeadId) { Name = "Ada Lovelace" });
        Assert.Equal(reference.GetHashCode(), new EntityReference("lead", LeadId).GetHashCode());
        Assert.NotEqual(reference, new EntityReference("contact", LeadId));
        Assert.NotEqual(reference, new EntityReference("Lead", LeadId));
        Assert.NotEqual(reference, new EntityReference("lead", Guid.NewGuid()));
    }

    [Fact]
    public void An_entity_reference_can_name_a_record_by_alternate_key()
    {
        var reference = new EntityReference("lead", "emailaddress1", "ada@example.com");

        Assert.Equal("ada@example.com", reference.KeyAttributes["emailaddress1"]);
        Assert.Equal(Guid.Empty, reference.Id);
    }

    [Fact]
    public void Choices_and_money_are_equal_by_value()
    {
        Assert.Equal(new OptionSetValue(7), new OptionSetValue(7));
        Assert.NotEqual(new OptionSetValue(7), new OptionSetValue(8));
        Assert.Equal(new OptionSetValue(7).GetHashCode(), new OptionSetValue(7).GetHashCode());
        Assert.Equal(new Money(12.50m), new Money(12.50m));
        Assert.NotEqual(new Money(12.50m), new Money(12.51m));
    }

    [Fact]
    public void An_entity_collection_carries_the_page_and_its_paging_fields()
    {
        var page = new EntityCollection(new[] { new Entity("lead", LeadId) })
        {
            EntityName = "lead",
            MoreRecords = true,
            PagingCookie = "<cookie page=\"1\" />",
            TotalRecordCount = 120,
        };

        Assert.Single(page.Entities);
        Assert.Equal(LeadId, page[0].Id);
        Assert.True(page.MoreRecords);
        Assert.Equal("<cookie page=\"1\" />", page.PagingCookie);
        Assert.Equal(120, page.TotalRecordCount);
        Assert.NotNull(new EntityCollection().Entities);
    }

    [Fact]
    public void An_aliased_value_names_its_table_and_column()
    {
        var value = new AliasedValue("account", "revenue", new Money(5m));

        Assert.Equal(("account", "revenue"), (value.EntityLogicalName, value.AttributeLogicalName));
        Assert.Equal(new Money(5m), value.Value);
    }

    [Fact]
    public void A_relationship_is_named_by_its_schema_name()
    {
        var relationship = new Relationship("lead_emails") { PrimaryEntityRole = EntityRole.Referenced };

        Assert.Equal("lead_emails", relationship.SchemaName);
        Assert.Equal(EntityRole.Referenced, relationship.PrimaryEntityRole);
    }

    [Theory]
    [InlineData(EntityState.Unchanged, 0)]
    [InlineData(EntityState.Created, 1)]
    [InlineData(EntityState.Changed, 2)]
    public void EntityState_values(EntityState state, int value) => Assert.Equal(value, (int)state);

    [Theory]
    [InlineData(ConcurrencyBehavior.Default, 0)]
    [InlineData(ConcurrencyBehavior.IfRowVersionMatches, 1)]
    [InlineData(ConcurrencyBehavior.AlwaysOverwrite, 2)]
    public void ConcurrencyBehavior_values(ConcurrencyBehavior behavior, int value) => Assert.Equal(value, (int)behavior);

    [Theory]
    [InlineData(OperationStatus.Failed, 0)]
    [InlineData(OperationStatus.Canceled, 1)]
    [InlineData(OperationStatus.Retry, 2)]
    [InlineData(OperationStatus.Suspended, 3)]
    [InlineData(OperationStatus.Succeeded, 4)]
    public void OperationStatus_values(OperationStatus status, int value) => Assert.Equal(value, (int)status);
}
