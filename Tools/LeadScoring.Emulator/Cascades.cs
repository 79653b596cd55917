using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadScoring.Emulator
{
    // Why: deleting a row acts on the rows that look it up as each 1:N relationship's CascadeDelete
    // says: Cascade deletes them (through the pipeline, so their Delete steps run), RemoveLink clears
    // the lookup, Restrict refuses the delete while any exist, NoCascade leaves them.
    // https://learn.microsoft.com/power-apps/developer/data-platform/configure-entity-relationship-cascading-behavior
    // Learn does not say which depth the plug-ins of a cascaded delete see, so the emulator can run
    // them at the parent's depth or one deeper (CascadeDepthIncrements), and the product is tested under both.
    // Cascaded deletes run without the caller's access checks (the platform checks the parent's delete).
    // Assigning a row (a new ownerid) assigns the rows that look it up as CascadeAssign says: Cascade all
    // of them, Active those whose statecode is 0, UserOwned those the parent's previous owner owned,
    // NoCascade none. Each is an Update of ownerid run as SYSTEM through the pipeline, one level deeper,
    // so its owningbusinessunit follows and its own relationships cascade in turn. Share, Unshare and
    // Reparent cascade sharing, which the emulator does not model (access comes from roles and owners).

    /// <summary>
    /// A 1:N relationship: the referencing table's lookup column and what deleting, merging (null: not
    /// declared, the organization's DefaultCascadeMerge applies) and assigning the referenced row do.
    /// </summary>
    public sealed record Relationship1N(string Name, string ReferencedTable, string ReferencingTable, string ReferencingAttribute, string CascadeDelete, string? CascadeMerge = null, string CascadeAssign = "NoCascade");

    public sealed partial class EmulatedOrganization
    {
        private readonly List<Relationship1N> relationships = new();

        /// <summary>When true a cascaded delete's plug-ins run one level deeper than the delete that caused it; when false at the same depth.</summary>
        public bool CascadeDepthIncrements { get; set; } = true;

        public void DefineRelationship(Relationship1N relationship)
        {
            if (relationship.CascadeDelete is not ("Cascade" or "RemoveLink" or "Restrict" or "NoCascade"))
            {
                throw new ArgumentException($"CascadeDelete '{relationship.CascadeDelete}' is not Cascade, RemoveLink, Restrict or NoCascade.", nameof(relationship));
            }
            if (relationship.CascadeMerge is not (null or "Cascade" or "NoCascade"))
            {
                throw new ArgumentException($"CascadeMerge '{relationship.CascadeMerge}' is not Cascade or NoCascade.", nameof(relationship));
            }
            if (relationship.CascadeAssign is not ("Cascade" or "Active" or "UserOwned" or "NoCascade"))
            {
                throw new ArgumentException($"CascadeAssign '{relationship.CascadeAssign}' is not Cascade, Active, UserOwned or NoCascade.", nameof(relationship));
            }
            relationships.Add(relationship);
        }

        /// <summary>Defines the 1:N relationships of a solution's Other/Relationships/*.xml file.</summary>
        public void LoadRelationshipsXml(string xml)
        {
            foreach (var r in XDocument.Parse(xml).Descendants("EntityRelationship").Where(r => (string?)r.Element("EntityRelationshipType") == "OneToMany"))
            {
                DefineRelationship(new Relationship1N(
                    (string?)r.Attribute("Name") ?? "",
                    ((string?)r.Element("ReferencedEntityName") ?? "").ToLowerInvariant(),
                    ((string?)r.Element("ReferencingEntityName") ?? "").ToLowerInvariant(),
                    ((string?)r.Element("ReferencingAttributeName") ?? "").ToLowerInvariant(),
                    (string?)r.Element("CascadeDelete") ?? "NoCascade",
                    (string?)r.Element("CascadeMerge"),
                    (string?)r.Element("CascadeAssign") ?? "NoCascade"));
            }
        }

        /// <summary>Acts on the rows that reference a row about to be deleted, inside the delete's transaction.</summary>
        private void CascadeDelete(string table, Guid id, PluginContext context, Transaction transaction)
        {
            foreach (var relationship in relationships.Where(r => r.ReferencedTable == table))
            {
                var children = Referencing(relationship, id).Select(row => row.Id).ToList();
                if (children.Count == 0 || relationship.CascadeDelete == "NoCascade")
                {
                    continue;
                }
                if (relationship.CascadeDelete == "Restrict")
                {
                    throw Faults.InvalidArgument($"The {table} record cannot be deleted because {children.Count} {relationship.ReferencingTable} record(s) reference it (relationship {relationship.Name} restricts delete).");
                }
                foreach (var child in children)
                {
                    if (relationship.CascadeDelete == "Cascade")
                    {
                        // the child's call runs at Depth + 1
                        ExecuteAsPlatform(new DeleteRequest { Target = new EntityReference(relationship.ReferencingTable, child) }, context, transaction, CascadeDepthIncrements ? context.Depth : context.Depth - 1);
                    }
                    else
                    {
                        var row = Values.Clone(store.Find(relationship.ReferencingTable, child)!);
                        row[relationship.ReferencingAttribute] = null;
                        Stamp(row, context.UserId, created: false, keepGivenDates: false);
                        store.Put(transaction, row);
                    }
                }
            }
        }

        /// <summary>Assigns the rows that reference a row just assigned, inside the assign's transaction.</summary>
        private void CascadeAssign(string table, Guid id, EntityReference? previousOwner, EntityReference newOwner, PluginContext context, Transaction transaction)
        {
            foreach (var relationship in relationships.Where(r => r.ReferencedTable == table && r.CascadeAssign != "NoCascade"))
            {
                var children = Referencing(relationship, id)
                    .Where(row => relationship.CascadeAssign switch
                    {
                        "Active" => (row.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0) == 0,
                        "UserOwned" => row.GetAttributeValue<EntityReference>("ownerid")?.Id == previousOwner?.Id,
                        _ => true,
                    })
                    .Where(row => row.GetAttributeValue<EntityReference>("ownerid")?.Id != newOwner.Id)
                    .Select(row => row.Id).ToList();
                foreach (var child in children)
                {
                    ExecuteAsPlatform(new UpdateRequest { Target = new Entity(relationship.ReferencingTable, child) { ["ownerid"] = new EntityReference(newOwner.LogicalName, newOwner.Id) } }, context, transaction);
                }
            }
        }

        /// <summary>The rows of the relationship's referencing table whose lookup names the row.</summary>
        private IEnumerable<Entity> Referencing(Relationship1N relationship, Guid id) =>
            store.Scan(relationship.ReferencingTable).Where(row => row.GetAttributeValue<EntityReference>(relationship.ReferencingAttribute)?.Id == id);

        /// <summary>
        /// A request the platform makes on its own inside an operation (a cascade, a merge's writes): as
        /// SYSTEM, in the operation's transaction, one level deeper unless a depth is given.
        /// </summary>
        private void ExecuteAsPlatform(OrganizationRequest request, PluginContext context, Transaction transaction, int? depth = null)
        {
            var inner = context.ForStep(null, context.Stage, 0);
            if (depth is { } d)
            {
                inner.Depth = d;
            }
            inner.Transaction = transaction;
            inner.UserId = SystemUserId;
            Execute(request, new Caller(SystemUserId, context.InitiatingUserId, inner, null));
        }
    }
}
