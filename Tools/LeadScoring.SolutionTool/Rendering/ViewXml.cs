using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Entities/&lt;table&gt;/SavedQueries/{id}.xml: a view (SavedQuery and FetchXML references on Learn).</summary>
    public static class ViewXml
    {
        public static XElement Render(View view)
        {
            var table = Tables.All.Single(t => t.Name == view.Table);
            string primaryName = table.IsNew ? table.PrimaryNameColumn : "fullname";
            string primaryKey = table.PrimaryKey;
            var entity = new XElement("entity", new XAttribute("name", view.Table),
                new XElement("attribute", new XAttribute("name", primaryKey)),
                view.Columns.Select(c => new XElement("attribute", new XAttribute("name", c))));
            if (view.OrderBy != null)
            {
                entity.Add(new XElement("order", new XAttribute("attribute", view.OrderBy), new XAttribute("descending", view.Descending ? "true" : "false")));
            }

            if (view.Conditions.Count > 0)
            {
                entity.Add(new XElement("filter", new XAttribute("type", "and"), view.Conditions.Select(ConditionXml)));
            }

            if (view.FindColumns.Count > 0)
            {
                entity.Add(new XElement("filter", new XAttribute("type", "or"), new XAttribute("isquickfindfields", "1"),
                    view.FindColumns.Select(c => new XElement("condition", new XAttribute("attribute", c), new XAttribute("operator", "like"), new XAttribute("value", "{0}")))));
            }

            if (view.Link is { } link)
            {
                entity.Add(new XElement("link-entity",
                    new XAttribute("name", link.Table), new XAttribute("from", link.From), new XAttribute("to", link.To),
                    new XAttribute("alias", link.Alias), new XAttribute("link-type", "inner"),
                    new XElement("filter", new XAttribute("type", "and"), link.Conditions.Select(ConditionXml))));
            }

            return new XElement("savedquery",
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", view.IsDefault ? "0" : "1"),
                new XElement("isquickfindquery", Bit(view.QueryType == 4)),
                new XElement("isprivate", "0"),
                new XElement("isdefault", Bit(view.IsDefault)),
                new XElement("savedqueryid", Braced(view.Id)),
                new XElement("layoutxml", new XElement("grid",
                    new XAttribute("name", "resultset"), new XAttribute("jump", primaryName), new XAttribute("select", "1"),
                    new XAttribute("icon", "1"), new XAttribute("preview", "1"),
                    new XElement("row", new XAttribute("name", "result"), new XAttribute("id", primaryKey),
                        view.Columns.Select(c => new XElement("cell", new XAttribute("name", c), new XAttribute("width", c == primaryName ? "300" : "150")))))),
                new XElement("querytype", Text(view.QueryType)),
                new XElement("fetchxml", new XElement("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"), entity)),
                new XElement("IntroducedVersion", IntroducedVersion),
                Labels("LocalizedNames", "LocalizedName", view.Name),
                Labels("Descriptions", "Description", view.Description));

            static XElement ConditionXml(Condition c)
            {
                var element = new XElement("condition", new XAttribute("attribute", c.Column), new XAttribute("operator", c.Operator));
                if (c.Value != null)
                {
                    element.Add(new XAttribute("value", c.Value));
                }

                return element;
            }
        }
    }
}
