using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Sdk;

/// <summary>
/// How Entity behaves (reference §3.1 and §10). These compile against whichever SDK the build uses, so
/// they hold for the official assemblies as much as for the stand-in.
/// </summary>
public class EntityTests
{
    private static readonly Guid LeadId = new("6f1b3c9e-55c4-4f0e-9a0e-0d6d2f0b7a11");

    [Fact]
    public void Reading_a_missing_column_through_the_indexer_throws_KeyNotFoundException()
    {
        var lead = new Entity("lead");

        Assert.Throws<KeyNotFoundException>(() => lead["subject"]);
        Assert.Throws<KeyNotFoundException>(() => lead.Attributes["subject"]);
    }

    [Fact]
    public void GetAttributeValue_returns_the_default_for_a_missing_or_null_column()
    {
        var lead = new Entity("lead") { ["jobtitle"] = null };

        Assert.Null(lead.GetAttributeValue<string>("subject"));
        Assert.Null(lead.GetAttributeValue<string>("jobtitle"));
        Assert.Null(lead.GetAttributeValue<int?>("numberofemployees"));
        Assert.Equal(0, lead.GetAttributeValue<int>("numberofemployees"));
        Assert.Null(lead.GetAttributeValue<OptionSetValue>("industrycode"));
    }

    [Fact]
    public void GetAttributeValue_casts_the_stored_value_directly()
    {
        var lead = new Entity("lead") { ["numberofemployees"] = 250, ["revenue"] = new Money(1_000_000m) };

        Assert.Equal(250, lead.GetAttributeValue<int>("numberofemployees"));
        Assert.Equal(250, lead.GetAttributeValue<int?>("numberofemployees"));
        Assert.Equal(1_000_000m, lead.GetAttributeValue<Money>("revenue").Value);
        Assert.Throws<InvalidCastException>(() => lead.GetAttributeValue<string>("numberofemployees"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void GetAttributeValue_rejects_a_missing_column_name(string? name)
    {
        var lead = new Entity("lead");

        Assert.Throws<ArgumentNullException>(() => lead.GetAttributeValue<string>(name!));
    }

    [Fact]
    public void TryGetAttributeValue_says_whether_the_column_is_present()
    {
        var lead = new Entity("lead") { ["subject"] = "Webinar" };

        Assert.True(lead.TryGetAttributeValue("subject", out string subject));
        Assert.Equal("Webinar", subject);
        Assert.False(lead.TryGetAttributeValue("jobtitle", out string jobTitle));
        Assert.Null(jobTitle);
    }

    [Fact]
    public void Contains_tests_for_the_column_not_for_a_value()
    {
        var lead = new Entity("lead") { ["jobtitle"] = null };

        Assert.True(lead.Contains("jobtitle"));
        Assert.False(lead.Contains("subject"));
    }

    [Fact]
    public void Attributes_is_never_null_and_starts_empty()
    {
        var lead = new Entity();

        Assert.NotNull(lead.Attributes);
        Assert.Equal(0, lead.Attributes.Count);
        Assert.Null(lead.EntityState);
    }

    [Fact]
    public void Setting_a_column_adds_it_or_replaces_its_value()
    {
        var lead = new Entity("lead") { ["subject"] = "First" };
        lead["subject"] = "Second";

        Assert.Equal("Second", lead["subject"]);
        Assert.Equal(1, lead.Attributes.Count);
    }

    [Fact]
    public void Adding_a_column_that_is_already_there_throws()
    {
        var lead = new Entity("lead") { ["subject"] = "First" };

        Assert.Throws<ArgumentException>(() => lead.Attributes.Add("subject", "Second"));
    }

    [Fact]
    public void The_constructors_set_the_table_the_id_and_the_alternate_key()
    {
        var byId = new Entity("lead", LeadId);
        var byKey = new Entity("lead", "emailaddress1", "ada@example.com");
        var byKeys = new Entity("lead", new KeyAttributeCollection { { "emailaddress1", "ada@example.com" } });

        Assert.Equal(("lead", LeadId), (byId.LogicalName, byId.Id));
        Assert.Equal("ada@example.com", byKey.KeyAttributes["emailaddress1"]);
        Assert.Equal("ada@example.com", byKeys.KeyAttributes["emailaddress1"]);
        Assert.Equal(Guid.Empty, byKey.Id);
    }

    [Fact]
    public void ToEntityReference_copies_the_table_the_id_and_the_row_version()
    {
        var lead = new Entity("lead", LeadId) { RowVersion = "734512" };

        EntityReference reference = lead.ToEntityReference();

        Assert.Equal("lead", reference.LogicalName);
        Assert.Equal(LeadId, reference.Id);
        Assert.Equal("734512", reference.RowVersion);
    }

    [Fact]
    public void ToEntity_gives_an_entity_with_the_same_table_id_and_columns()
    {
        var lead = new Entity("lead", LeadId) { ["subject"] = "Webinar" };

        Entity copy = lead.ToEntity<Entity>();

        Assert.Equal(("lead", LeadId), (copy.LogicalName, copy.Id));
        Assert.Equal("Webinar", copy["subject"]);
    }
}
