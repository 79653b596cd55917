using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>The working state of one ScoringEngine.Apply call: the ledger so far, the new events and the lead's state.</summary>
    internal sealed class ScoringRun
    {
        private readonly ScoringModel model;
        private readonly string leadId;
        private readonly DateTime now;
        private readonly List<ScoreEvent> events;
        private readonly HashSet<string> keys;
        private readonly List<ScoreEvent> added = new List<ScoreEvent>();
        private readonly LeadState before;
        private LeadState state;
        private int fit;
        private int engagement;

        public ScoringRun(ScoringModel model, LeadSnapshot lead, IReadOnlyList<ScoreEvent> ledger, DateTime now)
        {
            this.model = model;
            this.now = now;
            leadId = lead.LeadId;
            events = ledger.ToList();
            keys = new HashSet<string>(ledger.Select(e => e.Key), StringComparer.Ordinal);
            fit = ledger.Where(e => e.Category == Category.Fit).Sum(e => e.Points);
            engagement = ledger.Where(e => e.Category == Category.Engagement).Sum(e => e.Points);
            before = lead.State;
            state = lead.State;
        }

        private int Score => fit + engagement;

        /// <summary>Points of rules with expiresAfterDays drop out once the triggering event is older.</summary>
        public void ExpirePoints()
        {
            foreach (var expired in events.Where(e => e.ExpiresOn.HasValue && e.ExpiresOn.Value <= now).ToList())
            {
                Append(new ScoreEvent
                {
                    Key = "expire|" + expired.Key,
                    Kind = ScoreEventKind.Expiry,
                    Category = expired.Category,
                    Points = -expired.Points,
                    RuleId = expired.RuleId,
                    Reason = "Expired: " + expired.Reason,
                    SourceTable = expired.SourceTable,
                    SourceId = expired.SourceId,
                    OccurredOn = expired.ExpiresOn!.Value,
                });
            }
        }

        /// <summary>Fit is a function of the lead's current columns: append the difference per rule.</summary>
        public void ScoreFit(IReadOnlyDictionary<string, object?> leadAttributes)
        {
            var desired = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var rule in model.Rules.Where(IsFitRule))
            {
                desired[rule.Id] = Conditions.AllMatch(rule.Conditions, leadAttributes) ? rule.Points : 0;
            }

            var ruleTotal = desired.Values.Sum();
            desired[ScoringEngine.FitCapRuleId] = Math.Min(0, model.FitCap - ruleTotal);

            // Rules that left the model give their fit points back too.
            var current = events.Where(e => e.Category == Category.Fit && e.RuleId != null)
                .GroupBy(e => e.RuleId!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var ruleId in current.Keys.Where(id => !desired.ContainsKey(id)).ToList())
            {
                desired[ruleId] = 0;
            }

            foreach (var pair in desired.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var was = current.TryGetValue(pair.Key, out var list) ? list : new List<ScoreEvent>();
                var delta = pair.Value - was.Sum(e => e.Points);
                if (delta == 0)
                {
                    continue;
                }

                var rule = model.Rules.FirstOrDefault(r => r.Id == pair.Key);
                var name = rule?.Name ?? (pair.Key == ScoringEngine.FitCapRuleId ? "Fit capped at " + Number(model.FitCap) : pair.Key);
                Append(new ScoreEvent
                {
                    Key = "fit|" + pair.Key + "|" + Number(was.Count + 1),
                    Kind = ScoreEventKind.Rule,
                    Category = Category.Fit,
                    Points = delta,
                    RuleId = pair.Key,
                    Reason = pair.Value == 0 && pair.Key != ScoringEngine.FitCapRuleId ? name + " no longer applies" : name,
                    SourceTable = "lead",
                    SourceId = leadId,
                    OccurredOn = now,
                });
            }
        }

        /// <summary>Engagement accumulates from events: rules fire when their conditions become true for a record.</summary>
        public void ScoreEngagement(Activity activity)
        {
            var candidates = model.Rules
                .Where(r => r.Category == Category.Engagement && r.Kind == RuleKind.Conditions && Watches(r, activity))
                .Where(r => Conditions.AllMatch(r.Conditions, activity.Attributes) && !(activity.Previous != null && Conditions.AllMatch(r.Conditions, activity.Previous)))
                .Select(r => new { Rule = r, Key = AwardKey(r, activity) })
                .Where(c => c.Key != null)
                .ToList();

            // A change is scored once: if the ledger holds any award of it, this is a replay. (Checking
            // per rule is not enough: a debit the floor absorbed the first time would land now.)
            if (candidates.Any(c => keys.Contains(c.Key!)))
            {
                return;
            }

            foreach (var candidate in candidates)
            {
                Award(candidate.Rule, candidate.Key!, activity, candidate.Rule.Name);
            }

            if (string.Equals(activity.Table, "email", StringComparison.OrdinalIgnoreCase))
            {
                TrackUnansweredEmails(activity);
            }

            foreach (var rule in model.Rules.Where(r => r.Kind == RuleKind.ActivityVolume))
            {
                var since = activity.OccurredOn.AddDays(-rule.WithinDays);
                var interactions = events
                    .Where(e => e.Kind == ScoreEventKind.Rule && e.Category == Category.Engagement && e.Points > 0 && e.OccurredOn >= since && e.OccurredOn <= activity.OccurredOn)
                    .Where(e => model.Rules.Any(r => r.Id == e.RuleId && r.Kind == RuleKind.Conditions))
                    .Select(e => e.SourceTable + ":" + e.SourceId)
                    .Distinct(StringComparer.Ordinal)
                    .Count();
                var key = rule.Limit.Type == LimitType.None ? "rule|" + rule.Id : AwardKey(rule, activity); // "award once when": once per lead unless a limit says otherwise
                if (interactions >= rule.Count && key != null)
                {
                    Award(rule, key, activity, rule.Name + " (" + Number(interactions) + " interactions in " + Number(rule.WithinDays) + " days)");
                }
            }
        }

        /// <summary>After D inactive days, debit P points every E days, down to the decay floor; twice for the same moment changes nothing.</summary>
        public void Decay()
        {
            var policy = model.Decay;
            if (policy == null || !state.LastEngagementOn.HasValue)
            {
                return;
            }

            var lastEngagement = state.LastEngagementOn.Value;
            var inactiveDays = (int)Math.Floor((now - lastEngagement).TotalDays);
            if (inactiveDays < policy.InactiveDays)
            {
                return;
            }

            var due = 1 + ((inactiveDays - policy.InactiveDays) / policy.EveryDays);
            var epoch = lastEngagement.Ticks.ToString(CultureInfo.InvariantCulture);
            for (var debit = 1; debit <= due; debit++)
            {
                var key = "decay|" + epoch + "|" + Number(debit);
                if (keys.Contains(key))
                {
                    continue;
                }

                var points = Math.Min(policy.Points, Math.Min(engagement - policy.Floor, Score - model.Floor));
                if (points <= 0)
                {
                    return;
                }

                Append(new ScoreEvent
                {
                    Key = key,
                    Kind = ScoreEventKind.Decay,
                    Category = Category.Engagement,
                    Points = -points,
                    Reason = "No engagement for " + Number(policy.InactiveDays + ((debit - 1) * policy.EveryDays)) + " days",
                    OccurredOn = lastEngagement.AddDays(policy.InactiveDays + ((debit - 1) * policy.EveryDays)),
                });
            }
        }

        /// <summary>Sales returns the lead: it lands at least the margin below the line and must re-engage to requalify.</summary>
        public void HandBack(string reason)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new ScoringException("A hand-back needs a reason.");
            }

            var alreadyHandedBack = state.Stage == LifecycleStage.Recycled && state.HandBackOn.HasValue &&
                (!state.LastEngagementOn.HasValue || state.LastEngagementOn.Value <= state.HandBackOn.Value);
            if (alreadyHandedBack)
            {
                return;
            }

            var policy = model.HandBack ?? new HandBackPolicy(0, 0, 0);
            var target = model.SalesReadyThreshold - policy.MarginBelowThreshold;
            var debit = Math.Min(Math.Max(policy.Points, Score - target), Score - model.Floor);
            var count = state.HandBackCount + 1;
            if (debit > 0)
            {
                Append(new ScoreEvent
                {
                    Key = "handback|" + Number(count),
                    Kind = ScoreEventKind.HandBack,
                    Category = Category.Engagement,
                    Points = -debit,
                    Reason = "Handed back to marketing: " + reason.Trim(),
                    SourceTable = "lead",
                    SourceId = leadId,
                    OccurredOn = now,
                });
            }

            state = state with { Stage = LifecycleStage.Recycled, HandBackCount = count, HandBackReason = reason.Trim(), HandBackOn = now };
        }

        /// <summary>A person's manual adjustment, kept within the caps and the floor like any other change.</summary>
        public void Adjust(int points, string reason, string requestKey)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new ScoringException("A manual adjustment needs a reason.");
            }

            if (reason.Trim().Length > ScoringLimits.MaxReasonLength)
            {
                throw new ScoringException("The reason of a manual adjustment may be at most " + Number(ScoringLimits.MaxReasonLength) + " characters; got " + Number(reason.Trim().Length) + ".");
            }

            // Compared without Math.Abs: Math.Abs(int.MinValue) overflows.
            if (points == 0 || points < -ScoringLimits.MaxPoints || points > ScoringLimits.MaxPoints)
            {
                throw new ScoringException("Points of a manual adjustment must be between -" + Number(ScoringLimits.MaxPoints) + " and " + Number(ScoringLimits.MaxPoints) + " and not 0; got " + Number(points) + ".");
            }

            var allowed = Clamp(points);
            if (allowed == 0)
            {
                return;
            }

            Append(new ScoreEvent
            {
                Key = "adjust|" + requestKey,
                Kind = ScoreEventKind.Adjustment,
                Category = Category.Engagement,
                Points = allowed,
                Reason = reason.Trim(),
                SourceTable = "lead",
                SourceId = leadId,
                OccurredOn = now,
            });
        }

        public ScoringResult Finish(bool handedBack)
        {
            KeepWithinCapsAndFloor();
            var salesReady = ScoringEngine.IsSalesReady(model, fit, engagement);
            var stage = NextStage(salesReady, handedBack);
            var salesReadyOn = stage == LifecycleStage.MarketingQualified
                ? (before.Stage == LifecycleStage.MarketingQualified && before.SalesReadyOn.HasValue ? before.SalesReadyOn : now)
                : stage == LifecycleStage.SalesAccepted ? state.SalesReadyOn : null;
            state = state with
            {
                Fit = fit,
                Engagement = engagement,
                Grade = ScoringEngine.Grade(model.Grades, fit, engagement),
                Stage = stage,
                SalesReadyOn = salesReadyOn,
            };
            var changed = added.Count > 0 || !SameState(before, state);
            return new ScoringResult(added, state) { Changed = changed };
        }

        private LifecycleStage NextStage(bool salesReady, bool handedBack)
        {
            var stage = state.Stage;
            if (stage == LifecycleStage.SalesAccepted || stage == LifecycleStage.Disqualified)
            {
                return stage; // set by people; scoring never overrides them
            }

            if (handedBack)
            {
                return LifecycleStage.Recycled;
            }

            if (stage == LifecycleStage.Recycled)
            {
                var requalify = model.HandBack?.RequalifyEngagement ?? 0;
                var handBackOn = state.HandBackOn ?? DateTime.MinValue;
                var newEngagement = events.Where(e => e.Kind == ScoreEventKind.Rule && e.Category == Category.Engagement && e.Points > 0 && e.OccurredOn > handBackOn).Sum(e => e.Points);
                return salesReady && newEngagement >= requalify ? LifecycleStage.MarketingQualified : LifecycleStage.Recycled;
            }

            if (salesReady)
            {
                return LifecycleStage.MarketingQualified;
            }

            var everEngaged = events.Any(e => e.Kind == ScoreEventKind.Rule && e.Category == Category.Engagement && e.Points > 0);
            return everEngaged ? LifecycleStage.Engaged : LifecycleStage.New;
        }

        /// <summary>The idempotency key of a rule's award for this change, or null when the rule's limit is reached.</summary>
        private string? AwardKey(ScoringRule rule, Activity activity)
        {
            var record = activity.Table + "|" + activity.RecordId;
            var awards = events.Where(e => e.Kind == ScoreEventKind.Rule && e.RuleId == rule.Id);
            switch (rule.Limit.Type)
            {
                case LimitType.PerLead:
                    return "rule|" + rule.Id;
                case LimitType.PerRecord:
                    return "rule|" + rule.Id + "|" + record;
                case LimitType.MaxTimes when awards.Count() >= rule.Limit.Value:
                    return null;
                case LimitType.OncePerDays when awards.Any(e => e.OccurredOn > activity.OccurredOn.AddDays(-rule.Limit.Value)):
                    return null;
                default:
                    return "rule|" + rule.Id + "|" + record + "|" + activity.Occurrence;
            }
        }

        private void Award(ScoringRule rule, string key, Activity activity, string reason)
        {
            var points = Clamp(rule.Points);
            if (points == 0 || keys.Contains(key))
            {
                return;
            }

            Append(new ScoreEvent
            {
                Key = key,
                Kind = ScoreEventKind.Rule,
                Category = Category.Engagement,
                Points = points,
                RuleId = rule.Id,
                Reason = points == rule.Points ? reason : reason + " (limited to " + Number(points) + " by the cap or floor)",
                SourceTable = activity.Table,
                SourceId = activity.RecordId,
                OccurredOn = activity.OccurredOn,
                ExpiresOn = rule.ExpiresAfterDays.HasValue ? activity.OccurredOn.AddDays(rule.ExpiresAfterDays.Value) : null,
            });
            if (points > 0 && (!state.LastEngagementOn.HasValue || activity.OccurredOn > state.LastEngagementOn.Value))
            {
                state = state with { LastEngagementOn = activity.OccurredOn };
            }
        }

        /// <summary>A sent email joins the streak; a click or a reply ends it; N in a row debit the rule once.</summary>
        private void TrackUnansweredEmails(Activity email)
        {
            var rules = model.Rules.Where(r => r.Kind == RuleKind.UnansweredEmails).ToList();
            if (rules.Count == 0)
            {
                return;
            }

            var streak = state.UnansweredEmailIds;
            if (Increased(email, "linksclickedcount") || Increased(email, "replycount") || IsInboundReply(email))
            {
                state = state with { UnansweredEmailIds = Array.Empty<string>() };
                return;
            }

            var sentNow = IsSentOutbound(email.Attributes);
            var sentBefore = email.Previous != null && IsSentOutbound(email.Previous);
            if (!sentNow || sentBefore || streak.Contains(email.RecordId, StringComparer.Ordinal))
            {
                return;
            }

            streak = streak.Concat(new[] { email.RecordId }).ToList();
            foreach (var rule in rules.Where(r => streak.Count % r.Count == 0))
            {
                var points = Clamp(rule.Points);
                if (points != 0)
                {
                    Append(new ScoreEvent
                    {
                        Key = "rule|" + rule.Id + "|streak|" + email.RecordId,
                        Kind = ScoreEventKind.Rule,
                        Category = Category.Engagement,
                        Points = points,
                        RuleId = rule.Id,
                        Reason = rule.Name + " (" + Number(streak.Count) + " sent emails without a click or reply)",
                        SourceTable = email.Table,
                        SourceId = email.RecordId,
                        OccurredOn = email.OccurredOn,
                    });
                }
            }

            // The streak restarts after the longest rule has debited.
            state = state with { UnansweredEmailIds = streak.Count >= rules.Max(r => r.Count) ? Array.Empty<string>() : streak };
        }

        /// <summary>Positive points stop at the engagement cap; negative points stop at the floor.</summary>
        private int Clamp(int points) => points > 0
            ? Math.Max(0, Math.Min(points, model.EngagementCap - engagement))
            : Math.Min(0, Math.Max(points, model.Floor - Score));

        /// <summary>Corrections that keep the invariants when several changes meet (for example concurrent executions).</summary>
        private void KeepWithinCapsAndFloor()
        {
            if (engagement > model.EngagementCap)
            {
                Correct(ScoringEngine.EngagementCapRuleId, model.EngagementCap - engagement, "Engagement capped at " + Number(model.EngagementCap));
            }

            if (Score < model.Floor)
            {
                Correct(ScoringEngine.FloorRuleId, model.Floor - Score, "Score kept at the floor of " + Number(model.Floor));
            }
        }

        private void Correct(string ruleId, int points, string reason)
        {
            var count = events.Count(e => e.RuleId == ruleId);
            Append(new ScoreEvent
            {
                Key = ruleId.TrimStart('$') + "|" + Number(count + 1),
                Kind = ScoreEventKind.Rule,
                Category = Category.Engagement,
                Points = points,
                RuleId = ruleId,
                Reason = reason,
                SourceTable = "lead",
                SourceId = leadId,
                OccurredOn = now,
            });
        }

        private void Append(ScoreEvent scoreEvent)
        {
            if (scoreEvent.Points == 0 || !keys.Add(scoreEvent.Key))
            {
                return;
            }

            scoreEvent = scoreEvent with { ModelVersion = model.Version };
            events.Add(scoreEvent);
            added.Add(scoreEvent);
            if (scoreEvent.Category == Category.Fit)
            {
                fit += scoreEvent.Points;
            }
            else
            {
                engagement += scoreEvent.Points;
            }
        }

        private static bool IsFitRule(ScoringRule rule) => rule.Category == Category.Fit && rule.Kind == RuleKind.Conditions;

        private static bool Watches(ScoringRule rule, Activity activity) => string.Equals(rule.Table, activity.Table, StringComparison.OrdinalIgnoreCase);

        private static bool IsSentOutbound(IReadOnlyDictionary<string, object?> email) =>
            Flag(email, "directioncode") && Conditions.AreEqual(Value(email, "statuscode"), 3);

        private static bool IsInboundReply(Activity email) =>
            email.Previous == null && !Flag(email.Attributes, "directioncode") && email.Attributes.ContainsKey("directioncode");

        private static bool Increased(Activity activity, string column)
        {
            Conditions.TryNumber(Value(activity.Attributes, column), out var current);
            Conditions.TryNumber(activity.Previous == null ? null : Value(activity.Previous, column), out var previous);
            return current > previous;
        }

        private static bool Flag(IReadOnlyDictionary<string, object?> attributes, string column) => Value(attributes, column) is bool b && b;

        private static object? Value(IReadOnlyDictionary<string, object?> attributes, string column) =>
            attributes.TryGetValue(column, out var value) ? value : null;

        private static bool SameState(LeadState a, LeadState b) =>
            a.Fit == b.Fit && a.Engagement == b.Engagement && a.Grade == b.Grade && a.Stage == b.Stage &&
            a.SalesReadyOn == b.SalesReadyOn && a.LastEngagementOn == b.LastEngagementOn && a.HandBackCount == b.HandBackCount &&
            a.HandBackReason == b.HandBackReason && a.HandBackOn == b.HandBackOn && a.UnansweredEmailIds.SequenceEqual(b.UnansweredEmailIds);

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
