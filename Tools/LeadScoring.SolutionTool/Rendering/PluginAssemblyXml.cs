using System;
using System.Linq;
using System.Xml.Linq;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>PluginAssemblies/&lt;name&gt;-&lt;ID&gt;/&lt;name&gt;.dll.data.xml: the assembly and its plug-in types.</summary>
    public static class PluginAssemblyXml
    {
        public static XElement Render(SolutionInputs inputs)
        {
            var config = inputs.Config;
            string assemblyFullName = inputs.AssemblyFullName;
            var assembly = config.PluginAssembly;
            var activities = config.WorkflowActivities.ToDictionary(a => a.Type);
            var pluginTypes = config.Steps.Select(s => s.Plugin).Concat(config.CustomApis.Select(a => a.Plugin))
                .Concat(config.WorkflowActivities.Select(a => a.Type))
                .Distinct().OrderBy(t => t, StringComparer.Ordinal);
            return new XElement("PluginAssembly",
                new XAttribute("FullName", assemblyFullName),
                new XAttribute("PluginAssemblyId", assembly.Id.ToString("D")),
                new XAttribute("CustomizationLevel", "1"),
                XsiAttribute(),
                new XElement("Description", "Lead scoring plug-ins, Custom API handlers and custom workflow activities."),
                new XElement("IsolationMode", assembly.IsolationMode == "Sandbox" ? "2" : "1"),
                new XElement("SourceType", assembly.SourceType == "Database" ? "0" : "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("FileName", SolutionLayout.ZipPath(SolutionLayout.Assembly(assembly))),
                new XElement("PluginTypes", pluginTypes.Select(type =>
                {
                    var element = new XElement("PluginType",
                        new XAttribute("AssemblyQualifiedName", type + ", " + assemblyFullName),
                        new XAttribute("PluginTypeId", inputs.PluginTypeId(type).ToString("D")),
                        new XAttribute("Name", activities.TryGetValue(type, out var activity) ? activity.Name : type));
                    element.Add(new XElement("FriendlyName", activity?.Name ?? type));
                    if (activity != null)
                    {
                        element.Add(new XElement("WorkflowActivityGroupName", activity.Group));
                    }

                    return element;
                })));
        }
    }
}
