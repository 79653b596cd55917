using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Entities/&lt;table&gt;/Visualizations/{id}.xml: a system chart.</summary>
    public static class ChartXml
    {
        public static XElement Render(Chart chart)
        {
            var table = Tables.All.Single(t => t.Name == chart.Table);
            var entity = new XElement("entity", new XAttribute("name", chart.Table));
            var category = new XElement("attribute", new XAttribute("name", chart.Category), new XAttribute("groupby", "true"), new XAttribute("alias", "category"));
            if (chart.DateGrouping != null)
            {
                category.Add(new XAttribute("dategrouping", chart.DateGrouping));
            }

            entity.Add(category);
            if (chart.Series != null)
            {
                entity.Add(new XElement("attribute", new XAttribute("name", chart.Series), new XAttribute("groupby", "true"), new XAttribute("alias", "series")));
            }

            entity.Add(new XElement("attribute", new XAttribute("name", table.PrimaryKey), new XAttribute("aggregate", "count"), new XAttribute("alias", "count")));
            return new XElement("visualization", XsiAttribute(),
                new XElement("savedqueryvisualizationid", Braced(chart.Id)),
                new XElement("datadescription", new XElement("datadefinition",
                    new XElement("fetchcollection", new XElement("fetch", new XAttribute("mapping", "logical"), new XAttribute("aggregate", "true"), entity)),
                    new XElement("categorycollection", new XElement("category", new XAttribute("alias", "category"),
                        new XElement("measurecollection", new XElement("measure", new XAttribute("alias", "count"))))))),
                new XElement("presentationdescription", new XElement("Chart",
                    new XElement("Series", new XElement("Series", new XAttribute("ChartType", chart.ChartType), new XAttribute("IsValueShownAsLabel", "True"), new XAttribute("Font", "{0}, 9.5px"), new XAttribute("LabelForeColor", "59, 59, 59"))),
                    new XElement("ChartAreas", new XElement("ChartArea", new XAttribute("BorderColor", "White"), new XAttribute("BorderDashStyle", "Solid"),
                        new XElement("AxisY", new XAttribute("LabelAutoFitMinFontSize", "8"), new XAttribute("TitleForeColor", "59, 59, 59"), new XAttribute("LineColor", "165, 172, 181"), new XAttribute("IntervalAutoMode", "VariableCount"),
                            new XElement("MajorGrid", new XAttribute("LineColor", "239, 242, 246")), new XElement("LabelStyle", new XAttribute("Font", "{0}, 10.5px"), new XAttribute("ForeColor", "59, 59, 59"))),
                        new XElement("AxisX", new XAttribute("LabelAutoFitMinFontSize", "8"), new XAttribute("TitleForeColor", "59, 59, 59"), new XAttribute("LineColor", "165, 172, 181"), new XAttribute("IntervalAutoMode", "VariableCount"),
                            new XElement("MajorGrid", new XAttribute("LineColor", "Transparent")), new XElement("LabelStyle", new XAttribute("Font", "{0}, 10.5px"), new XAttribute("ForeColor", "59, 59, 59"))))),
                    new XElement("Titles", new XElement("Title", new XAttribute("Alignment", "TopLeft"), new XAttribute("DockingOffset", "-3"), new XAttribute("Font", "{0}, 13px"), new XAttribute("ForeColor", "59, 59, 59"))),
                    new XElement("Legends", new XElement("Legend", new XAttribute("Alignment", "Center"), new XAttribute("LegendStyle", "Table"), new XAttribute("Docking", "right"), new XAttribute("Enabled", chart.Series != null ? "True" : "False"), new XAttribute("Font", "{0}, 11px"), new XAttribute("ForeColor", "59, 59, 59"))))),
                new XElement("isdefault", "0"),
                Labels("LocalizedNames", "LocalizedName", chart.Name),
                Labels("Descriptions", "Description", chart.Description),
                new XElement("IsCustomizable", "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("CanBeDeleted", "1"));
        }
    }
}
