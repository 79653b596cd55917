using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace LeadScoring.SolutionTool.Validation
{
    /// <summary>
    /// Validates a packed solution's customizations.xml against Microsoft's solution schemas
    /// (CustomizationsSolution.xsd, which includes FormXml.xsd, Fetch.xsd, SiteMapType.xsd and the ribbon
    /// schemas), and each chart's data description against VisualizationDataDescription.xsd with its
    /// FetchXML against Fetch.xsd, using .NET's System.Xml.Schema. Elements newer than the schema are
    /// taken out first, and only those SchemaAllowList names.
    /// </summary>
    public static class SchemaValidator
    {
        public const string CustomizationsSchema = "CustomizationsSolution.xsd";
        public const string ChartSchema = "VisualizationDataDescription.xsd";
        public const string FetchSchema = "Fetch.xsd";

        public static void Validate(XDocument customizations, string schemaFolder, ValidationReport report)
        {
            foreach (string file in new[] { CustomizationsSchema, ChartSchema, FetchSchema })
            {
                if (!File.Exists(Path.Combine(schemaFolder, file)))
                {
                    throw new SolutionToolException($"The schema folder {schemaFolder} has no {file}. Pass the folder that holds Microsoft's solution schemas (CustomizationsSolution.xsd and the files it includes).");
                }
            }

            var document = new XDocument(customizations);
            foreach (var entry in SchemaAllowList.Entries)
            {
                var newer = entry.IsAttribute
                    ? document.Descendants(entry.Parent).Attributes(entry.Element[1..]).Cast<XObject>().ToList()
                    : document.Descendants(entry.Element).Where(e => e.Parent?.Name.LocalName == entry.Parent).Cast<XObject>().ToList();
                newer.ForEach(node => (node as XAttribute)?.Remove());
                newer.OfType<XElement>().ToList().ForEach(e => e.Remove());
                if (newer.Count > 0)
                {
                    report.Allowed(entry, newer.Count);
                }
            }

            Check(document, Schemas(schemaFolder, CustomizationsSchema), "customizations.xml", report);

            var charts = Schemas(schemaFolder, ChartSchema);
            var fetch = Schemas(schemaFolder, FetchSchema);
            foreach (var definition in customizations.Descendants("datadescription").Elements("datadefinition"))
            {
                string chart = "chart " + (definition.Parent!.Parent!.Element("savedqueryvisualizationid")?.Value ?? "(no id)");
                Check(new XDocument(new XElement(definition)), charts, chart + " datadescription", report);
                foreach (var query in definition.Descendants("fetch"))
                {
                    Check(new XDocument(new XElement(query)), fetch, chart + " fetch", report);
                }
            }
        }

        private static XmlSchemaSet Schemas(string folder, string file)
        {
            var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            using (var reader = XmlReader.Create(Path.Combine(folder, file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            {
                set.Add(null, reader);
            }

            set.Compile();
            return set;
        }

        private static void Check(XDocument document, XmlSchemaSet schemas, string part, ValidationReport report)
        {
            // Validate writes the schema's defaults into the document; the copy keeps the caller's intact.
            new XDocument(document).Validate(schemas, (sender, e) =>
                report.Error(part, Where(sender as XObject), e.Message));
        }

        /// <summary>Where a problem is: the element's path, with the name or id that tells repeated elements apart.</summary>
        private static string Where(XObject? node)
        {
            var element = node as XElement ?? node?.Parent;
            var steps = new List<string>();
            for (var e = element; e != null; e = e.Parent)
            {
                string? key = (string?)e.Attribute("Name") ?? (string?)e.Attribute("name") ?? (string?)e.Attribute("id")
                    ?? e.Element("formid")?.Value ?? e.Element("savedqueryid")?.Value;
                steps.Add(key == null ? e.Name.LocalName : $"{e.Name.LocalName}[{key}]");
            }

            steps.Reverse();
            return "/" + string.Join("/", steps);
        }
    }
}
