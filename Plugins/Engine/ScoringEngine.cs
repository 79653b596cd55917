using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>
    /// The pure scoring engine: given a model, a lead, its ledger and what happened, it decides
    /// which score events to append and what the lead's totals, grade and stage become. Each policy
    /// is its own small class; a LedgerDraft carries the running totals between them.
    /// Deterministic: "now" is passed in, nothing is read from the environment.
    /// </summary>
    public static class ScoringEngine
    {
        public const string FitCapRuleId = "$fitcap";
        public const string EngagementCapRuleId = "$engagementcap";
        public const string FloorRuleId = "$floor";

        public static ScoringResult Apply(ScoringModel model, LeadSnapshot lead, IReadOnlyList<ScoreEvent> ledger, Trigger trigger, DateTime now)
        {
            var draft = new LedgerDraft(model, lead, ledger, now);
            ExpiryScoring.Apply(draft);
            switch (trigger)
            {
                case Trigger.LeadChanged changed:
                    FitScoring.Apply(draft, lead.Attributes);
                    ScoreEngagement(draft, changed.Change);
                    break;
                case Trigger.ActivityOccurred occurred:
                    ScoreEngagement(draft, occurred.Activity);
                    break;
                case Trigger.DecayDue:
                    DecayScoring.Apply(draft);
                    break;
                case Trigger.HandBack handBack:
                    HandBackScoring.Apply(draft, handBack.Reason);
                    break;
                case Trigger.Adjustment adjustment:
                    AdjustmentScoring.Apply(draft, adjustment.Points, adjustment.Reason, adjustment.RequestKey);
                    break;
                case Trigger.Recalculation recalculation:
                    if (recalculation.Sources != null)
                    {
                        RecalculationScoring.Apply(draft, lead, ledger, recalculation.Sources, recalculation.Why);
                    }

                    FitScoring.Apply(draft, lead.Attributes);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger.");
            }

            return Finish(draft, trigger is Trigger.HandBack, trigger is Trigger.LeadChanged { Reactivated: true });
        }

        private static void ScoreEngagement(LedgerDraft draft, Activity activity)
        {
            AwardScoring.Apply(draft, activity);
            UnansweredEmailScoring.Apply(draft, activity);
            ActivityVolumeScoring.Apply(draft, activity);
        }

        private static ScoringResult Finish(LedgerDraft draft, bool handedBack, bool reactivated)
        {
            FloorAndCaps.Apply(draft);
            var model = draft.Model;
            var state = draft.State;
            var handBackOn = state.HandBackOn ?? DateTime.MinValue;
            var engagements = draft.Events.Where(e => e.Kind == ScoreEventKind.Rule && e.Category == Category.Engagement && e.Points > 0).ToList();

            var facts = new StageFacts
            {
                SalesReady = Lifecycle.IsSalesReady(model, draft.Fit, draft.Engagement),
                EverEngaged = engagements.Count > 0,
                Requalified = draft.NewEngagementAfter(handBackOn) >= model.HandBackInForce.RequalifyEngagement,
                HandedBack = handedBack,
                Reactivated = reactivated,
            };
            var stage = Lifecycle.NextStage(state.Stage, draft.Status, facts);
            var before = draft.Before;
            var salesReadyOn = stage == LifecycleStage.MarketingQualified
                ? (before.Stage == LifecycleStage.MarketingQualified && before.SalesReadyOn.HasValue ? before.SalesReadyOn : draft.Now)
                : stage == LifecycleStage.SalesAccepted || stage == LifecycleStage.Disqualified ? state.SalesReadyOn : null; // kept as history once the lead is closed
            state = state with
            {
                Fit = draft.Fit,
                Engagement = draft.Engagement,
                FloorAdjustment = draft.FloorAdjustment,
                Grade = Lifecycle.Grade(model.Grades, draft.Fit, draft.Engagement),
                Stage = stage,
                SalesReadyOn = salesReadyOn,
            };
            state = state with { NextChangeOn = NextChangeOn(draft, state) };
            var changed = draft.Added.Count > 0 || !SameState(before, state);
            return new ScoringResult(draft.Added, state) { Changed = changed };
        }

        /// <summary>The earlier of the next decay debit and the next expiry; the nightly job reads only open leads due by then, so none for a closed lead.</summary>
        private static DateTime? NextChangeOn(LedgerDraft draft, LeadState state)
        {
            if (draft.Status != LeadStatus.Open)
            {
                return null;
            }

            var decay = DecayScoring.NextDebitOn(draft.Model, state, draft.Status, draft.Has);
            var expiry = ExpiryScoring.NextExpiryOn(draft.Events, draft.Has);
            return decay.HasValue && expiry.HasValue ? (decay.Value < expiry.Value ? decay : expiry) : decay ?? expiry;
        }

        private static bool SameState(LeadState a, LeadState b) =>
            a.Fit == b.Fit && a.Engagement == b.Engagement && a.FloorAdjustment == b.FloorAdjustment && a.Grade == b.Grade && a.Stage == b.Stage &&
            a.SalesReadyOn == b.SalesReadyOn && a.LastEngagementOn == b.LastEngagementOn && a.HandBackCount == b.HandBackCount &&
            a.HandBackReason == b.HandBackReason && a.HandBackOn == b.HandBackOn && a.NextChangeOn == b.NextChangeOn &&
            a.UnansweredEmailIds.SequenceEqual(b.UnansweredEmailIds);
    }
}
