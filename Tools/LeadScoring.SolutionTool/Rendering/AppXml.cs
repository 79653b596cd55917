using System;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>AppModules/ and AppModuleSiteMaps/: the model-driven app and its site map.</summary>
    public static class AppXml
    {
        /// <summary>The default model-driven app icon web resource every org has (what an exported app without its own icon names).</summary>
        public const string DefaultAppIcon = "953b9fac-1e5e-e611-80d6-00155ded156f";

        public static XElement Render(AppModule app)
        {
            var tables = app.Groups.SelectMany(g => g.SubAreas).OfType<TableSubArea>().Select(s => s.Table).Distinct().ToHashSet();
            var components = new XElement("AppModuleComponents",
                new XElement("AppModuleComponent", new XAttribute("type", "62"), new XAttribute("schemaName", app.UniqueName)));
            foreach (string table in tables.OrderBy(t => t, StringComparer.Ordinal))
            {
                components.Add(new XElement("AppModuleComponent", new XAttribute("type", "1"), new XAttribute("schemaName", table)));
            }

            foreach (var form in Forms.All.Where(f => tables.Contains(f.Table)))
            {
                components.Add(new XElement("AppModuleComponent", new XAttribute("type", "60"), new XAttribute("id", Braced(form.Id))));
            }

            foreach (var view in Views.All.Where(v => tables.Contains(v.Table)))
            {
                components.Add(new XElement("AppModuleComponent", new XAttribute("type", "26"), new XAttribute("id", Braced(view.Id))));
            }

            foreach (var chart in Reporting.Charts.Where(c => tables.Contains(c.Table)))
            {
                components.Add(new XElement("AppModuleComponent", new XAttribute("type", "59"), new XAttribute("id", Braced(chart.Id))));
            }

            components.Add(new XElement("AppModuleComponent", new XAttribute("type", "60"), new XAttribute("id", Braced(Reporting.Health.Id))));

            return new XElement("AppModule",
                new XElement("UniqueName", app.UniqueName),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("WebResourceId", DefaultAppIcon),
                new XElement("OptimizedFor"),
                new XElement("statecode", "0"),
                new XElement("statuscode", "1"),
                new XElement("FormFactor", "1"),
                new XElement("ClientType", "4"),
                new XElement("NavigationType", "0"),
                components,
                new XElement("AppModuleRoleMaps", app.Roles.Select(name => new XElement("Role",
                    new XAttribute("id", Braced(Security.Roles.Single(r => r.Name == name).Id))))),
                Labels("LocalizedNames", "LocalizedName", app.Name),
                Labels("Descriptions", "Description", app.Description));
        }

        public static XElement SiteMap(AppModule app) =>
            new("AppModuleSiteMap", XsiAttribute(),
                new XElement("SiteMapUniqueName", app.UniqueName),
                new XElement("EnableCollapsibleGroups", "False"),
                new XElement("ShowHome", "True"),
                new XElement("ShowPinned", "True"),
                new XElement("ShowRecents", "True"),
                new XElement("SiteMap", new XAttribute("IntroducedVersion", "7.0.0.0"),
                    new XElement("Area", new XAttribute("Id", "ls_leadscoring"), new XAttribute("ShowGroups", "true"), new XAttribute("IntroducedVersion", "7.0.0.0"),
                        new XElement("Titles", new XElement("Title", new XAttribute("LCID", Language), new XAttribute("Title", app.Name))),
                        app.Groups.Select(group => new XElement("Group", new XAttribute("Id", group.Id), new XAttribute("IsProfile", "false"), new XAttribute("IntroducedVersion", "7.0.0.0"),
                            new XElement("Titles", new XElement("Title", new XAttribute("LCID", Language), new XAttribute("Title", group.Title))),
                            group.SubAreas.Select(SubAreaXml))))),
                Labels("LocalizedNames", "LocalizedName", app.Name));

        private static XElement SubAreaXml(SubArea subArea)
        {
            var element = new XElement("SubArea", new XAttribute("Id", subArea.Id));
            switch (subArea)
            {
                case TableSubArea table:
                    element.Add(new XAttribute("Entity", table.Table));
                    break;
                case WebResourceSubArea web:
                    element.Add(new XAttribute("Url", "$webresource:" + web.WebResource));
                    break;
                case DashboardSubArea dashboard:
                    element.Add(new XAttribute("Url", "/workplace/home_dashboards.aspx"), new XAttribute("DefaultDashboard", Braced(dashboard.Dashboard)));
                    break;
            }

            element.Add(new XAttribute("Client", "All"), new XAttribute("AvailableOffline", "false"), new XAttribute("PassParams", "false"),
                new XAttribute("IntroducedVersion", "7.0.0.0"),
                new XElement("Titles", new XElement("Title", new XAttribute("LCID", Language), new XAttribute("Title", subArea.Title))));
            return element;
        }
    }
}
