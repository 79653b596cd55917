using System;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>environmentvariabledefinitions/&lt;name&gt;/environmentvariabledefinition.xml.</summary>
    public static class EnvironmentVariableXml
    {
        public static XElement Render(EnvironmentVariable variable) =>
            new("environmentvariabledefinition", new XAttribute("schemaname", variable.SchemaName),
                new XElement("defaultvalue", variable.DefaultValue),
                new XElement("description", new XAttribute("default", variable.Description), Label("label", variable.Description)),
                new XElement("displayname", new XAttribute("default", variable.DisplayName), Label("label", variable.DisplayName)),
                new XElement("introducedversion", IntroducedVersion),
                new XElement("iscustomizable", "1"),
                new XElement("isrequired", "0"),
                new XElement("secretstore", "0"),
                new XElement("type", Text(variable.Type)));
    }
}
