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
    // - table privileges prv{Create|Read|Write|Delete|Append|AppendTo|Assign}{table}, at a depth.
    //   Activities share the Activity privileges, systemuser is "User".
    //   https://learn.microsoft.com/power-platform/admin/security-roles-privileges
    // - business units: a root unit and child units under it (AddBusinessUnit); users and teams belong
    //   to one. A user- or team-owned row's owningbusinessunit is its owner's business unit, and follows
    //   the owner when the row is assigned. Depth on such rows: Basic reaches the rows the user or one of
    //   their teams owns; Local adds the rows of the user's business unit; Deep adds its child units,
    //   all the way down; Global reaches every row. A privilege from a team's role reaches from the
    //   team's business unit. Rows without an owner (organization-owned tables, whose privileges are
    //   only None or Global) are reached by any depth. With only the root unit (the default) Local, Deep
    //   and Global all reach every row, as before business units were modelled.
    //   https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.privilegedepth
    //   https://learn.microsoft.com/power-apps/developer/data-platform/security-concepts
    //   https://learn.microsoft.com/power-apps/developer/data-platform/businessunit-entity
    //   https://learn.microsoft.com/power-platform/admin/wp-security-cds
    // - assigning a row (Update of ownerid, or AssignRequest) needs Assign, Write and Read on it.
    //   https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.assignrequest
    //   https://learn.microsoft.com/power-apps/developer/data-platform/security-access-rights
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

        /// <summary>Adds an owner team in the root business unit with security roles (its members inherit them). Returns the team's id.</summary>
        public Guid AddTeam(string name, params string[] roleNames) => AddTeam(name, RootBusinessUnitId, roleNames);

        /// <summary>Adds an owner team in a business unit with security roles (its members inherit them). Returns the team's id.</summary>
        public Guid AddTeam(string name, Guid businessUnitId, params string[] roleNames)
        {
            var teamId = Seed(new Entity("team") { ["name"] = name, ["teamtype"] = new OptionSetValue(0), ["businessunitid"] = new EntityReference("businessunit", businessUnitId) });
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

        /// <summary>Adds a business unit under a parent unit (the root unit when none is given). Returns its id.</summary>
        public Guid AddBusinessUnit(string name, Guid? parentBusinessUnitId = null) =>
            Seed(new Entity("businessunit") { ["name"] = name, ["parentbusinessunitid"] = new EntityReference("businessunit", parentBusinessUnitId ?? RootBusinessUnitId) });

        /// <summary>The business unit of a user or a team, or null for an unknown principal.</summary>
        public Guid? BusinessUnitOf(Guid principalId) =>
            (store.Find("systemuser", principalId) ?? store.Find("team", principalId))?.GetAttributeValue<EntityReference>("businessunitid")?.Id;

        /// <summary>Sets a row's owningbusinessunit from its owner (users and teams: their own unit).</summary>
        private void SetOwningBusinessUnit(Entity row)
        {
            var unit = row.LogicalName is "systemuser" or "team" ? row.GetAttributeValue<EntityReference>("businessunitid")?.Id
                : row.GetAttributeValue<EntityReference>("ownerid") is { } owner ? BusinessUnitOf(owner.Id) : null;
            if (unit != null)
            {
                row["owningbusinessunit"] = new EntityReference("businessunit", unit.Value);
            }
        }

        /// <summary>True when the unit is the ancestor itself or below it in the business unit hierarchy.</summary>
        private bool IsWithin(Guid unit, Guid ancestor)
        {
            for (Guid? current = unit; current != null; current = store.Find("businessunit", current.Value)?.GetAttributeValue<EntityReference>("parentbusinessunitid")?.Id)
            {
                if (current == ancestor)
                {
                    return true;
                }
            }
            return false;
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

            /// <summary>Each privilege held, at its depth, from the business unit it reaches from (the user's, or the team's for a team role).</summary>
            public List<(string Privilege, PrivilegeDepth Depth, Guid BusinessUnit)> Grants { get; init; } = new();
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
            var userUnit = BusinessUnitOf(userId) ?? RootBusinessUnitId;
            var roles = store.Scan("systemuserroles").Where(r => Values.Normalize(r["systemuserid"]) is Guid u && u == userId).Select(r => (Role: Values.Normalize(r["roleid"]), Unit: userUnit))
                .Concat(store.Scan("teamroles").Where(r => Values.Normalize(r["teamid"]) is Guid t && teams.Contains(t))
                    .Select(r => (Role: Values.Normalize(r["roleid"]), Unit: BusinessUnitOf((Guid)Values.Normalize(r["teamid"])!) ?? RootBusinessUnitId)))
                .Where(r => r.Role is Guid).Select(r => (Name: store.Find("role", (Guid)r.Role!)?.GetAttributeValue<string>("name"), r.Unit))
                .Where(r => r.Name != null).ToList();
            if (roles.Any(r => string.Equals(r.Name, SystemAdministratorRole, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            var privileges = new Dictionary<string, PrivilegeDepth>(StringComparer.OrdinalIgnoreCase);
            var grants = new List<(string, PrivilegeDepth, Guid)>();
            foreach (var (name, unit) in roles.Where(r => rolePrivileges.ContainsKey(r.Name!)))
            {
                foreach (var pair in rolePrivileges[name!])
                {
                    privileges[pair.Key] = privileges.TryGetValue(pair.Key, out var had) && had > pair.Value ? had : pair.Value;
                    grants.Add((pair.Key, pair.Value, unit));
                }
            }
            var profileIds = store.Scan("systemuserprofiles").Where(p => Values.Normalize(p["systemuserid"]) is Guid u && u == userId).Select(p => Values.Normalize(p["fieldsecurityprofileid"]))
                .Concat(store.Scan("teamprofiles").Where(p => Values.Normalize(p["teamid"]) is Guid t && teams.Contains(t)).Select(p => Values.Normalize(p["fieldsecurityprofileid"])))
                .OfType<Guid>().ToHashSet();
            var permissions = profileIds.Select(id => store.Find("fieldsecurityprofile", id)?.GetAttributeValue<string>("name"))
                .OfType<string>().Where(fieldProfiles.ContainsKey).SelectMany(n => fieldProfiles[n]).ToList();
            return new Principal { UserId = userId, Teams = teams, Privileges = privileges, Grants = grants, FieldPermissions = permissions };
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

        private void Require(Principal principal, string action, string table, Entity? row)
        {
            var privilege = PrivilegeName(action, table);
            if (!principal.Privileges.ContainsKey(privilege) || (row != null && !Reaches(principal, privilege, row)))
            {
                throw Faults.PrivilegeDenied(principal.UserId, privilege);
            }
        }

        /// <summary>Whether one of the principal's grants of the privilege reaches the row (see the depths above).</summary>
        private bool Reaches(Principal principal, string privilege, Entity row)
        {
            var owner = row.GetAttributeValue<EntityReference>("ownerid")?.Id;
            if (owner == null || owner == principal.UserId || principal.Teams.Contains(owner.Value))
            {
                return true;
            }
            var unit = row.GetAttributeValue<EntityReference>("owningbusinessunit")?.Id;
            return principal.Grants.Any(g => string.Equals(g.Privilege, privilege, StringComparison.OrdinalIgnoreCase) && g.Depth switch
            {
                PrivilegeDepth.Global => true,
                PrivilegeDepth.Deep => unit == null || IsWithin(unit.Value, g.BusinessUnit),
                PrivilegeDepth.Local => unit == null || unit == g.BusinessUnit,
                _ => false,
            });
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
                    if (existing != null && target.GetAttributeValue<EntityReference>("ownerid") is { } newOwner
                        && newOwner.Id != existing.GetAttributeValue<EntityReference>("ownerid")?.Id)
                    {
                        Require(principal, "Assign", target.LogicalName, existing);
                        Require(principal, "Read", target.LogicalName, existing);
                    }
                    foreach (var pair in target.Attributes)
                    {
                        if (pair.Value is EntityReference reference && !NotAppendedLookups.Contains(pair.Key))
                        {
                            Require(principal, "Append", target.LogicalName, existing);
                            Require(principal, "AppendTo", reference.LogicalName, reference.Id == Guid.Empty ? null : store.Find(reference.LogicalName, reference.Id));
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
                case "Assign":
                    var assigned = (EntityReference)request.Parameters["Target"];
                    var assignedRow = store.Find(assigned.LogicalName, assigned.Id);
                    Require(principal, "Write", assigned.LogicalName, assignedRow);
                    Require(principal, "Assign", assigned.LogicalName, assignedRow);
                    Require(principal, "Read", assigned.LogicalName, assignedRow);
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
            var privilege = PrivilegeName("Read", table);
            var hidden = principal.Privileges.ContainsKey(privilege)
                ? rows.Entities.Where(row => !Reaches(principal, privilege, store.Find(table, row.Id) ?? row)).ToList()
                : new List<Entity>();
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
