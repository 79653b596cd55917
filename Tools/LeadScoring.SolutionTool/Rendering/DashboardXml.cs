using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Dashboards/{id}.xml: a dashboard of view and chart tiles.</summary>
    public static class DashboardXml
    {
        public static XElement Render(Dashboard dashboard)
        {
            Guid Id(string part) => StableId.For("dashboard", dashboard.Key + "/" + part);
            var rows = new XElement("rows");
            int index = 0;
            foreach (var line in dashboard.Rows)
            {
                int span = line.Max(t => t.Rows);
                rows.Add(new XElement("row", line.Select(tile =>
                {
                    index++;
                    return new XElement("cell",
                        new XAttribute("id", Braced(Id("cell/" + index.ToString(CultureInfo.InvariantCulture)))),
                        new XAttribute("showlabel", "true"), new XAttribute("colspan", Text(tile.ColumnSpan)), new XAttribute("rowspan", Text(tile.Rows)), new XAttribute("auto", "false"),
                        Labels("labels", "label", tile.Label),
                        new XElement("control",
                            new XAttribute("id", "ls_tile" + index.ToString(CultureInfo.InvariantCulture)),
                            new XAttribute("classid", Controls.Subgrid),
                            new XAttribute("indicationOfSubgrid", "true"),
                            new XElement("parameters",
                                new XElement("TargetEntityType", tile.View.Table),
                                new XElement("ChartGridMode", tile.Chart == null ? "Grid" : "Chart"),
                                new XElement("EnableQuickFind", "false"),
                                new XElement("EnableViewPicker", "false"),
                                new XElement("EnableJumpBar", "false"),
                                new XElement("RecordsPerPage", Text(tile.Rows)),
                                new XElement("ViewId", Braced(tile.View.Id)),
                                new XElement("IsUserView", "false"),
                                new XElement("ViewIds", Braced(tile.View.Id)),
                                new XElement("AutoExpand", "Fixed"),
                                new XElement("VisualizationId", tile.Chart == null ? null : Braced(tile.Chart.Id)),
                                new XElement("IsUserChart", "false"),
                                new XElement("EnableChartPicker", "false"),
                                new XElement("RelationshipName"))));
                })));
                for (int i = 1; i < span; i++)
                {
                    rows.Add(new XElement("row"));
                }
            }

            int columns = dashboard.Rows.Max(r => r.Sum(t => t.ColumnSpan));
            return new XElement("Dashboard", XsiAttribute(),
                Labels("LocalizedNames", "LocalizedName", dashboard.Name),
                Labels("Descriptions", "Description", dashboard.Description),
                new XElement("FormId", Braced(dashboard.Id)),
                new XElement("IsCustomizable", "1"),
                new XElement("IsDefault", "0"),
                new XElement("FormXml", new XElement("forms", new XAttribute("type", "dashboard"), new XElement("form",
                    new XElement("tabs", new XElement("tab", new XAttribute("showlabel", "false"), new XAttribute("verticallayout", "true"), new XAttribute("id", Braced(Id("tab"))),
                        Labels("labels", "label", dashboard.Name),
                        new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                            new XElement("sections", new XElement("section", new XAttribute("showlabel", "false"), new XAttribute("showbar", "false"),
                                new XAttribute("columns", new string('1', columns)), new XAttribute("id", Braced(Id("section"))),
                                Labels("labels", "label", dashboard.Name),
                                rows)))))),
                    new XElement("controlDescriptions")))),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsTabletEnabled", "0"));
        }
    }
}
