using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// The columns registered on each step's images in pac-config.json (a test keeps the two equal): an image
    /// holds only its registered columns, so a plug-in reads nothing else from it. Scoring steps register the
    /// product's catalogue of their table plus what the plug-in itself reads; a rule on another column (a custom
    /// one) makes the plug-in read that column from the row instead (<see cref="Missing"/>).
    /// https://learn.microsoft.com/power-apps/developer/data-platform/register-plug-in#define-entity-images
    /// </summary>
    public static class ImageColumns
    {
        /// <summary>ScoringModelPlugin's PreImage: what the approval policy and its messages read.</summary>
        public static readonly string[] ScoringModel = Sorted(
            ScoringModelColumns.Name, ScoringModelColumns.Version, ScoringModelColumns.Status, ScoringModelColumns.MarketingApproverId, ScoringModelColumns.SalesApproverId);

        /// <summary>ScoringConfigurationPlugin's PreImage of a rule: the rule as ModelStore maps it.</summary>
        public static readonly string[] Rule = Sorted(ModelStore.RuleColumns);

        /// <summary>ScoringConfigurationPlugin's PreImage of a condition: the condition as ModelStore maps it.</summary>
        public static readonly string[] Condition = Sorted(ModelStore.ConditionColumns);

        /// <summary>LeadScoringPlugin's images: the lead as scoring reads it, and every catalogue column a lead rule may read.</summary>
        public static readonly string[] Lead = Sorted(LeadRecord.ScoringColumns.Concat(Catalogue(LeadColumns.Table)).ToArray());

        /// <summary>ActivityScoringPlugin's images of a watched activity table: the catalogue, the link to the lead, the email signals, when it happened, its version.</summary>
        public static string[] Activity(string table) => Sorted(Catalogue(table)
            .Concat(table == InteractionColumns.Table ? new[] { InteractionColumns.LeadId, InteractionColumns.OccurredOn } : new[] { EmailColumns.RegardingObjectId })
            .Concat(table == EmailColumns.Table ? ActivityChange.EmailSignalColumns : Array.Empty<string>())
            .Concat(new[] { "versionnumber" })
            .ToArray());

        /// <summary>AttachInteractionsPlugin's PostImage: the lead's email addresses, whether it is open, and its owner (who owns the interactions attached).</summary>
        public static readonly string[] AttachInteractions = Sorted(LeadColumns.EmailAddresses.Concat(new[] { LeadColumns.StateCode, LeadColumns.OwnerId }).ToArray());

        /// <summary>RecalculateOnActivationPlugin's PostImage: the model's status.</summary>
        public static readonly string[] ModelActivation = Sorted(ScoringModelColumns.Status);

        /// <summary>StageHistoryPlugin's PreImage: the stage before.</summary>
        public static readonly string[] StageBefore = Sorted(LeadColumns.LifecycleStage);

        /// <summary>StageHistoryPlugin's PostImage: the stage after, the model that set it, whether the lead is open, its owner (who owns the row).</summary>
        public static readonly string[] StageAfter = Sorted(LeadColumns.LifecycleStage, LeadColumns.ScoringModelId, LeadColumns.StateCode, LeadColumns.OwnerId);

        /// <summary>The columns of <paramref name="needed"/> an image registered with <paramref name="registered"/> cannot hold.</summary>
        public static string[] Missing(IEnumerable<string> needed, IEnumerable<string> registered)
        {
            var has = new HashSet<string>(registered, StringComparer.OrdinalIgnoreCase);
            return needed.Where(c => !has.Contains(c)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }

        /// <summary>
        /// Reads from the row the columns a rule needs that the images cannot carry: into the record after the
        /// change, and into the one before it for the columns the change left alone (they did not change).
        /// </summary>
        public static void ReadMissing(IOrganizationService service, Entity target, string[] missing, ref Entity after, ref Entity? before)
        {
            var current = after;
            var toRead = missing.Where(c => !current.Contains(c)).ToArray();
            if (toRead.Length == 0)
            {
                return;
            }

            Entity row;
            try
            {
                row = service.Retrieve(target.LogicalName, target.Id, new ColumnSet(toRead));
            }
            catch (FaultException<OrganizationServiceFault> fault) when (PlatformErrors.Is(fault, PlatformErrors.ObjectDoesNotExist))
            {
                return; // deleted since: score with what the images hold
            }

            after = Records.Merge(row, after);
            if (before != null)
            {
                var unchanged = new Entity(target.LogicalName, target.Id);
                foreach (var column in row.Attributes.Where(a => !target.Contains(a.Key)))
                {
                    unchanged[column.Key] = column.Value;
                }

                before = Records.Merge(before, unchanged);
            }
        }

        private static IEnumerable<string> Catalogue(string table) => ColumnCatalogue.Instance.Columns(table)?.Select(c => c.Name) ?? Enumerable.Empty<string>();

        private static string[] Sorted(params string[] columns) => columns.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
    }
}
