using System;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>A sent email joins the streak; a click or a reply ends it; N in a row debit the rule once, and the streak restarts after the longest rule debited.</summary>
    internal static class UnansweredEmailScoring
    {
        public static void Apply(LedgerDraft draft, Activity activity)
        {
            var rules = draft.Model.Rules.Where(r => r.Kind == RuleKind.UnansweredEmails).ToList();
            if (rules.Count == 0 || activity.Email is not { } email)
            {
                return;
            }

            var streak = draft.State.UnansweredEmailIds;
            if (email.Clicked || email.Replied)
            {
                draft.State = draft.State with { UnansweredEmailIds = Array.Empty<string>() };
                return;
            }

            if (!email.Sent || streak.Contains(activity.RecordId, StringComparer.Ordinal))
            {
                return;
            }

            streak = streak.Concat(new[] { activity.RecordId }).ToList();
            foreach (var rule in rules.Where(r => streak.Count % r.Count == 0))
            {
                draft.Append(new ScoreEvent
                {
                    Key = EventKeys.Streak(rule.Id, activity.RecordId),
                    Kind = ScoreEventKind.Rule,
                    Category = Category.Engagement,
                    Points = FloorAndCaps.RoomForEngagement(draft, rule.Points),
                    RuleId = rule.Id,
                    Reason = rule.Name + " (" + LedgerDraft.Number(streak.Count) + " sent emails without a click or reply)",
                    SourceTable = activity.Table,
                    SourceId = activity.RecordId,
                    OccurredOn = activity.OccurredOn,
                });
            }

            draft.State = draft.State with { UnansweredEmailIds = streak.Count >= rules.Max(r => r.Count) ? Array.Empty<string>() : streak };
        }
    }
}
