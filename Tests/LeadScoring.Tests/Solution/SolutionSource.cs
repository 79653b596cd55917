using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// The committed unpacked solution (Solution/), read straight from its XML files: the tests check what
/// would be packed and imported, not the definition it was generated from.
/// </summary>
internal sealed class SolutionSource
{
    public static SolutionSource Committed { get; } = new(System.IO.Path.Combine(RepositoryRoot.Path, "Solution"));

    public SolutionSource(string folder)
    {
        Folder = folder;
        foreach (string entityFile in Files("Entities", "Entity.xml"))
        {
            var root = XDocument.Load(entityFile).Root!;
            string table = root.Element("EntityInfo")!.Element("entity")!.Attribute("Name")!.Value.ToLowerInvariant();
            string entityFolder = System.IO.Path.GetDirectoryName(entityFile)!;
            Tables[table] = new TableSource(table, root,
                root.Descendants("attribute").ToDictionary(a => a.Element("LogicalName")!.Value, StringComparer.Ordinal),
                Directory.Exists(System.IO.Path.Combine(entityFolder, "FormXml"))
                    ? Directory.EnumerateFiles(System.IO.Path.Combine(entityFolder, "FormXml"), "*.xml", SearchOption.AllDirectories).Select(f => XDocument.Load(f).Root!.Element("systemform")!).ToList()
                    : new List<XElement>(),
                Directory.Exists(System.IO.Path.Combine(entityFolder, "SavedQueries"))
                    ? Directory.EnumerateFiles(System.IO.Path.Combine(entityFolder, "SavedQueries"), "*.xml").Select(f => XDocument.Load(f).Root!.Element("savedquery")!).ToList()
                    : new List<XElement>(),
                Directory.Exists(System.IO.Path.Combine(entityFolder, "Visualizations"))
                    ? Directory.EnumerateFiles(System.IO.Path.Combine(entityFolder, "Visualizations"), "*.xml").Select(f => XDocument.Load(f).Root!).ToList()
                    : new List<XElement>());
        }

        foreach (string file in Files("OptionSets", "*.xml"))
        {
            var root = XDocument.Load(file).Root!;
            OptionSets[root.Attribute("Name")!.Value] = root.Descendants("option").ToDictionary(
                o => int.Parse(o.Attribute("value")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                o => o.Element("labels")!.Element("label")!.Attribute("description")!.Value);
        }

        Steps = Files("SdkMessageProcessingSteps", "*.xml").Select(f => XDocument.Load(f).Root!).ToList();
        PluginAssemblies = Files("PluginAssemblies", "*.data.xml").Select(f => XDocument.Load(f).Root!).ToList();
        WebResources = Files("WebResources", "*.data.xml").Select(f => XDocument.Load(f).Root!).ToList();
        Roles = Files("Roles", "*.xml").Select(f => XDocument.Load(f).Root!).ToList();
        Relationships = Files(System.IO.Path.Combine("Other", "Relationships"), "*.xml").SelectMany(f => XDocument.Load(f).Root!.Elements("EntityRelationship")).ToList();
        AppModules = Files("AppModules", "AppModule.xml").Select(f => XDocument.Load(f).Root!).ToList();
        SiteMaps = Files("AppModuleSiteMaps", "AppModuleSiteMap.xml").Select(f => XDocument.Load(f).Root!).ToList();
        Manifest = XDocument.Load(Path("Other", "Solution.xml")).Root!.Element("SolutionManifest")!;
        Customizations = XDocument.Load(Path("Other", "Customizations.xml")).Root!;
        foreach (string folderOfApi in Directory.Exists(Path("customapis")) ? Directory.EnumerateDirectories(Path("customapis")) : Enumerable.Empty<string>())
        {
            var api = XDocument.Load(System.IO.Path.Combine(folderOfApi, "customapi.xml")).Root!;
            CustomApis[api.Attribute("uniquename")!.Value] = new CustomApiSource(api,
                Under(folderOfApi, "customapirequestparameters", "customapirequestparameter.xml"),
                Under(folderOfApi, "customapiresponseproperties", "customapiresponseproperty.xml"));
        }
    }

    public string Folder { get; }

    public Dictionary<string, TableSource> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>Global choice name → value → label.</summary>
    public Dictionary<string, Dictionary<int, string>> OptionSets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CustomApiSource> CustomApis { get; } = new(StringComparer.Ordinal);

    public List<XElement> Steps { get; }

    public List<XElement> PluginAssemblies { get; }

    public List<XElement> WebResources { get; }

    public List<XElement> Roles { get; }

    public List<XElement> Relationships { get; }

    public List<XElement> AppModules { get; }

    public List<XElement> SiteMaps { get; }

    public XElement Manifest { get; }

    public XElement Customizations { get; }

    public IEnumerable<XElement> RootComponents => Manifest.Element("RootComponents")!.Elements("RootComponent");

    public IEnumerable<XElement> FieldPermissions => Customizations.Descendants("FieldPermission");

    public IEnumerable<(string Table, XElement Form)> Forms => Tables.Values.SelectMany(t => t.Forms.Select(f => (t.Name, f)));

    public IEnumerable<(string Table, XElement View)> Views => Tables.Values.SelectMany(t => t.Views.Select(v => (t.Name, v)));

    public string Path(params string[] parts) => System.IO.Path.Combine(new[] { Folder }.Concat(parts).ToArray());

    public IEnumerable<string> Files(string folder, string pattern) =>
        Directory.Exists(Path(folder))
            ? Directory.EnumerateFiles(Path(folder), pattern, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
            : Enumerable.Empty<string>();

    /// <summary>The column's Entity.xml attribute element, or null when the solution does not define it.</summary>
    public XElement? Column(string table, string column) =>
        Tables.TryGetValue(table, out var source) && source.Columns.TryGetValue(column, out var attribute) ? attribute : null;

    public static string ViewName(XElement view) => view.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value;

    public static string FormName(XElement form) => form.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value;

    private static List<XElement> Under(string folder, string sub, string file) =>
        Directory.Exists(System.IO.Path.Combine(folder, sub))
            ? Directory.EnumerateDirectories(System.IO.Path.Combine(folder, sub)).Select(d => XDocument.Load(System.IO.Path.Combine(d, file)).Root!).ToList()
            : new List<XElement>();
}

internal sealed record TableSource(string Name, XElement Entity, Dictionary<string, XElement> Columns, List<XElement> Forms, List<XElement> Views, List<XElement> Charts)
{
    public bool IsNew => Entity.Element("EntityInfo")!.Element("entity")!.Attribute("unmodified") == null;

    public string Type(string column) => Columns[column].Element("Type")!.Value;
}

internal sealed record CustomApiSource(XElement Api, List<XElement> RequestParameters, List<XElement> ResponseProperties)
{
    public string Value(string element) => Api.Element(element)?.Value ?? "";
}
