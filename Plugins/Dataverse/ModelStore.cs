using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;

namespace LeadScoring.Dataverse
{
    /// <summary>A scoring model read from the configuration tables, with the row it came from.</summary>
    public sealed class StoredModel
    {
        public StoredModel(Guid id, ScoringModel model, DateTime loadedOn)
        {
            Id = id;
            Model = model;
            LoadedOn = loadedOn;
        }

        public Guid Id { get; }

        public ScoringModel Model { get; }

        public DateTime LoadedOn { get; }

        /// <summary>Set when another model is Active too (a race or a direct data edit): what scoring traces.</summary>
        public string? Conflict { get; init; }
    }

    /// <summary>
    /// Reads scoring models from ls_scoringmodel, ls_scoringrule and ls_scoringcondition (three
    /// queries). The active model is cached per worker process for at most StalenessBound, so at
    /// steady state a busy org reads the configuration about once per StalenessBound, not per event.
    /// </summary>
    public sealed class ModelStore
    {
        /// <summary>How long a worker may score with a model after it was changed elsewhere.</summary>
        public static readonly TimeSpan StalenessBound = TimeSpan.FromMinutes(5);

        private static readonly object Gate = new object();
        private static readonly Dictionary<Guid, KeyValuePair<DateTime, StoredModel?>> ActiveByOrganization = new Dictionary<Guid, KeyValuePair<DateTime, StoredModel?>>();

        private readonly IOrganizationService service;
        private readonly Guid organizationId;

        public ModelStore(IOrganizationService service, Guid organizationId)
        {
            this.service = service;
            this.organizationId = organizationId;
        }

        /// <summary>Forgets the cached active model of this organization (after an activation in this worker).</summary>
        public static void Invalidate(Guid organizationId)
        {
            lock (Gate)
            {
                ActiveByOrganization.Remove(organizationId);
            }
        }

        /// <summary>The columns a model is read with (an explicit list, as Microsoft recommends over all columns).</summary>
        public static readonly string[] ModelColumns = { ScoringModelColumns.DecayEveryDays, ScoringModelColumns.DecayFloor, ScoringModelColumns.DecayInactiveDays, ScoringModelColumns.DecayPoints, ScoringModelColumns.EngagementBands, ScoringModelColumns.EngagementCap, ScoringModelColumns.FitBands, ScoringModelColumns.FitCap, ScoringModelColumns.GradeConversion, ScoringModelColumns.Floor, ScoringModelColumns.HandBackMargin, ScoringModelColumns.HandBackPoints, ScoringModelColumns.MinimumEngagement, ScoringModelColumns.MinimumFit, ScoringModelColumns.Name, ScoringModelColumns.RequalifyEngagement, ScoringModelColumns.SalesReadyThreshold, ScoringModelColumns.Status, ScoringModelColumns.Version };

        /// <summary>The columns a rule is read with.</summary>
        public static readonly string[] RuleColumns = { ScoringRuleColumns.Category, ScoringRuleColumns.Count, ScoringRuleColumns.ExpiresAfterDays, ScoringRuleColumns.Kind, ScoringRuleColumns.LimitType, ScoringRuleColumns.LimitValue, ScoringRuleColumns.Name, ScoringRuleColumns.Points, ScoringRuleColumns.RuleKey, ScoringRuleColumns.ScoringModelId, ScoringRuleColumns.WatchedTable, ScoringRuleColumns.WithinDays };

        /// <summary>The columns a condition is read with.</summary>
        public static readonly string[] ConditionColumns = { ScoringConditionColumns.Attribute, ScoringConditionColumns.ColumnTable, ScoringConditionColumns.Operator, ScoringConditionColumns.ScoringRuleId, ScoringConditionColumns.Value, "createdon" };

        /// <summary>The active model, or null when no model is active (scoring then does nothing).</summary>
        public StoredModel? Active(DateTime now)
        {
            lock (Gate)
            {
                // "No active model" is cached too, so an org without one is not queried per event.
                if (ActiveByOrganization.TryGetValue(organizationId, out var cached) && cached.Key > now - StalenessBound && cached.Key <= now)
                {
                    return cached.Value;
                }
            }

            // Activation retires the model that was active, so two Active models come only from a race
            // or a direct data edit. Then the most recently activated one scores, deterministically
            // (ties by id), and every scoring traces both names until an admin retires the other.
            var rows = service.RetrieveMultiple(ActiveModels(2, ModelColumns.Concat(new[] { ScoringModelColumns.ActivatedOn }).ToArray())).Entities;
            var active = rows.Count == 0 ? null : new StoredModel(rows[0].Id, Map(rows[0]), now)
            {
                Conflict = rows.Count < 2 ? null :
                    "Two scoring models are Active: '" + rows[0].GetAttributeValue<string>(ScoringModelColumns.Name) + "' (activated " + ActivatedOn(rows[0]) + ") scores; '" +
                    rows[1].GetAttributeValue<string>(ScoringModelColumns.Name) + "' (activated " + ActivatedOn(rows[1]) + ") should be retired.",
            };
            lock (Gate)
            {
                ActiveByOrganization[organizationId] = new KeyValuePair<DateTime, StoredModel?>(now, active);
            }

            return active;
        }

        /// <summary>The Active model that scores (uncached; null when none is Active).</summary>
        public Guid? ScoringModelId() => service.RetrieveMultiple(ActiveModels(1, ScoringModelColumns.Id)).Entities.Select(r => (Guid?)r.Id).FirstOrDefault();

        /// <summary>Active models, the one that scores first: the most recently activated, ties by the smaller id.</summary>
        private static QueryExpression ActiveModels(int top, params string[] columns)
        {
            var query = new QueryExpression(ScoringModelColumns.Table) { ColumnSet = new ColumnSet(columns), TopCount = top };
            query.Criteria.AddCondition(ScoringModelColumns.Status, ConditionOperator.Equal, ModelStatusValues.Active);
            query.AddOrder(ScoringModelColumns.ActivatedOn, OrderType.Descending);
            query.AddOrder(ScoringModelColumns.Id, OrderType.Ascending);
            return query;
        }

        private static string ActivatedOn(Entity row) => row.GetAttributeValue<DateTime?>(ScoringModelColumns.ActivatedOn)?.ToString("u", CultureInfo.InvariantCulture) ?? "never";

        /// <summary>Whether a model with this id exists: a query, which answers "no" without failing the caller's transaction.</summary>
        public bool Exists(Guid modelId)
        {
            var query = new QueryExpression(ScoringModelColumns.Table) { ColumnSet = new ColumnSet(ScoringModelColumns.Id), TopCount = 1 };
            query.Criteria.AddCondition(ScoringModelColumns.Id, ConditionOperator.Equal, modelId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>Any model by id, uncached (for what-if explanations and validation on save).</summary>
        public StoredModel Load(Guid modelId, DateTime now)
        {
            var row = service.Retrieve(ScoringModelColumns.Table, modelId, new ColumnSet(ModelColumns));
            return new StoredModel(row.Id, Map(row), now);
        }

        private ScoringModel Map(Entity row)
        {
            var rules = RetrieveAll(ScoringRuleColumns.Table, ScoringRuleColumns.ScoringModelId, new object[] { row.Id });
            var conditions = rules.Count == 0
                ? new List<Entity>()
                : RetrieveAll(ScoringConditionColumns.Table, ScoringConditionColumns.ScoringRuleId, rules.Select(r => (object)r.Id).ToArray());
            var decayPoints = row.GetAttributeValue<int?>(ScoringModelColumns.DecayPoints);
            var handBackMargin = row.GetAttributeValue<int?>(ScoringModelColumns.HandBackMargin);
            return new ScoringModel
            {
                Name = row.GetAttributeValue<string>(ScoringModelColumns.Name) ?? "",
                Version = row.GetAttributeValue<int?>(ScoringModelColumns.Version) ?? 1,
                SalesReadyThreshold = Int(row, ScoringModelColumns.SalesReadyThreshold),
                MinimumFit = Int(row, ScoringModelColumns.MinimumFit),
                MinimumEngagement = Int(row, ScoringModelColumns.MinimumEngagement),
                FitCap = Int(row, ScoringModelColumns.FitCap),
                EngagementCap = Int(row, ScoringModelColumns.EngagementCap),
                Floor = Int(row, ScoringModelColumns.Floor),
                Grades = new GradeBands(Bands(row, ScoringModelColumns.FitBands), Bands(row, ScoringModelColumns.EngagementBands)),
                Decay = decayPoints.HasValue
                    ? new DecayPolicy(Int(row, ScoringModelColumns.DecayInactiveDays), decayPoints.Value, Int(row, ScoringModelColumns.DecayEveryDays), Int(row, ScoringModelColumns.DecayFloor))
                    : null,
                HandBack = handBackMargin.HasValue
                    ? new HandBackPolicy(Int(row, ScoringModelColumns.HandBackPoints), handBackMargin.Value, Int(row, ScoringModelColumns.RequalifyEngagement))
                    : null,
                Rules = rules.Select(r => MapRule(r, conditions.Where(c => c.GetAttributeValue<EntityReference>(ScoringConditionColumns.ScoringRuleId)?.Id == r.Id))).ToList(),
                GradeConversion = GradeConversionText.Parse(row.GetAttributeValue<string>(ScoringModelColumns.GradeConversion)),
            };
        }

        public static ScoringRule MapRule(Entity rule, IEnumerable<Entity> conditions)
        {
            var limitValue = Int(rule, ScoringRuleColumns.LimitValue);
            var expires = rule.GetAttributeValue<int?>(ScoringRuleColumns.ExpiresAfterDays);
            return new ScoringRule
            {
                Id = rule.GetAttributeValue<string>(ScoringRuleColumns.RuleKey) ?? rule.Id.ToString("D"),
                Name = rule.GetAttributeValue<string>(ScoringRuleColumns.Name) ?? "",
                Category = Choice(rule, ScoringRuleColumns.Category) == CategoryValues.Fit ? Category.Fit : Category.Engagement,
                Kind = Choice(rule, ScoringRuleColumns.Kind) switch
                {
                    RuleKindValues.UnansweredEmails => RuleKind.UnansweredEmails,
                    RuleKindValues.ActivityVolume => RuleKind.ActivityVolume,
                    _ => RuleKind.Conditions,
                },
                Table = rule.GetAttributeValue<string>(ScoringRuleColumns.WatchedTable) ?? "",
                Points = Int(rule, ScoringRuleColumns.Points),
                Limit = Choice(rule, ScoringRuleColumns.LimitType) switch
                {
                    LimitTypeValues.PerLead => new RuleLimit(LimitType.PerLead),
                    LimitTypeValues.PerRecord => new RuleLimit(LimitType.PerRecord),
                    LimitTypeValues.MaxTimes => new RuleLimit(LimitType.MaxTimes, limitValue),
                    LimitTypeValues.OncePerDays => new RuleLimit(LimitType.OncePerDays, limitValue),
                    _ => RuleLimit.None,
                },
                ExpiresAfterDays = expires,
                Count = Int(rule, ScoringRuleColumns.Count),
                WithinDays = Int(rule, ScoringRuleColumns.WithinDays),
                Conditions = InOrder(conditions).Select(MapCondition).ToList(),
            };
        }

        /// <summary>A rule's conditions in the order admins created them; one being created now (no createdon yet) comes last.</summary>
        public static List<Entity> InOrder(IEnumerable<Entity> conditions) =>
            conditions.OrderBy(c => c.GetAttributeValue<DateTime?>("createdon") ?? DateTime.MaxValue).ThenBy(c => c.Id).ToList();

        public static Condition MapCondition(Entity condition)
        {
            var attribute = condition.GetAttributeValue<string>(ScoringConditionColumns.Attribute) ?? "";
            var op = (Engine.ConditionOperator)(Choice(condition, ScoringConditionColumns.Operator) - ConditionOperatorValues.EqualsTo);
            try
            {
                var table = condition.GetAttributeValue<string>(ScoringConditionColumns.ColumnTable);
                return new Condition(attribute, op, ConditionValueText.Parse(condition.GetAttributeValue<string>(ScoringConditionColumns.Value)))
                {
                    Table = string.IsNullOrWhiteSpace(table) ? null : table!.Trim(),
                };
            }
            catch (FormatException e)
            {
                throw new ScoringException("Condition on '" + attribute + "': the value is not valid: " + e.Message, e);
            }
        }

        private List<Entity> RetrieveAll(string table, string lookup, object[] ids)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(table == ScoringRuleColumns.Table ? RuleColumns : ConditionColumns) };
            query.Criteria.AddCondition(lookup, ConditionOperator.In, ids);
            return Paging.RetrieveAll(service, query);
        }

        private static int Int(Entity row, string column) => row.GetAttributeValue<int?>(column) ?? 0;

        private static int Choice(Entity row, string column) => row.GetAttributeValue<OptionSetValue>(column)?.Value ?? 0;

        private static IReadOnlyList<int> Bands(Entity row, string column) => Bands(column, row.GetAttributeValue<string>(column));

        /// <summary>Grade band text ("60,30"): whole numbers separated by commas; anything else is a ScoringException naming the column.</summary>
        public static IReadOnlyList<int> Bands(string column, string? text)
        {
            var bands = new List<int>();
            foreach (var part in (text ?? "").Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var band) || band < -ScoringLimits.MaxPoints || band > ScoringLimits.MaxPoints)
                {
                    throw new ScoringException(column + ": '" + text + "' is not allowed; give whole numbers from -" + ScoringLimits.MaxPoints + " to " + ScoringLimits.MaxPoints + ", highest first, separated by commas, e.g. 60,30.");
                }

                bands.Add(band);
            }

            return bands;
        }
    }
}
