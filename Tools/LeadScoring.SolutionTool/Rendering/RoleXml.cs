using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Roles/&lt;name&gt;.xml: a security role and its privileges.</summary>
    public static class RoleXml
    {
        public static XElement Render(Role role) =>
            new("Role", new XAttribute("id", Braced(role.Id)), new XAttribute("name", role.Name), XsiAttribute(),
                new XElement("RolePrivileges", role.Privileges.Select(p => new XElement("RolePrivilege",
                    new XAttribute("name", p.Name), new XAttribute("level", p.Depth)))));
    }
}
