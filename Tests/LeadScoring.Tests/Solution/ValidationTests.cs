using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool;
using LeadScoring.SolutionTool.Validation;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// `validate`: the packed zips hold against Microsoft's solution schemas (with the cited allow-list of
/// newer elements) and against the semantic check; each defect it exists for is caught.
/// </summary>
public sealed class ValidationTests : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "leadscoring-validate-test-" + Guid.NewGuid().ToString("N"));
    private readonly PackResult packed;

    public ValidationTests()
    {
        Directory.CreateDirectory(temp);
        packed = TestPack.Pack(Path.Combine(temp, "out"), TestPack.WebResources(temp));
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [SchemaFact]
    public void Both_zips_validate_with_no_errors_through_the_validate_command()
    {
        var output = new StringWriter();
        int exit = Program.Run(new[] { "validate", "--repo", RepositoryRoot.Path, "--schemas", SchemaFactAttribute.Folder, "--out", Path.Combine(temp, "out") }, output, TextWriter.Null);
        Assert.True(exit == 0, output.ToString());
        Assert.Contains("LeadScoring.zip: 0 error(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("LeadScoring_managed.zip: 0 error(s)", output.ToString(), StringComparison.Ordinal);

        // Only allow-listed elements were let through, and each entry cites a real export.
        var report = SolutionValidator.Validate(packed.UnmanagedZip, SchemaFactAttribute.Folder);
        Assert.All(report.AllowedElements.Keys, entry => Assert.Contains(entry, SchemaAllowList.Entries));
        Assert.All(SchemaAllowList.Entries, entry => Assert.StartsWith("as in ", entry.Why, StringComparison.Ordinal));
    }

    [SchemaFact]
    public void A_field_permission_written_with_attributes_is_a_schema_error()
    {
        string zip = Rewrite(customizations: c =>
        {
            foreach (var permission in c.Descendants("FieldPermission").ToList())
            {
                permission.ReplaceWith(new XElement("FieldPermission",
                    new XAttribute("entityname", permission.Element("EntityName")!.Value),
                    new XAttribute("attributelogicalname", permission.Element("AttributeName")!.Value),
                    new XAttribute("canread", permission.Element("CanRead")!.Value)));
            }
        });

        var errors = SolutionValidator.Validate(zip, SchemaFactAttribute.Folder).Errors;
        Assert.Contains(errors, e => e.Part == "customizations.xml" && e.Where.Contains("FieldPermission", StringComparison.Ordinal) && e.Message.Contains("entityname", StringComparison.Ordinal));
    }

    [SchemaFact]
    public void Web_resources_after_the_service_endpoints_and_a_late_trigger_list_are_schema_errors()
    {
        string zip = Rewrite(customizations: c =>
        {
            var webResources = c.Root!.Element("WebResources")!;
            webResources.Remove();
            c.Root.Element("ServiceEndpoints")!.AddAfterSelf(webResources);
            var trigger = c.Descendants("TriggerOnUpdateAttributeList").First();
            var workflow = trigger.Parent!;
            trigger.Remove();
            workflow.Element("PrimaryEntity")!.AddAfterSelf(trigger);
        });

        var errors = SolutionValidator.Validate(zip, SchemaFactAttribute.Folder).Errors;
        Assert.Contains(errors, e => e.Where == "/ImportExportXml/WebResources");
        Assert.Contains(errors, e => e.Where.EndsWith("/TriggerOnUpdateAttributeList", StringComparison.Ordinal));
    }

    [SchemaFact]
    public void A_broken_chart_data_description_is_a_schema_error()
    {
        string zip = Rewrite(customizations: c => c.Descendants("categorycollection").First().Remove());
        var errors = SolutionValidator.Validate(zip, SchemaFactAttribute.Folder).Errors;
        Assert.Contains(errors, e => e.Part.StartsWith("chart ", StringComparison.Ordinal) && e.Part.EndsWith("datadescription", StringComparison.Ordinal));
    }

    [Fact]
    public void The_packed_zips_pass_the_semantic_check()
    {
        foreach (string zip in new[] { packed.UnmanagedZip, packed.ManagedZip })
        {
            Assert.Empty(Semantics(zip));
        }
    }

    [Fact]
    public void A_connection_reference_as_a_root_component_of_type_371_is_an_error()
    {
        string zip = Rewrite(solution: s => s.Descendants("RootComponents").Single().Add(
            new XElement("RootComponent", new XAttribute("type", 371), new XAttribute("schemaName", "ls_LeadScoringDataverse"), new XAttribute("behavior", 0))));
        Assert.Contains(Semantics(zip), e => e.Where.Contains("type 371", StringComparison.Ordinal) && e.Message.Contains("Learn", StringComparison.Ordinal));
    }

    [Fact]
    public void A_root_component_that_is_not_in_the_package_is_an_error_and_so_is_an_assembly_without_its_full_name()
    {
        string zip = Rewrite(
            solution: s =>
            {
                s.Descendants("RootComponent").First(r => (string)r.Attribute("type")! == "61").SetAttributeValue("schemaName", "ls_/scripts/gone.js");
                s.Descendants("RootComponent").Single(r => (string)r.Attribute("type")! == "91").Attribute("schemaName")!.Remove();
            });
        var errors = Semantics(zip);
        Assert.Contains(errors, e => e.Where.Contains("ls_/scripts/gone.js", StringComparison.Ordinal) && e.Message.Contains("Web Resource", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Where.StartsWith("solution.xml RootComponent type 91", StringComparison.Ordinal) && e.Message.Contains("full name", StringComparison.Ordinal));
    }

    [Fact]
    public void Steps_forms_and_flows_that_name_what_the_package_lacks_are_errors()
    {
        string zip = Rewrite(customizations: c =>
        {
            c.Descendants("SdkMessageProcessingStep").First().Element("PluginTypeId")!.Value = Guid.Empty.ToString("D");
            var resource = c.Root!.Element("WebResources")!.Elements("WebResource").First(w => c.Descendants("Url").Any(u => u.Value == w.Element("Name")!.Value));
            resource.Remove();
            c.Descendants("savedquery").First(v => c.Descendants("ViewId").Any(id => Guid.Parse(id.Value) == Guid.Parse(v.Element("savedqueryid")!.Value))).Remove();
            c.Root.Element("connectionreferences")!.Elements().First().Remove();
        });

        var errors = Semantics(zip);
        Assert.Contains(errors, e => e.Where.StartsWith("step ", StringComparison.Ordinal) && e.Message.Contains("plug-in type", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Where.StartsWith("form ", StringComparison.Ordinal) && e.Message.Contains("web resource", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("a grid shows view", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Where.StartsWith("Workflows/", StringComparison.Ordinal) && e.Message.Contains("connection reference", StringComparison.Ordinal));
    }

    [Fact]
    public void A_flow_calling_a_custom_api_the_package_lacks_is_an_error()
    {
        string zip = Rewrite(entries: (name, text) => name.EndsWith(".json", StringComparison.Ordinal) ? text.Replace("\"ls_ApplyScoreDecay\"", "\"ls_Gone\"", StringComparison.Ordinal) : text);
        Assert.Contains(Semantics(zip), e => e.Message.Contains("ls_Gone", StringComparison.Ordinal) && e.Message.Contains("Custom API", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_without_schemas_says_what_it_needs()
    {
        var errors = new StringWriter();
        Assert.Equal(1, Program.Run(new[] { "validate", "--repo", RepositoryRoot.Path, "--out", Path.Combine(temp, "out") }, TextWriter.Null, errors));
        Assert.Contains("--schemas DIR", errors.ToString(), StringComparison.Ordinal);

        errors = new StringWriter();
        Assert.Equal(1, Program.Run(new[] { "validate", "--repo", RepositoryRoot.Path, "--out", Path.Combine(temp, "out"), "--schemas", Path.Combine(temp, "none") }, TextWriter.Null, errors));
        Assert.Contains("No schema folder at", errors.ToString(), StringComparison.Ordinal);
    }

    private static System.Collections.Generic.IReadOnlyList<ValidationError> Semantics(string zip)
    {
        var report = new ValidationReport(zip);
        using var archive = ZipFile.OpenRead(zip);
        SemanticCheck.Run(new PackedSolution(archive), report);
        return report.Errors;
    }

    /// <summary>A copy of the unmanaged zip with customizations.xml, solution.xml or text entries changed.</summary>
    private string Rewrite(Action<XDocument>? customizations = null, Action<XDocument>? solution = null, Func<string, string, string>? entries = null)
    {
        string copy = Path.Combine(temp, Guid.NewGuid().ToString("N") + ".zip");
        File.Copy(packed.UnmanagedZip, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        foreach (var entry in zip.Entries.ToList())
        {
            string text;
            using (var reader = new StreamReader(entry.Open()))
            {
                text = reader.ReadToEnd();
            }

            var change = entry.FullName switch
            {
                "customizations.xml" => customizations,
                "solution.xml" => solution,
                _ => null,
            };
            string changed = change != null ? Edit(text, change) : entries != null && !entry.FullName.EndsWith(".dll", StringComparison.Ordinal) ? entries(entry.FullName, text) : text;
            if (changed == text)
            {
                continue;
            }

            string name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(changed);
        }

        return copy;
    }

    private static string Edit(string xml, Action<XDocument> change)
    {
        var document = XDocument.Parse(xml);
        change(document);
        return document.ToString();
    }
}
