using System;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>WebResources/&lt;name&gt;.data.xml: a web resource's declaration (its content file sits beside it).</summary>
    public static class WebResourceXml
    {
        public static XElement Render(WebResource resource) =>
            new("WebResource", XsiAttribute(),
                new XElement("WebResourceId", Braced(resource.Id)),
                new XElement("Name", resource.Name),
                new XElement("DisplayName", resource.DisplayName),
                new XElement("WebResourceType", Text(resource.Type)),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsEnabledForMobileClient", "0"),
                new XElement("IsAvailableForMobileOffline", "0"),
                new XElement("DependencyXml"),
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", "1"),
                new XElement("IsHidden", "0"),
                new XElement("FileName", SolutionLayout.ZipPath(SolutionLayout.WebResource(resource))));
    }
}
