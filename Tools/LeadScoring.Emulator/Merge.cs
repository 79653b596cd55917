using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadScoring.Emulator
{
    // Why: Merge (MergeRequest: Target, SubordinateId, UpdateContent, PerformParentingChecks) moves the
    // subordinate's data to the target and then deactivates the subordinate; only account, contact, lead
    // and incident merge, and merges other than incident run as SYSTEM. Plug-ins register on the Merge
    // message of the target's table.
    // https://learn.microsoft.com/power-apps/developer/data-platform/webapi/merge-table-rows
    // https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.mergerequest
    // The rows that look the subordinate up move to the target where the relationship's
    // CascadeConfiguration.Merge is Cascade (its only other value is NoCascade):
    // https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.cascadeconfiguration.merge
    // For lead, Lead_Emails, Lead_Appointments and Lead_Phonecalls (regardingobjectid) cascade on merge,
    // and the subordinate's masterid (lead_master_lead) and merged columns record the merge:
    // https://learn.microsoft.com/dynamics365/developer/reference/entities/lead
    // Learn says "deactivated" without a state: a lead's inactive states are Qualified (1) and
    // Disqualified (2); the emulator sets Disqualified with status reason Canceled (7), the lead's
    // Disqualified reasons being Lost 4, Cannot Contact 5, No Longer Interested 6 and Canceled 7.
    // Learn does not say whether the subordinate's deactivation and the children's re-parenting run
    // the Update pipeline (their Update steps), so the emulator does either (MergeRunsUpdatePipeline)
    // and the product is tested under both.
    public sealed partial class EmulatedOrganization
    {
        private static readonly string[] MergeableTables = { "account", "contact", "lead" };

        /// <summary>When true the subordinate's deactivation, UpdateContent and the children's re-parenting run as Update requests (their steps fire); when false they are written directly.</summary>
        public bool MergeRunsUpdatePipeline { get; set; } = true;

        /// <summary>The Merge cascade of a relationship whose definition does not say (a solution file has no CascadeMerge element).</summary>
        public string DefaultCascadeMerge
        {
            get => defaultCascadeMerge;
            set => defaultCascadeMerge = value is "Cascade" or "NoCascade" ? value : throw new ArgumentException($"CascadeMerge '{value}' is not Cascade or NoCascade.", nameof(value));
        }

        private string defaultCascadeMerge = "NoCascade";

        /// <summary>Defines the platform's 1:N relationships from lead to the activities the product scores, as the lead table reference lists them (Delete and Merge: Cascade).</summary>
        public void DefineLeadActivityRelationships()
        {
            foreach (var (name, table) in new[] { ("Lead_Emails", "email"), ("Lead_Appointments", "appointment"), ("Lead_Phonecalls", "phonecall") })
            {
                DefineRelationship(new Relationship1N(name, "lead", table, "regardingobjectid", "Cascade", "Cascade"));
            }
        }

        private OrganizationResponse Merge(OrganizationRequest request, Caller caller)
        {
            var target = Parameter<EntityReference>(request, "Target");
            var table = target.LogicalName;
            if (!MergeableTables.Contains(table))
            {
                throw Faults.InvalidArgument($"Merge is not supported for {table}: the emulator merges {string.Join(", ", MergeableTables)} (Dataverse also merges incident).");
            }
            var subordinateId = request.Parameters.TryGetValue("SubordinateId", out var s) && s is Guid g && g != Guid.Empty
                ? g
                : throw Faults.InvalidArgument("Merge needs the parameter 'SubordinateId' (Guid).");
            if (!request.Parameters.TryGetValue("PerformParentingChecks", out var checks) || checks is not bool)
            {
                throw Faults.InvalidArgument("Merge needs the parameter 'PerformParentingChecks' (Boolean).");
            }
            var content = request.Parameters.TryGetValue("UpdateContent", out var u) ? u as Entity : null;
            if (content != null && content.LogicalName != table)
            {
                throw Faults.InvalidArgument($"UpdateContent is a {content.LogicalName}; it must be a {table}, the table of the Target.");
            }
            if (subordinateId == target.Id)
            {
                throw Faults.InvalidArgument("The Target and the subordinate of a Merge must be two different records.");
            }
            var master = store.Find(table, target.Id) ?? throw Faults.DoesNotExist(table, target.Id);
            var subordinate = store.Find(table, subordinateId) ?? throw Faults.DoesNotExist(table, subordinateId);
            CheckMergeAccess(table, master, subordinate, caller);

            var input = PluginContext.CopyParameters(request.Parameters);
            return RunPipeline(new Operation("Merge", table, target.Id, input)
            {
                RequestId = request.RequestId,
                Core = (context, transaction) =>
                {
                    foreach (var relationship in relationships.Where(r => r.ReferencedTable == table && (r.CascadeMerge ?? DefaultCascadeMerge) == "Cascade"))
                    {
                        var children = Referencing(relationship, subordinateId).Select(row => row.Id).ToList();
                        foreach (var child in children)
                        {
                            MergeWrite(new Entity(relationship.ReferencingTable, child) { [relationship.ReferencingAttribute] = new EntityReference(table, target.Id) }, context, transaction);
                        }
                    }
                    var contentColumns = content?.Attributes.Where(a => a.Key != Store.PrimaryIdAttribute(table) && !SystemColumns.Contains(a.Key)).ToList();
                    if (contentColumns?.Count > 0)
                    {
                        var update = new Entity(table, target.Id);
                        foreach (var (column, value) in contentColumns)
                        {
                            update[column] = Values.CloneValue(value);
                        }
                        MergeWrite(update, context, transaction);
                    }

                    // masterid and merged are the platform's own columns: written directly, then the deactivation.
                    var merged = Values.Clone(store.Find(table, subordinateId)!);
                    merged["masterid"] = new EntityReference(table, target.Id);
                    merged["merged"] = true;
                    Stamp(merged, SystemUserId, created: false, keepGivenDates: false);
                    store.Put(transaction, merged);
                    var (state, status) = table == "lead" ? (2, 7) : (1, 2); // lead: Disqualified, Canceled; account and contact: Inactive
                    MergeWrite(new Entity(table, subordinateId) { ["statecode"] = new OptionSetValue(state), ["statuscode"] = new OptionSetValue(status) }, context, transaction);
                },
                Response = _ => new OrganizationResponse { ResponseName = "Merge" },
            }, caller);
        }

        /// <summary>Learn: the caller needs privileges and access to both records; the rest of the merge runs as SYSTEM.</summary>
        private void CheckMergeAccess(string table, Entity master, Entity subordinate, Caller caller)
        {
            var principal = PrincipalFor(caller.UserId);
            if (principal == null)
            {
                return;
            }
            foreach (var row in new[] { master, subordinate })
            {
                Require(principal, "Read", table, row);
                Require(principal, "Write", table, row);
            }
        }

        private void MergeWrite(Entity change, PluginContext context, Transaction transaction)
        {
            if (MergeRunsUpdatePipeline)
            {
                ExecuteAsPlatform(new UpdateRequest { Target = change }, context, transaction);
                return;
            }
            var row = Values.Clone(store.Find(change.LogicalName, change.Id) ?? throw Faults.DoesNotExist(change.LogicalName, change.Id));
            foreach (var pair in change.Attributes)
            {
                row[pair.Key] = Values.CloneValue(pair.Value);
            }
            Stamp(row, SystemUserId, created: false, keepGivenDates: false);
            store.Put(transaction, row);
        }
    }
}
