using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;

namespace LeadScoring.Benchmarks
{
    /// <summary>
    /// Deterministic inputs for the benchmarks: models of any number of rules shaped like a real one
    /// (a third fit rules on the lead, the rest engagement rules on emails, appointments and marketing
    /// interactions, one to three conditions each, a streak and a volume rule), leads and ledgers.
    /// </summary>
    public static class Workloads
    {
        public static readonly DateTime Start = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

        public static readonly string[] JobTitles = { "Director", "VP", "Manager", "Engineer", "Analyst", "Owner", "Student", "Consultant" };

        /// <summary>Interaction types (ls_type) the generated rules and events use.</summary>
        public const int InteractionTypes = 12;

        public static ScoringModel Model(int rules)
        {
            if (rules < 4)
            {
                throw new ArgumentOutOfRangeException(nameof(rules), "A generated model has at least 4 rules.");
            }

            var list = new List<ScoringRule>
            {
                new() { Id = "cold", Name = "Four emails, no click", Category = Category.Engagement, Kind = RuleKind.UnansweredEmails, Count = 4, Points = -20 },
                new() { Id = "busy", Name = "Busy week", Category = Category.Engagement, Kind = RuleKind.ActivityVolume, Count = 5, WithinDays = 7, Points = 15, Limit = new RuleLimit(LimitType.OncePerDays, 30) },
            };
            var random = new Random(rules);
            for (var i = list.Count; i < rules; i++)
            {
                list.Add((i % 3) switch
                {
                    0 => FitRule(i, random),
                    1 => EmailRule(i, random),
                    _ => i % 2 == 0 ? InteractionRule(i, random) : AppointmentRule(i, random),
                });
            }

            return new ScoringModel
            {
                Name = "Benchmark " + Number(rules),
                Version = 1,
                SalesReadyThreshold = 100,
                MinimumFit = 20,
                MinimumEngagement = 30,
                FitCap = 100 * rules,
                EngagementCap = 100 * rules,
                Floor = 0,
                Grades = new GradeBands(new[] { 60, 30 }, new[] { 80, 40 }),
                Decay = new DecayPolicy(30, 5, 7, 0),
                HandBack = new HandBackPolicy(40, 10, 20),
                Rules = list,
            };
        }

        private static ScoringRule FitRule(int i, Random random)
        {
            var conditions = new List<Condition> { new("jobtitle", ConditionOperator.Contains, new object?[] { JobTitles[random.Next(JobTitles.Length)] }) };
            if (random.Next(2) == 0)
            {
                var low = random.Next(0, 5) * 100;
                conditions.Add(new Condition("numberofemployees", ConditionOperator.Between, new object?[] { (decimal)low, (decimal)(low + 500) }));
            }

            if (random.Next(3) == 0)
            {
                conditions.Add(new Condition("industrycode", ConditionOperator.In, new object?[] { "1", "2", Number(random.Next(3, 30)) }));
            }

            return new ScoringRule { Id = "fit" + Number(i), Name = "Fit rule " + Number(i), Category = Category.Fit, Table = "lead", Conditions = conditions, Points = random.Next(1, 11) };
        }

        private static ScoringRule EmailRule(int i, Random random)
        {
            var column = random.Next(3) switch { 0 => "opencount", 1 => "linksclickedcount", _ => "attachmentopencount" };
            var conditions = new List<Condition> { new(column, ConditionOperator.GreaterThan, new object?[] { (decimal)random.Next(0, 3) }) };
            if (random.Next(2) == 0)
            {
                conditions.Add(new Condition("subject", ConditionOperator.BeginsWith, new object?[] { "Campaign " + Number(random.Next(10)) }));
            }

            return new ScoringRule
            {
                Id = "email" + Number(i),
                Name = "Email rule " + Number(i),
                Category = Category.Engagement,
                Table = "email",
                Conditions = conditions,
                Points = random.Next(1, 11),
                Limit = random.Next(2) == 0 ? new RuleLimit(LimitType.PerRecord) : new RuleLimit(LimitType.MaxTimes, 10),
            };
        }

        private static ScoringRule InteractionRule(int i, Random random) => new()
        {
            Id = "interaction" + Number(i),
            Name = "Interaction rule " + Number(i),
            Category = Category.Engagement,
            Table = "ls_interaction",
            Conditions = new[] { new Condition("ls_type", ConditionOperator.EqualsTo, new object?[] { (decimal)random.Next(InteractionTypes) }) },
            Points = random.Next(1, 21),
            Limit = new RuleLimit(LimitType.PerRecord),
            ExpiresAfterDays = random.Next(2) == 0 ? 90 : null,
        };

        private static ScoringRule AppointmentRule(int i, Random random) => new()
        {
            Id = "appointment" + Number(i),
            Name = "Appointment rule " + Number(i),
            Category = Category.Engagement,
            Table = "appointment",
            Conditions = new[] { new Condition("statecode", ConditionOperator.EqualsTo, new object?[] { 1m }), new Condition("subject", ConditionOperator.Contains, new object?[] { "Demo " + Number(random.Next(5)) }) },
            Points = random.Next(5, 31),
            Limit = new RuleLimit(LimitType.PerRecord),
        };

        /// <summary>A lead's columns (plain values, as the engine sees them).</summary>
        public static Dictionary<string, object?> LeadColumns(int seed)
        {
            var random = new Random(seed);
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["lastname"] = "Lead " + Number(seed),
                ["jobtitle"] = JobTitles[random.Next(JobTitles.Length)] + " of Sales",
                ["numberofemployees"] = (decimal)random.Next(1, 2000),
                ["industrycode"] = Number(random.Next(1, 30)),
            };
        }

        /// <summary>
        /// A ledger of <paramref name="events"/> score events as the engine would have written them:
        /// fit awards for the matching fit rules, then engagement awards from interactions, one day apart.
        /// </summary>
        public static List<ScoreEvent> Ledger(ScoringModel model, int events, int seed = 1)
        {
            var ledger = new List<ScoreEvent>(events);
            var fitRules = model.Rules.Where(r => r.Category == Category.Fit).ToList();
            var engagementRules = model.Rules.Where(r => r.Category == Category.Engagement && r.Kind == RuleKind.Conditions).ToList();
            var random = new Random(seed);
            var end = Start.AddHours(events);
            for (var i = 0; ledger.Count < events; i++)
            {
                var on = Start.AddHours(i);
                if (i < fitRules.Count / 4)
                {
                    var rule = fitRules[i];
                    ledger.Add(new ScoreEvent { Key = "fit|" + rule.Id + "|1", Kind = ScoreEventKind.Rule, Category = Category.Fit, Points = rule.Points, RuleId = rule.Id, Reason = rule.Name, SourceTable = "lead", SourceId = "lead-1", OccurredOn = on, ModelVersion = 1 });
                    continue;
                }

                var award = engagementRules[random.Next(engagementRules.Count)];
                var record = award.Table + "|" + Number(i);
                ledger.Add(new ScoreEvent
                {
                    Key = "rule|" + award.Id + "|" + record,
                    Kind = ScoreEventKind.Rule,
                    Category = Category.Engagement,
                    Points = award.Points,
                    RuleId = award.Id,
                    Reason = award.Name,
                    SourceTable = award.Table,
                    SourceId = Number(i),
                    OccurredOn = on,
                    ExpiresOn = Expiry(award, on, end),
                    ModelVersion = 1,
                });
            }

            return ledger;
        }

        /// <summary>When the award's points expire; null for those that already did (their expiry would be in the ledger as an event of its own).</summary>
        private static DateTime? Expiry(ScoringRule rule, DateTime on, DateTime end) =>
            rule.ExpiresAfterDays.HasValue && on.AddDays(rule.ExpiresAfterDays.Value) > end ? on.AddDays(rule.ExpiresAfterDays.Value) : null;

        /// <summary>The lead state that matches a ledger (totals are the sums of its events).</summary>
        public static LeadState StateOf(IReadOnlyList<ScoreEvent> ledger) => new()
        {
            Fit = ledger.Where(e => e.Category == Category.Fit).Sum(e => e.Points),
            Engagement = ledger.Where(e => e.Category == Category.Engagement).Sum(e => e.Points),
            Stage = LifecycleStage.Engaged,
            LastEngagementOn = ledger.Count == 0 ? null : ledger.Max(e => e.OccurredOn),
        };

        /// <summary>An email being opened: opencount 0 → 1.</summary>
        public static Trigger EmailOpen(string emailId, DateTime at)
        {
            var before = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["opencount"] = 0m,
                ["linksclickedcount"] = 0m,
                ["attachmentopencount"] = 0m,
                ["replycount"] = 0m,
                ["statuscode"] = 3m,
                ["directioncode"] = true,
                ["subject"] = "Campaign 3: spring launch",
            };
            var after = new Dictionary<string, object?>(before, StringComparer.Ordinal) { ["opencount"] = 1m };
            return new Trigger.ActivityOccurred(ActivityChange.Of("email", emailId, at, after, before, "v2"));
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
