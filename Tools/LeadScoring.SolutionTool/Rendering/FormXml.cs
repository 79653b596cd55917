using System;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Entities/&lt;table&gt;/FormXml/main/{id}.xml: a main form (Learn: "Form XML schema").</summary>
    public static class FormXml
    {
        public static XElement Render(Form form, SolutionInputs inputs)
        {
            var table = Tables.All.Single(t => t.Name == form.Table);
            Guid Id(string part) => StableId.For("form", form.Table + "/" + form.Key + "/" + part);

            XElement CellXml(Section section, Cell cell)
            {
                string path = section.Name + "/" + cell.Name;
                var element = new XElement("cell", new XAttribute("id", Braced(Id("cell/" + path))), new XAttribute("showlabel", "true"), new XAttribute("locklevel", "0"));
                element.Add(Labels("labels", "label", cell.Label));
                switch (cell)
                {
                    case FieldCell field:
                        element.Add(new XElement("control",
                            new XAttribute("id", field.Column),
                            new XAttribute("classid", Controls.Of(table, field.Column)),
                            new XAttribute("datafieldname", field.Column),
                            new XAttribute("disabled", field.ReadOnly ? "true" : "false")));
                        break;
                    case SubgridCell grid:
                        element.SetAttributeValue("showlabel", "false");
                        element.Add(new XAttribute("rowspan", grid.Rows), new XAttribute("colspan", 1), new XAttribute("auto", "false"));
                        element.Add(new XElement("control",
                            new XAttribute("indicationOfSubgrid", "true"),
                            new XAttribute("id", grid.Name),
                            new XAttribute("classid", Controls.Subgrid),
                            new XElement("parameters",
                                new XElement("ViewId", Braced(grid.ViewId)),
                                new XElement("IsUserView", "false"),
                                new XElement("RelationshipName", grid.Relationship),
                                new XElement("TargetEntityType", grid.TargetTable),
                                new XElement("AutoExpand", "Fixed"),
                                new XElement("EnableQuickFind", "false"),
                                new XElement("EnableViewPicker", "false"),
                                new XElement("ViewIds", Braced(grid.ViewId)),
                                new XElement("EnableJumpBar", "false"),
                                new XElement("ChartGridMode", "Grid"),
                                new XElement("VisualizationId"),
                                new XElement("IsUserChart", "false"),
                                new XElement("EnableChartPicker", "false"),
                                new XElement("RecordsPerPage", Text(grid.Rows)))));
                        break;
                    case WebResourceCell web:
                        element.SetAttributeValue("showlabel", "false");
                        element.Add(new XAttribute("rowspan", web.Rows), new XAttribute("colspan", 1), new XAttribute("auto", "false"));
                        var resource = inputs.WebResource(web.WebResource, $"Form '{form.Name}'");
                        element.Add(new XElement("control",
                            new XAttribute("id", "WebResource_" + web.Name),
                            new XAttribute("classid", Controls.WebResource),
                            new XElement("parameters",
                                new XElement("Url", web.WebResource),
                                new XElement("PassParameters", web.PassParameters ? "true" : "false"),
                                new XElement("Security", "false"),
                                new XElement("Scrolling", "auto"),
                                new XElement("Border", "false"),
                                new XElement("WebResourceId", Braced(resource.Id)))));
                        break;
                }

                return element;
            }

            XElement SectionXml(Tab tab, Section section)
            {
                var rows = new XElement("rows");
                foreach (var chunk in section.Cells.Chunk(section.Columns))
                {
                    rows.Add(new XElement("row", chunk.Select(c => CellXml(section, c))));
                    int span = chunk.OfType<SubgridCell>().Select(c => c.Rows).Concat(chunk.OfType<WebResourceCell>().Select(c => c.Rows)).DefaultIfEmpty(1).Max();
                    for (int i = 1; i < span; i++)
                    {
                        rows.Add(new XElement("row"));
                    }
                }

                return new XElement("section",
                    new XAttribute("name", section.Name),
                    new XAttribute("showlabel", section.ShowLabel ? "true" : "false"),
                    new XAttribute("showbar", "false"),
                    new XAttribute("IsUserDefined", "0"),
                    new XAttribute("id", Braced(Id("section/" + tab.Name + "/" + section.Name))),
                    new XAttribute("columns", Text(section.Columns)),
                    new XAttribute("labelwidth", "115"),
                    Labels("labels", "label", section.Label),
                    rows);
            }

            var body = new XElement("form",
                new XElement("tabs", form.Tabs.Select(tab => new XElement("tab",
                    new XAttribute("name", tab.Name),
                    new XAttribute("verticallayout", "true"),
                    new XAttribute("id", Braced(Id("tab/" + tab.Name))),
                    new XAttribute("IsUserDefined", "1"),
                    new XAttribute("expanded", "true"),
                    new XAttribute("showlabel", "true"),
                    Labels("labels", "label", tab.Label),
                    new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                        new XElement("sections", tab.Sections.Select(s => SectionXml(tab, s)))))))));
            if (form.Libraries.Count > 0)
            {
                body.Add(new XElement("formLibraries", form.Libraries.Select(library => new XElement("Library",
                    new XAttribute("name", library),
                    new XAttribute("libraryUniqueId", Braced(Id("library/" + library)))))));
            }

            if (form.Handlers.Count > 0)
            {
                body.Add(new XElement("events", form.Handlers.GroupBy(h => h.Event).Select(group => new XElement("event",
                    new XAttribute("name", group.Key),
                    new XAttribute("application", "false"),
                    new XAttribute("active", "false"),
                    new XElement("Handlers", group.Select(h => new XElement("Handler",
                        new XAttribute("functionName", h.Function),
                        new XAttribute("libraryName", h.Library),
                        new XAttribute("handlerUniqueId", Braced(Id("handler/" + h.Event + "/" + h.Function))),
                        new XAttribute("enabled", "true"),
                        new XAttribute("parameters", ""),
                        new XAttribute("passExecutionContext", "true"))))))));
            }

            return new XElement("systemform",
                new XElement("formid", Braced(form.Id)),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("FormPresentation", "1"),
                new XElement("FormActivationState", "1"),
                body,
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", "1"),
                Labels("LocalizedNames", "LocalizedName", form.Name),
                Labels("Descriptions", "Description", form.Description));
        }
    }
}
