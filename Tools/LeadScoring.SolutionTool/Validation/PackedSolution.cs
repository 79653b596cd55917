using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace LeadScoring.SolutionTool.Validation
{
    /// <summary>A packed solution zip, read: its manifest, customizations.xml, the Custom API files and the names of every entry.</summary>
    public sealed class PackedSolution
    {
        public PackedSolution(ZipArchive zip)
        {
            Entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            XDocument Load(string name)
            {
                var entry = zip.GetEntry(name) ?? throw new SolutionToolException($"The zip has no {name}: it is not a packed solution.");
                using var stream = entry.Open();
                return XDocument.Load(stream);
            }

            Manifest = Load("solution.xml").Root!.Element("SolutionManifest") ?? throw new SolutionToolException("solution.xml has no SolutionManifest.");
            Customizations = Load("customizations.xml");
            CustomApis = zip.Entries.Where(e => e.FullName.StartsWith("customapis/", StringComparison.Ordinal) && e.Name == "customapi.xml")
                .Select(e => Load(e.FullName).Root!).ToList();
            Texts = zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal) || e.FullName.EndsWith(".xaml", StringComparison.Ordinal))
                .ToDictionary(e => e.FullName, e =>
                {
                    using var reader = new StreamReader(e.Open());
                    return reader.ReadToEnd();
                }, StringComparer.Ordinal);
        }

        public IReadOnlySet<string> Entries { get; }

        public XElement Manifest { get; }

        public XDocument Customizations { get; }

        public IReadOnlyList<XElement> CustomApis { get; }

        /// <summary>The flows' .json and the classic workflows' .xaml files, by zip path.</summary>
        public IReadOnlyDictionary<string, string> Texts { get; }

        public XElement Root => Customizations.Root!;
    }
}
