using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Other/Relationships/&lt;table&gt;.xml: the one-to-many relationships a table is the "one" of.</summary>
    public static class RelationshipXml
    {
        public static XElement Render(Relationship r)
        {
            var element = new XElement("EntityRelationship", new XAttribute("Name", r.Name),
                new XElement("EntityRelationshipType", "OneToMany"),
                new XElement("IsCustomizable", "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsHierarchical", "0"),
                new XElement("ReferencingEntityName", r.Referencing),
                new XElement("ReferencedEntityName", r.Referenced),
                new XElement("CascadeAssign", r.CascadeOwnership),
                new XElement("CascadeDelete", r.CascadeDelete),
                new XElement("CascadeReparent", r.CascadeOwnership),
                new XElement("CascadeShare", r.CascadeOwnership),
                new XElement("CascadeUnshare", r.CascadeOwnership),
                new XElement("ReferencingAttributeName", r.Lookup),
                new XElement("RelationshipDescription", Labels("Descriptions", "Description", r.Description)));
            if (r.Custom)
            {
                element.Add(new XElement("EntityRelationshipRoles",
                    new XElement("EntityRelationshipRole",
                        new XElement("NavPaneDisplayOption", "UseCollectionName"),
                        new XElement("NavPaneArea", "Details"),
                        new XElement("NavPaneOrder", "10000"),
                        new XElement("NavigationPropertyName", r.Lookup),
                        new XElement("RelationshipRoleType", "1")),
                    new XElement("EntityRelationshipRole",
                        new XElement("NavigationPropertyName", r.Name),
                        new XElement("RelationshipRoleType", "0"))));
            }

            return element;
        }
    }
}
