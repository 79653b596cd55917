using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LeadScoring.Engine
{
    /// <summary>What moved a lead into a stage.</summary>
    public enum StageChangeCause
    {
        /// <summary>Scoring set the stage from the score (New, Engaged, Marketing Qualified, and back).</summary>
        Score,

        /// <summary>The lead entered Recycled: sales handed it back (through the Custom API, the workflow activity or the stage itself).</summary>
        HandBack,

        /// <summary>The lead was qualified or disqualified and scoring followed its status.</summary>
        Status,

        /// <summary>A person set Sales Accepted or Disqualified on an open lead.</summary>
        Person,
    }

    /// <summary>The stage changes the hand-back rate counts.</summary>
    public enum FunnelMark
    {
        None,

        /// <summary>The lead's first entry into Marketing Qualified.</summary>
        BecameMql,

        /// <summary>The lead's first hand-back (entry into Recycled) after it first became Marketing Qualified.</summary>
        HandedBack,
    }

    /// <summary>One entry of a lead's stage history. From is null for the lead's first stage; MqlOn is when the lead first became Marketing Qualified, if it had by then.</summary>
    /// <param name="Number">The entry's place in the lead's history, 1 for its first stage.</param>
    public sealed record StageEntry(int Number, LifecycleStage? From, LifecycleStage To, DateTime EnteredOn, StageChangeCause Cause, FunnelMark Mark, DateTime? MqlOn)
    {
        public string Key => EventKeys.StageChange(Number, From?.ToString() ?? "", To.ToString());

        public string EnteredMonth => StageHistory.Month(EnteredOn);

        public string? MqlMonth => MqlOn == null ? null : StageHistory.Month(MqlOn.Value);
    }

    /// <summary>
    /// The lifecycle stage history: each change of a lead's stage is one entry. "Entered a stage" is
    /// such an entry; the hand-back rate of a month is the leads whose first Marketing Qualified entry
    /// falls in it that were later handed back (entered Recycled), over those leads. The workbench's
    /// funnel counts the same way.
    /// </summary>
    public static class StageHistory
    {
        /// <summary>The calendar month (UTC) a moment falls in, "2026-05": the month the funnel counts it in.</summary>
        public static string Month(DateTime utc) => utc.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        /// <summary>Entering Recycled is always a hand-back; otherwise a person's write, a closed lead's status, or the score.</summary>
        public static StageChangeCause Cause(LifecycleStage to, bool productWrite, LeadStatus status) =>
            to == LifecycleStage.Recycled ? StageChangeCause.HandBack
            : !productWrite ? StageChangeCause.Person
            : status != LeadStatus.Open ? StageChangeCause.Status
            : StageChangeCause.Score;

        /// <summary>The entry for a change of stage, marked against the lead's earlier entries.</summary>
        public static StageEntry Next(IReadOnlyList<StageEntry> earlier, LifecycleStage? from, LifecycleStage to, DateTime enteredOn, StageChangeCause cause)
        {
            var firstMql = earlier.Where(e => e.To == LifecycleStage.MarketingQualified).Select(e => (DateTime?)e.EnteredOn).Min();
            var mark = FunnelMark.None;
            if (to == LifecycleStage.MarketingQualified && firstMql == null)
            {
                mark = FunnelMark.BecameMql;
                firstMql = enteredOn;
            }
            else if (to == LifecycleStage.Recycled && firstMql != null && !earlier.Any(e => e.Mark == FunnelMark.HandedBack))
            {
                mark = FunnelMark.HandedBack;
            }

            return new StageEntry(earlier.Count + 1, from, to, enteredOn, cause, mark, firstMql);
        }
    }
}
