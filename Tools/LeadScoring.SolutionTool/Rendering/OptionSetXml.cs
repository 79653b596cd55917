using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>OptionSets/&lt;name&gt;.xml: a global choice.</summary>
    public static class OptionSetXml
    {
        public static XElement Render(Choice choice) =>
            new("optionset", new XAttribute("Name", choice.Name), new XAttribute("localizedName", choice.Label), XsiAttribute(),
                new XElement("OptionSetType", "picklist"),
                new XElement("IsGlobal", "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("ExternalTypeName"),
                Labels("displaynames", "displayname", choice.Label),
                Labels("Descriptions", "Description", choice.Description),
                new XElement("options", choice.Options.Select(o => new XElement("option",
                    new XAttribute("value", Text(o.Value)),
                    new XAttribute("ExternalValue", ""),
                    new XAttribute("IsHidden", "0"),
                    Labels("labels", "label", o.Label)))));
    }
}
