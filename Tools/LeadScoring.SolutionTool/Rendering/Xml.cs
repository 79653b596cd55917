using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>What every renderer writes the same way: labels, flags, braced ids, and the file bytes.</summary>
    public static class Xml
    {
        public const string IntroducedVersion = "1.0.0.0";
        public const int Language = 1033;

        public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        /// <summary>An XML file as the solution holds it: UTF-8 without BOM, two-space indent, "\n" line ends.</summary>
        public static string Serialize(XElement element)
        {
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), element);
            using var stream = new MemoryStream();
            var settings = new XmlWriterSettings
            {
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                Encoding = new UTF8Encoding(false),
            };
            using (var writer = XmlWriter.Create(stream, settings))
            {
                document.Save(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        public static string Braced(Guid id) => "{" + id.ToString("D") + "}";

        public static string Bit(bool value) => value ? "1" : "0";

        public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static XAttribute XsiAttribute() => new(XNamespace.Xmlns + "xsi", Xsi.NamespaceName);

        /// <summary>&lt;LocalizedNames&gt;&lt;LocalizedName description=… languagecode=1033 /&gt;&lt;/LocalizedNames&gt; and its kin.</summary>
        public static XElement Labels(string elementName, string labelName, string text) =>
            new(elementName, Label(labelName, text));

        /// <summary>One label: &lt;label description=… languagecode=1033 /&gt;.</summary>
        public static XElement Label(string labelName, string text) =>
            new(labelName, new XAttribute("description", text), new XAttribute("languagecode", Language));
    }
}
