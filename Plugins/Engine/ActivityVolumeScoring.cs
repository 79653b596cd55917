using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>N engagement interactions (distinct records with a positive award) within D days award the rule's points, once per lead unless its limit says otherwise.</summary>
    internal static class ActivityVolumeScoring
    {
        public static void Apply(LedgerDraft draft, Activity activity)
        {
            var model = draft.Model;
            foreach (var rule in model.Rules.Where(r => r.Kind == RuleKind.ActivityVolume))
            {
                var since = activity.OccurredOn.AddDays(-rule.WithinDays);
                var interactions = draft.Events
                    .Where(e => e.Kind == ScoreEventKind.Rule && e.Category == Category.Engagement && e.Points > 0 && e.OccurredOn >= since && e.OccurredOn <= activity.OccurredOn)
                    .Where(e => model.Rules.Any(r => r.Id == e.RuleId && r.Kind == RuleKind.Conditions))
                    .Select(e => e.SourceTable + ":" + e.SourceId)
                    .Distinct(System.StringComparer.Ordinal)
                    .Count();
                var key = rule.Limit.Type == LimitType.None ? EventKeys.OncePerLead(rule.Id) : AwardScoring.Key(draft, rule, activity);
                if (interactions >= rule.Count && key != null)
                {
                    var reason = rule.Name + " (" + LedgerDraft.Number(interactions) + " interactions in " + LedgerDraft.Number(rule.WithinDays) + " days)";
                    AwardScoring.Award(draft, rule, key, activity, reason);
                }
            }
        }
    }
}
