using System;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.Dataverse;
using LeadScoring.SolutionTool.Definition;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// Solution/ is shaped like real exports where the 9.0 schema alone would not say so (docs/deploy.md lists
/// the exports compared). The schema test checks the rest when Microsoft's schemas are present.
/// </summary>
public class ExportShapeTests
{
    private static SolutionSource Source => SolutionSource.Committed;

    [Fact]
    public void Customizations_keep_the_schemas_top_level_order_with_web_resources_before_custom_controls()
    {
        var names = Source.Customizations.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal(names.IndexOf("Dashboards") + 1, names.IndexOf("WebResources"));
        Assert.Equal(names.IndexOf("WebResources") + 1, names.IndexOf("CustomControls"));
        Assert.True(names.IndexOf("ServiceEndpoints") > names.IndexOf("WebResources"));
    }

    [Fact]
    public void A_classic_workflows_trigger_attributes_follow_on_demand()
    {
        var workflow = Source.Files("Workflows", "*.xaml.data.xml").Select(f => XDocument.Load(f).Root!).Single();
        var names = workflow.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal(names.IndexOf("OnDemand") + 1, names.IndexOf("TriggerOnUpdateAttributeList"));
    }

    [Fact]
    public void The_plug_in_assembly_root_component_carries_the_assemblys_full_name()
    {
        var assembly = Source.RootComponents.Single(r => r.Attribute("type")!.Value == "91");
        Assert.Equal(Source.PluginAssemblies.Single().Attribute("FullName")!.Value, assembly.Attribute("schemaName")!.Value);
    }

    [Fact]
    public void A_post_image_on_create_is_taken_from_the_response_id()
    {
        var createImages = Source.Steps.Where(s => s.Element("SdkMessageId")!.Value == "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8").Descendants("SdkMessageProcessingStepImage").ToList();
        Assert.NotEmpty(createImages);
        Assert.All(createImages, image => Assert.Equal("id", image.Element("MessagePropertyName")!.Value));
    }

    [Fact]
    public void An_import_without_dynamics_365_sales_stops_on_the_missing_lead_and_marketing_list()
    {
        var missing = Source.Manifest.Element("MissingDependencies")!.Elements("MissingDependency").ToList();
        var required = missing.Select(m => m.Element("Required")!).ToList();
        Assert.Contains(required, r => r.Attribute("schemaName")!.Value == LeadColumns.Table && r.Attribute("type")!.Value == "1" && r.Attribute("solution")!.Value == "msdynce_LeadManagement");
        Assert.Contains(required, r => r.Attribute("schemaName")!.Value == "list" && r.Attribute("solution")!.Value == "msdynce_MarketingSales");

        // The lead form depends on lead; the re-engagement flows (and only they) depend on the marketing list.
        Assert.Contains(missing, m => m.Element("Required")!.Attribute("schemaName")!.Value == LeadColumns.Table
            && Guid.Parse(m.Element("Dependent")!.Attribute("id")!.Value) == Forms.Lead.Id);
        var onList = missing.Where(m => m.Element("Required")!.Attribute("schemaName")!.Value == "list").Select(m => Guid.Parse(m.Element("Dependent")!.Attribute("id")!.Value));
        Assert.Equal(new[] { Flows.ReengageRecycled.Id, Flows.ReengageDecaying.Id }.OrderBy(i => i), onList.OrderBy(i => i));
    }
}
