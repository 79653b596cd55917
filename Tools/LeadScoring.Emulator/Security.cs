using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Emulator
{
    // Why: a product that passes its tests as an all-powerful caller fails in a real org, where every
    // call runs as a user whose security roles (their own and their teams') grant privileges on
    // tables, and field security hides secured columns. With EnforceSecurity on, the emulator checks
    // each call as the platform does:
    // - table privileges prv{Create|Read|Write|Delete|Append|AppendTo}{table}, at a depth; with one
    //   business unit, Local, Deep and Global all reach every row and Basic reaches the rows the user
    //   or one of their teams owns. Activities share the Activity privileges, systemuser is "User".
    //   https://learn.microsoft.com/power-platform/admin/security-roles-privileges
    // - a lookup written on a row needs Append on that row's table and AppendTo on the target's.
    // - roles of an owner team are inherited by its members.
    //   https://learn.microsoft.com/power-platform/admin/manage-teams
    // - a Custom API's execute privilege. https://learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables
    // - secured columns (column-level security): read as null, and refused on create or update, for a
    //   user (or team) outside every field security profile that grants it.
    //   https://learn.microsoft.com/power-apps/developer/data-platform/column-level-security
    //   https://learn.microsoft.com/power-platform/admin/field-level-security
    // SYSTEM (CreateOrganizationService(null)) and holders of the System Administrator role pass every check.
    // Error codes: https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes

    /// <summary>How far a privilege reaches (the role XML's level).</summary>
    public enum PrivilegeDepth
    {
        Basic = 1,
        Local = 2,
        Deep = 4,
        Global = 8,
    }

    /// <summary>One column of a field security profile: what its members may do with it.</summary>
    public sealed record FieldPermission(string Table, string Column, bool CanRead, bool CanCreate, bool CanUpdate);

    public sealed partial class EmulatedOrganization
    {
        /// <summary>The platform's role that holds every privilege and sees every secured column.</summary>
        public const string SystemAdministratorRole = "System Administrator";

        private static readonly HashSet<string> NotAppendedLookups = new(StringComparer.Ordinal) { "ownerid", "createdby", "modifiedby", "owningbusinessunit", "owninguser", "owningteam" };

        private readonly Dictionary<string, Dictionary<string, PrivilegeDepth>> rolePrivileges = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<FieldPermission>> fieldProfiles = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, HashSet<string>> securedColumns = new(StringComparer.Ordinal);

        /// <summary>
        /// When true, every call runs the platform's access checks for its user (off by default, so that
        /// specifications of other behaviour need no roles). SYSTEM and System Administrators pass them all.
        /// </summary>
        public bool EnforceSecurity { get; set; }

        /// <summary>Defines (or replaces) a security role's privileges, by privilege name ("prvReadLead").</summary>
        public void DefineRole(string name, IEnumerable<KeyValuePair<string, PrivilegeDepth>> privileges)
        {
            RoleId(name);
            rolePrivileges[name] = privileges.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Defines a role from the solution's role file (Roles/*.xml: &lt;Role name&gt;&lt;RolePrivileges&gt;&lt;RolePrivilege name level/&gt;).</summary>
        public void LoadRoleXml(string xml)
        {
            var role = XDocument.Parse(xml).Root ?? throw new ArgumentException("The role XML is empty.", nameof(xml));
            var name = (string?)role.Attribute("name") ?? throw new ArgumentException("The role XML has no name.", nameof(xml));
            DefineRole(name, role.Descendants("RolePrivilege").Select(p => new KeyValuePair<string, PrivilegeDepth>(
                (string?)p.Attribute("name") ?? "",
                Enum.TryParse<PrivilegeDepth>((string?)p.Attribute("level"), true, out var depth) ? depth : PrivilegeDepth.Global)));
        }

        /// <summary>Defines a field security profile; its columns become secured.</summary>
        public void DefineFieldSecurityProfile(string name, IEnumerable<FieldPermission> permissions)
        {
            var list = permissions.ToList();
            if (!store.Scan("fieldsecurityprofile").Any(p => string.Equals(p.GetAttributeValue<string>("name"), name, StringComparison.OrdinalIgnoreCase)))
            {
                Seed(new Entity("fieldsecurityprofile") { ["name"] = name });
            }
            fieldProfiles[name] = list;
            foreach (var permission in list)
            {
                SecureColumn(permission.Table, permission.Column);
            }
        }

        /// <summary>Defines the field security profiles of a solution's Customizations.xml (canread/cancreate/canupdate 4 = allowed).</summary>
        public void LoadFieldSecurityProfilesXml(string customizationsXml)
        {
            foreach (var profile in XDocument.Parse(customizationsXml).Descendants("FieldSecurityProfile"))
            {
                // Exports write a permission's values as child elements (EntityName, AttributeName, CanRead…); older files as attributes.
                static string? Value(XElement p, string element, string attribute) => (string?)p.Element(element) ?? (string?)p.Attribute(attribute);
                DefineFieldSecurityProfile((string?)profile.Attribute("name") ?? "", profile.Descendants("FieldPermission").Select(p => new FieldPermission(
                    Value(p, "EntityName", "entityname") ?? "", Value(p, "AttributeName", "attributelogicalname") ?? "",
                    Value(p, "CanRead", "canread") == "4", Value(p, "CanCreate", "cancreate") == "4", Value(p, "CanUpdate", "canupdate") == "4")));
            }
        }

        /// <summary>Marks a column as secured (IsSecured): only profiles that grant it, SYSTEM and System Administrators reach it.</summary>
        public void SecureColumn(string table, string column)
        {
            if (!securedColumns.TryGetValue(table, out var columns))
            {
                columns = new HashSet<string>(StringComparer.Ordinal);
                securedColumns.Add(table, columns);
            }
            columns.Add(column);
        }

        /// <summary>Adds an owner team with security roles (its members inherit them). Returns the team's id.</summary>
        public Guid AddTeam(string name, params string[] roleNames)
        {
            var teamId = Seed(new Entity("team") { ["name"] = name, ["teamtype"] = new OptionSetValue(0), ["businessunitid"] = RootBusinessUnit });
            foreach (var roleName in roleNames)
            {
                Seed(new Entity("teamroles") { ["teamid"] = teamId, ["roleid"] = RoleId(roleName) });
            }
            return teamId;
        }

        /// <summary>Makes a user a member of a team (teammembership).</summary>
        public void AddTeamMember(Guid teamId, Guid userId) => Seed(new Entity("teammembership") { ["teamid"] = teamId, ["systemuserid"] = userId });

        /// <summary>Gives a security role to a user (systemuserroles).</summary>
        public void AssignRole(Guid userId, string roleName) => Seed(new Entity("systemuserroles") { ["systemuserid"] = userId, ["roleid"] = RoleId(roleName) });

        /// <summary>Puts a user or a team in a field security profile (systemuserprofiles / teamprofiles).</summary>
        public void AddToFieldSecurityProfile(Guid principalId, string profileName)
        {
            var profile = store.Scan("fieldsecurityprofile").FirstOrDefault(p => string.Equals(p.GetAttributeValue<string>("name"), profileName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"No field security profile '{profileName}' is defined.", nameof(profileName));
            var isTeam = store.Find("team", principalId) != null;
            Seed(isTeam
                ? new Entity("teamprofiles") { ["teamid"] = principalId, ["fieldsecurityprofileid"] = profile.Id }
                : new Entity("systemuserprofiles") { ["systemuserid"] = principalId, ["fieldsecurityprofileid"] = profile.Id });
        }

        private Guid RoleId(string roleName) =>
            store.Scan("role").FirstOrDefault(r => string.Equals(r.GetAttributeValue<string>("name"), roleName, StringComparison.OrdinalIgnoreCase))?.Id
            ?? Seed(new Entity("role") { ["name"] = roleName, ["businessunitid"] = RootBusinessUnit });

        // ---- The checks -------------------------------------------------------------------------

        /// <summary>What one user may do: their privileges (own and teams' roles), teams and field permissions.</summary>
        private sealed class Principal
        {
            public bool Unrestricted { get; init; }
            public Guid UserId { get; init; }
            public HashSet<Guid> Teams { get; init; } = new();
            public Dictionary<string, PrivilegeDepth> Privileges { get; init; } = new(StringComparer.OrdinalIgnoreCase);
            public List<FieldPermission> FieldPermissions { get; init; } = new();
        }

        private Principal? PrincipalFor(Guid userId)
        {
            if (!EnforceSecurity || userId == SystemUserId)
            {
                return null;
            }
            var teams = store.Scan("teammembership").Where(m => Values.Normalize(m["systemuserid"]) is Guid u && u == userId)
                .Select(m => (Guid)Values.Normalize(m["teamid"])!).ToHashSet();
            var roleIds = store.Scan("systemuserroles").Where(r => Values.Normalize(r["systemuserid"]) is Guid u && u == userId).Select(r => Values.Normalize(r["roleid"]))
                .Concat(store.Scan("teamroles").Where(r => Values.Normalize(r["teamid"]) is Guid t && teams.Contains(t)).Select(r => Values.Normalize(r["roleid"])))
                .OfType<Guid>().ToHashSet();
            var roleNames = roleIds.Select(id => store.Find("role", id)?.GetAttributeValue<string>("name")).OfType<string>().ToList();
            if (roleNames.Any(n => string.Equals(n, SystemAdministratorRole, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            var privileges = new Dictionary<string, PrivilegeDepth>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in roleNames.Where(rolePrivileges.ContainsKey).SelectMany(n => rolePrivileges[n]))
            {
                privileges[pair.Key] = privileges.TryGetValue(pair.Key, out var had) && had > pair.Value ? had : pair.Value;
            }
            var profileIds = store.Scan("systemuserprofiles").Where(p => Values.Normalize(p["systemuserid"]) is Guid u && u == userId).Select(p => Values.Normalize(p["fieldsecurityprofileid"]))
                .Concat(store.Scan("teamprofiles").Where(p => Values.Normalize(p["teamid"]) is Guid t && teams.Contains(t)).Select(p => Values.Normalize(p["fieldsecurityprofileid"])))
                .OfType<Guid>().ToHashSet();
            var permissions = profileIds.Select(id => store.Find("fieldsecurityprofile", id)?.GetAttributeValue<string>("name"))
                .OfType<string>().Where(fieldProfiles.ContainsKey).SelectMany(n => fieldProfiles[n]).ToList();
            return new Principal { UserId = userId, Teams = teams, Privileges = privileges, FieldPermissions = permissions };
        }

        // Standard tables' privileges use their schema names; custom tables' the names in the role XML.
        private static readonly Dictionary<string, string> PrivilegeEntities = new(StringComparer.Ordinal)
        {
            ["lead"] = "Lead",
            ["account"] = "Account",
            ["contact"] = "Contact",
            ["systemuser"] = "User",
            ["team"] = "Team",
            ["role"] = "Role",
        };

        private static string PrivilegeName(string action, string table) =>
            "prv" + action + (Store.ActivityTables.Contains(table) ? "Activity" : PrivilegeEntities.TryGetValue(table, out var entity) ? entity : table);

        private static void Require(Principal principal, string action, string table, Entity? row)
        {
            var privilege = PrivilegeName(action, table);
            if (!principal.Privileges.TryGetValue(privilege, out var depth) || (row != null && !Reaches(principal, depth, row)))
            {
                throw Faults.PrivilegeDenied(principal.UserId, privilege);
            }
        }

        private static bool Reaches(Principal principal, PrivilegeDepth depth, Entity row)
        {
            if (depth != PrivilegeDepth.Basic)
            {
                return true; // one business unit: Local, Deep and Global reach every row
            }
            var owner = row.GetAttributeValue<EntityReference>("ownerid")?.Id;
            return owner == null || owner == principal.UserId || principal.Teams.Contains(owner.Value);
        }

        private bool IsSecured(string table, string column) => securedColumns.TryGetValue(table, out var columns) && columns.Contains(column);

        private static bool Grants(Principal principal, string table, string column, Func<FieldPermission, bool> what) =>
            principal.FieldPermissions.Any(p => p.Table == table && p.Column == column && what(p));

        /// <summary>Checks a call before it runs: table privileges, appends, secured columns written, a Custom API's execute privilege.</summary>
        private void CheckAccess(OrganizationRequest request, Caller caller)
        {
            var principal = PrincipalFor(caller.UserId);
            if (principal == null)
            {
                return;
            }
            switch (request.RequestName)
            {
                case "Create":
                case "Update":
                    var target = (Entity)request.Parameters["Target"];
                    var create = request.RequestName == "Create";
                    var existing = create ? null : store.Find(target.LogicalName, target.Id);
                    Require(principal, create ? "Create" : "Write", target.LogicalName, existing);
                    foreach (var pair in target.Attributes)
                    {
                        if (pair.Value is EntityReference reference && !NotAppendedLookups.Contains(pair.Key))
                        {
                            Require(principal, "Append", target.LogicalName, null);
                            Require(principal, "AppendTo", reference.LogicalName, null);
                        }
                        if (IsSecured(target.LogicalName, pair.Key) && (pair.Value != null || !create)
                            && !Grants(principal, target.LogicalName, pair.Key, p => create ? p.CanCreate : p.CanUpdate))
                        {
                            throw create ? Faults.SecuredColumnCreate(target.LogicalName, pair.Key) : Faults.SecuredColumnUpdate(target.LogicalName, pair.Key);
                        }
                    }
                    break;
                case "Delete":
                    var reference2 = (EntityReference)request.Parameters["Target"];
                    Require(principal, "Delete", reference2.LogicalName, store.Find(reference2.LogicalName, reference2.Id));
                    break;
                case "Retrieve":
                    var retrieved = (EntityReference)request.Parameters["Target"];
                    Require(principal, "Read", retrieved.LogicalName, retrieved.Id == Guid.Empty ? null : store.Find(retrieved.LogicalName, retrieved.Id));
                    break;
                case "RetrieveMultiple":
                    if (request.Parameters["Query"] is QueryExpression { EntityName: var table } query)
                    {
                        Require(principal, "Read", table, null);
                        foreach (var link in Links(query.LinkEntities))
                        {
                            Require(principal, "Read", link.LinkToEntityName, null);
                        }
                    }
                    else if (request.Parameters["Query"] is QueryByAttribute byAttribute)
                    {
                        Require(principal, "Read", byAttribute.EntityName, null);
                    }
                    break;
                default:
                    if (request.RequestName != null && customApis.TryGetValue(request.RequestName, out var api) && !string.IsNullOrEmpty(api.ExecutePrivilegeName)
                        && !principal.Privileges.ContainsKey(api.ExecutePrivilegeName))
                    {
                        throw Faults.PrivilegeDenied(principal.UserId, api.ExecutePrivilegeName!);
                    }
                    break;
            }
        }

        private static IEnumerable<LinkEntity> Links(IEnumerable<LinkEntity> links) => links.SelectMany(l => new[] { l }.Concat(Links(l.LinkEntities)));

        /// <summary>What a user sees of rows read: rows out of their depth are dropped, secured columns they may not read become null.</summary>
        private EntityCollection Visible(EntityCollection rows, string table, Guid userId)
        {
            var principal = PrincipalFor(userId);
            if (principal == null)
            {
                return rows;
            }
            var depth = principal.Privileges.TryGetValue(PrivilegeName("Read", table), out var d) ? d : PrivilegeDepth.Global;
            var hidden = rows.Entities.Where(row => !Reaches(principal, depth, store.Find(table, row.Id) ?? row)).ToList();
            foreach (var row in hidden)
            {
                rows.Entities.Remove(row);
            }
            foreach (var row in rows.Entities)
            {
                Masked(row, principal);
            }
            return rows;
        }

        private Entity Visible(Entity row, Guid userId)
        {
            var principal = PrincipalFor(userId);
            return principal == null ? row : Masked(row, principal);
        }

        private Entity Masked(Entity row, Principal principal)
        {
            foreach (var column in row.Attributes.Keys.Where(c => IsSecured(row.LogicalName, c) && !Grants(principal, row.LogicalName, c, p => p.CanRead)).ToList())
            {
                row[column] = null;
            }
            return row;
        }
    }
}
