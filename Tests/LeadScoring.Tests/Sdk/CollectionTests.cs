using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Sdk;

/// <summary>The SDK's collections (reference §3.2 and §10).</summary>
public class CollectionTests
{
    [Fact]
    public void A_keyed_collection_reads_like_a_dictionary_that_throws_for_a_missing_key()
    {
        var parameters = new ParameterCollection { { "Target", new Entity("lead") } };

        Assert.Throws<KeyNotFoundException>(() => parameters["EntityMoniker"]);
        Assert.True(parameters.Contains("Target"));
        Assert.True(parameters.ContainsKey("Target"));
        Assert.True(parameters.TryGetValue("Target", out object target));
        Assert.IsType<Entity>(target);
        Assert.False(parameters.TryGetValue("EntityMoniker", out _));
        Assert.Equal(new[] { "Target" }, parameters.Keys.ToArray());
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        var attributes = new AttributeCollection { { "subject", "Webinar" } };

        Assert.False(attributes.Contains("Subject"));
    }

    [Fact]
    public void Removing_and_clearing_change_the_count()
    {
        var attributes = new AttributeCollection { { "subject", "Webinar" }, { "jobtitle", "CTO" } };

        Assert.True(attributes.Remove("subject"));
        Assert.False(attributes.Remove("subject"));
        Assert.Equal(1, attributes.Count);
        attributes.Clear();
        Assert.Equal(0, attributes.Count);
    }

    [Fact]
    public void AddOrUpdateIfNotNull_ignores_null_and_otherwise_sets_the_value()
    {
        var variables = new ParameterCollection();

        variables.AddOrUpdateIfNotNull("depth", null);
        Assert.False(variables.Contains("depth"));

        variables.AddOrUpdateIfNotNull("depth", 1);
        variables.AddOrUpdateIfNotNull("depth", 2);
        Assert.Equal(2, variables["depth"]);
    }

    [Fact]
    public void Entity_images_are_keyed_by_the_image_name()
    {
        var images = new EntityImageCollection { { "PreImage", new Entity("lead") } };

        Assert.Equal("lead", images["PreImage"].LogicalName);
    }

    [Fact]
    public void A_list_collection_adds_ranges_and_copies_to_an_array()
    {
        var references = new EntityReferenceCollection(new List<EntityReference> { new("lead", Guid.NewGuid()) });
        references.AddRange(new EntityReference("contact", Guid.NewGuid()), new EntityReference("account", Guid.NewGuid()));

        Assert.Equal(new[] { "lead", "contact", "account" }, references.ToArray().Select(r => r.LogicalName));
    }

    [Fact]
    public void A_multi_select_choice_holds_option_set_values()
    {
        var choices = new OptionSetValueCollection(new List<OptionSetValue> { new(1), new(3) });

        Assert.Equal(new[] { 1, 3 }, choices.Select(c => c.Value));
    }
}
