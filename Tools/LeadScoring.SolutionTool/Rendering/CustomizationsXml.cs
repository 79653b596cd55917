using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>
    /// Other/Customizations.xml as `pac solution unpack` leaves it: the components that have their own files
    /// are empty elements here (the packer fills them in); the field security profile and the connection
    /// references live here.
    /// </summary>
    public static class CustomizationsXml
    {
        public static XElement Render()
        {
            var profile = Security.ScoreReaders;
            return new XElement("ImportExportXml", XsiAttribute(),
                new XElement("Entities"),
                new XElement("Roles"),
                new XElement("Workflows"),
                new XElement("FieldSecurityProfiles",
                    new XElement("FieldSecurityProfile",
                        new XAttribute("fieldsecurityprofileid", Braced(profile.Id)),
                        new XAttribute("name", profile.Name),
                        new XAttribute("description", profile.Description),
                        // Child elements in the schema's order (FieldPermissionsType), CanReadUnmasked last as
                        // exports write it. field_security_permission_type: 0 Not Allowed, 4 Allowed.
                        new XElement("FieldPermissions", profile.Permissions.Select(p => new XElement("FieldPermission",
                            new XElement("EntityName", p.Table),
                            new XElement("AttributeName", p.Column),
                            new XElement("CanRead", p.CanRead ? "4" : "0"),
                            new XElement("CanUpdate", p.CanUpdate ? "4" : "0"),
                            new XElement("CanCreate", p.CanCreate ? "4" : "0"),
                            new XElement("CanReadUnmasked", "0")))))),
                new XElement("Templates"),
                new XElement("EntityMaps"),
                new XElement("EntityRelationships"),
                new XElement("OrganizationSettings"),
                new XElement("optionsets"),
                new XElement("Dashboards"),
                // The schema's sequence: Dashboards, (InteractionCentricDashboards, Dialogs,) WebResources, CustomControls.
                new XElement("WebResources"),
                new XElement("CustomControls"),
                new XElement("SolutionPluginAssemblies"),
                new XElement("SdkMessageProcessingSteps"),
                new XElement("ServiceEndpoints"),
                new XElement("AppModuleSiteMaps"),
                new XElement("AppModules"),
                new XElement("EntityDataProviders"),
                new XElement("connectionreferences", Automation.ConnectionReferences.Select(c => new XElement("connectionreference",
                    new XAttribute("connectionreferencelogicalname", c.LogicalName),
                    new XElement("connectionreferencedisplayname", c.DisplayName),
                    new XElement("connectorid", c.ConnectorId),
                    new XElement("description", c.Description),
                    new XElement("iscustomizable", "1"),
                    new XElement("promptingbehavior", "0"),
                    new XElement("statecode", "0"),
                    new XElement("statuscode", "1")))),
                new XElement("Languages", new XElement("Language", Language)));
        }
    }
}
