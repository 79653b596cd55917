using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Dataverse
{
    /// <summary>What scoring a lead did: the engine's result, the model used and the lead's whole ledger afterwards.</summary>
    public sealed class ScoringOutcome
    {
        public ScoringOutcome(ScoringResult result, StoredModel model, IReadOnlyList<ScoreEvent> ledger)
        {
            Result = result;
            Model = model;
            Ledger = ledger;
        }

        public ScoringResult Result { get; }

        public StoredModel Model { get; }

        public IReadOnlyList<ScoreEvent> Ledger { get; }
    }

    /// <summary>
    /// The one service that scores a lead, shared by the plug-ins, the Custom APIs, the workflow
    /// activities and the workbench: read the lead and its ledger, run the engine, append the new
    /// score events and write the lead once. The lead write checks the row version; when another
    /// execution changed the lead in between, it reads again and retries (events already appended
    /// are found in the ledger, so nothing counts twice). When another execution booked one of the
    /// same keys meanwhile (a maxTimes slot or oncePerDays period taken for another record), it reads
    /// the ledger again and the engine decides again: the next slot, the limit reached, or nothing
    /// when this very change was booked (a redelivered job). Inside a transaction (synchronous Custom
    /// APIs) a failed call cannot be caught and retried, so there the lead is locked first by
    /// writing it, and read after: the transaction's row lock keeps other writers out until commit.
    /// </summary>
    public sealed class LeadScorer
    {
        public const int MaxAttempts = 10;

        private readonly IOrganizationService service;
        private readonly ModelStore models;
        private readonly Ledger ledger;
        private readonly ITracingService? tracing;
        private readonly bool inTransaction;

        public LeadScorer(IOrganizationService service, ModelStore models, ITracingService? tracing, bool inTransaction = false)
        {
            this.service = service;
            this.models = models;
            this.tracing = tracing;
            this.inTransaction = inTransaction;
            ledger = new Ledger(service);
        }

        /// <summary>Scores the lead with the active model; null when no model is active.</summary>
        /// <param name="leadImage">The lead's columns when the caller already has them (a lead step's image), saving a read.</param>
        /// <param name="lockedByCaller">The caller already wrote the lead in this transaction, so it holds the row lock: no lock write is needed.</param>
        public ScoringOutcome? Score(Guid leadId, Trigger trigger, DateTime now, Entity? leadImage = null, bool lockedByCaller = false)
        {
            var model = models.Active(now);
            if (model == null)
            {
                // The source records stay; activating a model recalculates every lead from them (RecalculateOnActivationPlugin).
                Trace("No active scoring model: nothing scored; the activity is kept and scored when a model is activated.");
                return null;
            }

            if (model.Conflict != null)
            {
                Trace("{0}", model.Conflict);
            }

            return Score(leadId, trigger, now, model, leadImage, write: true, lockedByCaller);
        }

        /// <summary>What the lead's score would be under the given model, written nowhere (the what-if of the scoring matrix).</summary>
        public ScoringOutcome WhatIf(Guid leadId, StoredModel model, DateTime now) =>
            Score(leadId, new Trigger.Recalculation(), now, model, null, write: false, lockedByCaller: false);

        private ScoringOutcome Score(Guid leadId, Trigger trigger, DateTime now, StoredModel model, Entity? leadImage, bool write, bool lockedByCaller)
        {
            var image = leadImage != null && leadImage.Contains("versionnumber") && !inTransaction ? leadImage : null;
            Entity? lead = null;
            if (write && inTransaction && !lockedByCaller)
            {
                var lockRow = new Entity(LeadColumns.Table, leadId);
                lockRow[LeadColumns.ScoredOn] = now;
                service.Update(lockRow);
            }

            for (var attempt = 1; ; attempt++)
            {
                lead ??= image ?? service.Retrieve(LeadColumns.Table, leadId, new ColumnSet(LeadRecord.ColumnsToRetrieve(model.Model))); // the lead first, then its ledger: a later event means a later row version
                var events = ledger.Read(leadId);
                if (lead == image && events.Any(e => e.OccurredOn > now))
                {
                    // The caller's image is the lead as of its change; the ledger holds a later event (a
                    // redelivered or late job): score from the row as it is now, not from the stale image.
                    Trace("Lead {0}: its image is older than its ledger; reading the lead.", leadId);
                    image = lead = null;
                    continue;
                }

                image = null;
                if (trigger is Trigger.Recalculation { Sources: null } recalculation)
                {
                    trigger = recalculation with { Sources = SourceRecords.Read(service, leadId, model.Model) }; // exact: engagement re-derived from the records
                }

                var result = ScoringEngine.Apply(model.Model, LeadRecord.Snapshot(lead), events, trigger, now);
                var outcome = new ScoringOutcome(result, model, events.Concat(result.NewEvents).ToList());
                var scoredByThisModel = lead.GetAttributeValue<EntityReference>(LeadColumns.ScoringModelId)?.Id == model.Id;
                if (!write || (!result.Changed && scoredByThisModel && StoredTotalsMatch(lead, result.State)))
                {
                    return outcome;
                }

                if (!AppendAll(leadId, lead.GetAttributeValue<EntityReference>(LeadColumns.OwnerId), result.NewEvents))
                {
                    if (attempt == MaxAttempts)
                    {
                        throw new InvalidPluginExecutionException("Lead " + leadId + " was scored by other jobs " + MaxAttempts + " times while this job scored it; recalculate it (ls_RecalculateLeadScore) to settle it.");
                    }

                    Trace("Lead {0}: another job booked the same score event meanwhile (attempt {1}); reading the ledger again.", leadId, attempt);
                    lead = null;
                    continue;
                }

                Trace("Lead {0}: {1} new score events, score {2}, stage {3}.", leadId, result.NewEvents.Count, result.State.Score, result.State.Stage);
                try
                {
                    WriteLead(lead, result.State, model.Id, now);
                    return outcome;
                }
                catch (FaultException<OrganizationServiceFault> fault) when (PlatformErrors.Is(fault, PlatformErrors.ConcurrencyVersionMismatch) && attempt < MaxAttempts)
                {
                    Trace("Lead {0} changed while it was scored (attempt {1}); reading it again.", leadId, attempt);
                    lead = null;
                }
            }
        }

        /// <summary>
        /// Appends the events; false at the first key another job wrote meanwhile, when the engine must
        /// decide again with the ledger as it is now (each rule on its own: the next slot, the limit
        /// reached, or nothing for a rule whose award of this change is already booked).
        /// </summary>
        /// <param name="leadOwner">Owns the events: the lead's history is seen by whoever sees the lead.</param>
        private bool AppendAll(Guid leadId, EntityReference? leadOwner, IReadOnlyList<ScoreEvent> events) =>
            events.All(e => ledger.Append(leadId, leadOwner, e));

        private void WriteLead(Entity lead, LeadState state, Guid modelId, DateTime now)
        {
            var rowVersion = inTransaction ? null : LeadRecord.RowVersion(lead);
            var update = LeadRecord.ToUpdate(lead, state, modelId, now);
            update.RowVersion = rowVersion;
            service.Execute(new UpdateRequest
            {
                Target = update,
                ConcurrencyBehavior = rowVersion == null ? ConcurrencyBehavior.Default : ConcurrencyBehavior.IfRowVersionMatches,
            });
        }

        private static bool StoredTotalsMatch(Entity lead, LeadState state) =>
            lead.GetAttributeValue<int?>(LeadColumns.FitScore) == state.Fit && lead.GetAttributeValue<int?>(LeadColumns.EngagementScore) == state.Engagement &&
            lead.GetAttributeValue<int?>(LeadColumns.Score) == state.Score;

        private void Trace(string format, params object[] args) => tracing?.Trace(format, args);
    }
}
