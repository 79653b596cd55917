using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool;
using LeadScoring.SolutionTool.Rendering;
using LeadScoring.Tests.Sdk;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// pac-config.json is the single source of the registrations: every step, image, Custom API and
/// workflow activity it names is in Solution/ exactly as it says, and Solution/ registers nothing else.
/// </summary>
public class PacConfigConsistencyTests
{
    private static readonly SolutionSource Source = SolutionSource.Committed;
    private static readonly PacConfigFile Config = PacConfigFile.Read(Path.Combine(RepositoryRoot.Path, "pac-config.json"));

    private static XElement Assembly => Assert.Single(Source.PluginAssemblies);

    private static string AssemblyFullName => Assembly.Attribute("FullName")!.Value;

    private static Dictionary<string, string> PluginTypeIds =>
        Assembly.Descendants("PluginType").ToDictionary(t => t.Attribute("AssemblyQualifiedName")!.Value.Split(',')[0], t => t.Attribute("PluginTypeId")!.Value);

    [Fact]
    public void The_solution_identity_is_pac_configs()
    {
        Assert.Equal(Config.Solution.UniqueName, Source.Manifest.Element("UniqueName")!.Value);
        Assert.Equal(Config.Solution.Version, Source.Manifest.Element("Version")!.Value);
        Assert.Equal("0", Source.Manifest.Element("Managed")!.Value);
        var publisher = Source.Manifest.Element("Publisher")!;
        Assert.Equal(Config.Solution.Publisher.UniqueName, publisher.Element("UniqueName")!.Value);
        Assert.Equal(Config.Solution.Publisher.Prefix, publisher.Element("CustomizationPrefix")!.Value);
        Assert.Equal(Config.Solution.Publisher.OptionValuePrefix.ToString(System.Globalization.CultureInfo.InvariantCulture), publisher.Element("CustomizationOptionValuePrefix")!.Value);
        Assert.Equal("ls", Config.Solution.Publisher.Prefix);
    }

    [Fact]
    public void Pac_config_ids_are_unique()
    {
        var ids = new List<Guid> { Config.PluginAssembly.Id };
        ids.AddRange(Config.WorkflowActivities.Select(a => a.Id));
        ids.AddRange(Config.Steps.Select(s => s.Id));
        ids.AddRange(Config.Steps.SelectMany(s => s.Images).Select(i => i.Id));
        ids.AddRange(Config.CustomApis.Select(a => a.Id));
        ids.AddRange(Config.CustomApis.SelectMany(a => a.RequestParameters.Concat(a.ResponseProperties)).Select(p => p.Id));
        Assert.DoesNotContain(Guid.Empty, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void The_plugin_assembly_registers_exactly_the_types_pac_config_uses()
    {
        Assert.Equal(Config.PluginAssembly.Id.ToString("D"), Assembly.Attribute("PluginAssemblyId")!.Value);
        Assert.StartsWith(Config.PluginAssembly.Name + ", Version=", AssemblyFullName, StringComparison.Ordinal);
        Assert.Equal("2", Assembly.Element("IsolationMode")!.Value); // Sandbox
        Assert.Equal("0", Assembly.Element("SourceType")!.Value); // Database
        Assert.True(File.Exists(Source.Path("PluginAssemblies", Config.PluginAssembly.Name + "-" + Config.PluginAssembly.Id.ToString("D").ToUpperInvariant(), Config.PluginAssembly.Name + ".dll.data.xml")));
        Assert.Equal($"/PluginAssemblies/{Config.PluginAssembly.Name}-{Config.PluginAssembly.Id.ToString("D").ToUpperInvariant()}/{Config.PluginAssembly.Name}.dll", Assembly.Element("FileName")!.Value);

        var used = Config.Steps.Select(s => s.Plugin).Concat(Config.CustomApis.Select(a => a.Plugin)).Concat(Config.WorkflowActivities.Select(a => a.Type)).Distinct().OrderBy(t => t, StringComparer.Ordinal);
        Assert.Equal(used, PluginTypeIds.Keys.OrderBy(t => t, StringComparer.Ordinal));
        Assert.All(Assembly.Descendants("PluginType"), t => Assert.EndsWith(", " + AssemblyFullName, t.Attribute("AssemblyQualifiedName")!.Value, StringComparison.Ordinal));

        foreach (var activity in Config.WorkflowActivities)
        {
            var type = Assembly.Descendants("PluginType").Single(t => t.Attribute("AssemblyQualifiedName")!.Value.StartsWith(activity.Type + ",", StringComparison.Ordinal));
            Assert.Equal(activity.Id.ToString("D"), type.Attribute("PluginTypeId")!.Value);
            Assert.Equal(activity.Name, type.Element("FriendlyName")!.Value);
            Assert.Equal(activity.Group, type.Element("WorkflowActivityGroupName")!.Value);
        }
    }

    [Fact]
    public void The_registered_types_and_identity_are_those_of_the_built_net462_assembly()
    {
        var built = AssemblyFacts.Read(SdkTestAssemblies.PathOf("LeadScoring.Plugins"));
        Assert.Equal(AssemblyFullName, built.FullName);
        Assert.All(PluginTypeIds.Keys, type => Assert.Contains(type, built.TypeNames));
    }

    [Fact]
    public void Every_step_in_pac_config_is_in_the_solution_as_configured_and_the_reverse()
    {
        var steps = Source.Steps.ToDictionary(s => Guid.Parse(s.Attribute("SdkMessageProcessingStepId")!.Value));
        Assert.Equal(Config.Steps.Select(s => s.Id).OrderBy(i => i), steps.Keys.OrderBy(i => i));
        Assert.Equal(steps.Count, Source.Files("SdkMessageProcessingSteps", "*.xml").Count());

        foreach (var step in Config.Steps)
        {
            var xml = steps[step.Id];
            Assert.True(File.Exists(Source.Path("SdkMessageProcessingSteps", "{" + step.Id.ToString("D") + "}.xml")));
            Assert.Equal(step.Name, xml.Attribute("Name")!.Value);
            Assert.Equal(step.Plugin + ", " + AssemblyFullName, xml.Element("PluginTypeName")!.Value);
            Assert.Equal(PluginTypeIds[step.Plugin], xml.Element("PluginTypeId")!.Value);
            Assert.Equal(StepXml.MessageIds[step.Message].ToString("D"), xml.Element("SdkMessageId")!.Value);
            Assert.Equal(step.Table, xml.Element("PrimaryEntity")!.Value);
            Assert.Equal(step.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), xml.Element("Stage")!.Value);
            Assert.Equal(step.Mode == "Async" ? "1" : "0", xml.Element("Mode")!.Value);
            Assert.Equal(step.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), xml.Element("Rank")!.Value);
            Assert.Equal(string.Join(",", step.FilteringAttributes), xml.Element("FilteringAttributes")?.Value ?? "");
            Assert.Equal("4602", xml.Element("EventHandlerTypeCode")!.Value); // a plug-in type handles it

            var images = xml.Descendants("SdkMessageProcessingStepImage").ToDictionary(i => Guid.Parse(i.Element("SdkMessageProcessingStepImageId")!.Value));
            Assert.Equal(step.Images.Select(i => i.Id).OrderBy(i => i), images.Keys.OrderBy(i => i));
            foreach (var image in step.Images)
            {
                var imageXml = images[image.Id];
                Assert.Equal(image.Name, imageXml.Attribute("Name")!.Value);
                Assert.Equal(image.Name, imageXml.Element("EntityAlias")!.Value);
                Assert.Equal(image.Type == "Pre" ? "0" : "1", imageXml.Element("ImageType")!.Value);
                Assert.Equal(string.Join(",", image.Attributes), imageXml.Element("Attributes")!.Value);
                Assert.Equal(step.Message == "Create" ? "id" : "Target", imageXml.Element("MessagePropertyName")!.Value);
            }
        }
    }

    [Fact]
    public void Filtering_attributes_and_image_columns_exist_on_their_tables()
    {
        foreach (var step in Config.Steps)
        {
            var missing = step.FilteringAttributes.Concat(step.Images.SelectMany(i => i.Attributes))
                .Where(column => !SchemaConsistencyTests.Exists(step.Table, column)).Distinct().ToList();
            Assert.True(missing.Count == 0, $"Step '{step.Name}' names {string.Join(", ", missing)}, which {step.Table} does not have (add standard columns to StandardColumns).");
            Assert.True(Source.Tables.ContainsKey(step.Table) || SolutionTool.Definition.StandardColumns.ByTable.ContainsKey(step.Table), step.Table);
        }
    }

    [Fact]
    public void Every_custom_api_in_pac_config_is_in_the_solution_as_configured_and_the_reverse()
    {
        Assert.Equal(Config.CustomApis.Select(a => a.UniqueName).OrderBy(n => n, StringComparer.Ordinal), Source.CustomApis.Keys.OrderBy(n => n, StringComparer.Ordinal));
        foreach (var api in Config.CustomApis)
        {
            var xml = Source.CustomApis[api.UniqueName];
            Assert.Equal(api.UniqueName, xml.Value("name"));
            Assert.Equal(CustomApiXml.BindingType(api.BindingType).ToString(System.Globalization.CultureInfo.InvariantCulture), xml.Value("bindingtype"));
            Assert.Equal(api.BindingType == "Global" ? "" : api.BoundTable, xml.Value("boundentitylogicalname"));
            Assert.Equal(api.IsFunction ? "1" : "0", xml.Value("isfunction"));
            Assert.Equal(api.ExecutePrivilegeName ?? "", xml.Value("executeprivilegename"));
            Assert.Equal(CustomApiXml.AllowedStepType(api.AllowedProcessingStepType).ToString(System.Globalization.CultureInfo.InvariantCulture), xml.Value("allowedcustomprocessingsteptype"));
            Assert.Equal(PluginTypeIds[api.Plugin], xml.Api.Element("plugintypeid")!.Element("plugintypeid")!.Value);
            Assert.Equal(api.DisplayName, xml.Api.Element("displayname")!.Attribute("default")!.Value);

            AssertParameters(api, api.RequestParameters, xml.RequestParameters, request: true);
            AssertParameters(api, api.ResponseProperties, xml.ResponseProperties, request: false);
        }
    }

    private static void AssertParameters(CustomApiEntry api, List<ApiParameterEntry> expected, List<XElement> actual, bool request)
    {
        Assert.Equal(expected.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal), actual.Select(p => p.Attribute("uniquename")!.Value).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var parameter in expected)
        {
            var xml = actual.Single(p => p.Attribute("uniquename")!.Value == parameter.Name);
            Assert.Equal(api.UniqueName + "." + parameter.Name, xml.Element("name")!.Value);
            Assert.Equal(CustomApiXml.ParameterTypes[parameter.Type].ToString(System.Globalization.CultureInfo.InvariantCulture), xml.Element("type")!.Value);
            if (request)
            {
                Assert.Equal(parameter.Optional ? "1" : "0", xml.Element("isoptional")!.Value);
            }
            else
            {
                Assert.Null(xml.Element("isoptional")); // not valid on a response property: the import fails
            }

            if (parameter.Type is "EntityReference" or "Entity")
            {
                Assert.True(Source.Tables.ContainsKey(xml.Element("logicalentityname")!.Value), $"{api.UniqueName}.{parameter.Name} names no table of the solution");
            }
        }
    }
}
