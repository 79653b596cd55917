using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// The tables and columns (Entities/). Names come from Plugins/Dataverse/Schema.cs. Choices of type:
    /// scores and counts are whole numbers; dates are "Date and time" with the User local behaviour
    /// (stored in UTC, the SDK reads and writes UTC moments, forms show the user's time zone); JSON-ish
    /// values are multiline text. The configuration tables are organization-owned: they are the
    /// organization's settings. The ledger (ls_scoreevent), the stage history and the marketing interactions are user-owned,
    /// owned by their lead's owner and assigned with the lead (the lookup's Assign, Share, Unshare and
    /// Reparent cascade), so that who sees a lead's score history is who sees the lead.
    /// </summary>
    public static class Tables
    {
        // Relationship names (Other/Relationships/).
        public const string ModelRules = "ls_scoringmodel_scoringrule";
        public const string RuleConditions = "ls_scoringrule_scoringcondition";
        public const string LeadScoreEvents = "ls_lead_scoreevent";
        public const string LeadStageChanges = "ls_lead_stagechange";
        public const string LeadInteractions = "ls_lead_interaction";
        public const string ModelLeads = "ls_scoringmodel_lead";
        public const string MarketingApprover = "ls_systemuser_scoringmodel_marketingapprover";
        public const string SalesApprover = "ls_systemuser_scoringmodel_salesapprover";

        public static Column Whole(string name, string label, string description, int min = int.MinValue, int max = int.MaxValue) =>
            new(name, label, ColumnKind.WholeNumber) { Description = description, MinValue = min, MaxValue = max };

        public static Column Text(string name, string label, string description, int maxLength) =>
            new(name, label, ColumnKind.Text) { Description = description, MaxLength = maxLength };

        public static Column Moment(string name, string label, string description) =>
            new(name, label, ColumnKind.DateTime) { Description = description };

        public static Column Pick(string name, string label, string description, string choice) =>
            new(name, label, ColumnKind.Choice) { Description = description, Choice = choice };

        public static Column Lookup(string name, string label, string description, string target, string relationship, string cascadeDelete) =>
            new(name, label, ColumnKind.Lookup) { Description = description, Target = target, Relationship = relationship, CascadeDelete = cascadeDelete };

        /// <summary>The columns lead scoring adds to the standard lead table. Score columns are secured (see Security).</summary>
        public static Table Lead { get; } = new(LeadColumns.Table, "Lead", "Leads")
        {
            SchemaName = "Lead",
            IsNew = false,
            Columns = new[]
            {
                Whole(LeadColumns.Score, "Lead score", "Fit plus engagement: the sum of the lead's score events.") with { Secured = true },
                Whole(LeadColumns.FitScore, "Fit", "Demographic points.") with { Secured = true },
                Whole(LeadColumns.EngagementScore, "Engagement", "Behavioural points.") with { Secured = true },
                Text(LeadColumns.Grade, "Grade", "The fit × engagement matrix cell, e.g. A1.", 10) with { Secured = true },
                Pick(LeadColumns.LifecycleStage, "Lifecycle stage", "New, Engaged, Marketing Qualified, Sales Accepted, Recycled or Disqualified. Sales sets Sales Accepted, Disqualified or Recycled.", Choices.LifecycleStage),
                Moment(LeadColumns.SalesReadyOn, "Sales-ready on", "When the lead last crossed the sales-ready threshold.") with { Secured = true },
                Moment(LeadColumns.LastEngagementOn, "Last engagement on", "The latest engagement that earned points; decay counts inactivity from here.") with { Secured = true },
                Whole(LeadColumns.HandBackCount, "Hand-back count", "How often sales handed the lead back to marketing.", 0) with { Secured = true },
                Text(LeadColumns.HandBackReason, "Hand-back reason", "Why sales last handed the lead back (written by the person handing back).", 500),
                Moment(LeadColumns.HandBackOn, "Handed back on", "When sales last handed the lead back.") with { Secured = true },
                Moment(LeadColumns.NextScoreChangeOn, "Next scoring change due on", "The earlier of the next decay debit and the next expiry of points; the nightly job reads only leads due by then.") with { Secured = true },
                Text(LeadColumns.UnansweredEmailIds, "Unanswered email streak", "Ids of the sent emails in the current unanswered streak (kept by lead scoring).", 4000) with { Secured = true },
                Lookup(LeadColumns.ScoringModelId, "Scoring model", "The model the score was calculated with.", ScoringModelColumns.Table, ModelLeads, "RemoveLink") with { Secured = true },
                Moment(LeadColumns.ScoredOn, "Scored on", "When lead scoring last wrote the score.") with { Secured = true },
            },
        };

        public static Table ScoringModel { get; } = New(ScoringModelColumns.Table, "Scoring model", "Scoring models",
            "A versioned scoring model: thresholds, caps, grade bands, decay and hand-back settings, approvals.",
            Text(ScoringModelColumns.Name, "Name", "The model's name.", 100) with { RequiredLevel = "required" },
            new[]
            {
                Whole(ScoringModelColumns.Version, "Version", "Version number; copy a model to a new version to change it.", 1),
                Pick(ScoringModelColumns.Status, "Model status", "Draft, Active or Retired. Set Active once both approvals are given.", Choices.ModelStatus),
                Whole(ScoringModelColumns.SalesReadyThreshold, "Sales-ready threshold", "The MQL line: the score at which a lead becomes sales-ready."),
                Whole(ScoringModelColumns.MinimumFit, "Minimum fit", "Fit a lead needs to be sales-ready."),
                Whole(ScoringModelColumns.MinimumEngagement, "Minimum engagement", "Engagement a lead needs to be sales-ready."),
                Whole(ScoringModelColumns.FitCap, "Fit cap", "The most fit points a lead can have."),
                Whole(ScoringModelColumns.EngagementCap, "Engagement cap", "The most engagement points a lead can have."),
                Whole(ScoringModelColumns.Floor, "Score floor", "A score never goes below this."),
                Text(ScoringModelColumns.FitBands, "Fit grade bands", "Fit band lower bounds, highest first, e.g. 60,30 (grades A, B, C).", 100),
                Text(ScoringModelColumns.EngagementBands, "Engagement grade bands", "Engagement band lower bounds, highest first, e.g. 80,40 (grades 1, 2, 3).", 100),
                Whole(ScoringModelColumns.DecayInactiveDays, "Decay after inactive days", "Days without engagement before decay starts.", 0),
                Whole(ScoringModelColumns.DecayPoints, "Decay points", "Engagement points debited at each decay step (empty: no decay).", 0),
                Whole(ScoringModelColumns.DecayEveryDays, "Decay every days", "Days between decay steps.", 0),
                Whole(ScoringModelColumns.DecayFloor, "Decay floor", "Decay never takes engagement below this."),
                Whole(ScoringModelColumns.HandBackPoints, "Hand-back points", "At least this many points are debited on a hand-back (used only with a hand-back margin).", 0),
                Whole(ScoringModelColumns.HandBackMargin, "Hand-back margin", "The score lands this far below the threshold after a hand-back (empty: no hand-back policy; the lead lands 1 point below the threshold)."),
                Whole(ScoringModelColumns.RequalifyEngagement, "Requalify engagement", "New engagement points a recycled lead needs before it can be sales-ready again (used only with a hand-back margin).", 0),
                Lookup(ScoringModelColumns.MarketingApproverId, "Marketing approver", "The marketing approver who approved this version.", "systemuser", MarketingApprover, "NoCascade"),
                Moment(ScoringModelColumns.MarketingApprovedOn, "Marketing approved on", "When marketing approved this version.") with { ValidForCreate = false },
                Lookup(ScoringModelColumns.SalesApproverId, "Sales approver", "The sales approver who approved this version.", "systemuser", SalesApprover, "NoCascade"),
                Moment(ScoringModelColumns.SalesApprovedOn, "Sales approved on", "When sales approved this version.") with { ValidForCreate = false },
                Moment(ScoringModelColumns.ActivatedOn, "Activated on", "When this version became the active model."),
                new Column(ScoringModelColumns.ActivationNotes, "Activation notes", ColumnKind.Memo) { Description = "What activation found: rules that read a column the plug-in steps do not watch.", MaxLength = 4000 },
                Text(ScoringModelColumns.GradeConversion, "Grade conversion", "How leads of each grade converted in this version's last backtest, written by the workbench's model import (source, date, leads, grade=converted/leads).", 2000),
            });

        public static Table ScoringRule { get; } = New(ScoringRuleColumns.Table, "Scoring rule", "Scoring rules",
            "One rule of a scoring model: what earns or costs points, how often, and for how long.",
            Text(ScoringRuleColumns.Name, "Name", "What the rule rewards, in words a sales rep understands.", 200) with { RequiredLevel = "required" },
            new[]
            {
                Lookup(ScoringRuleColumns.ScoringModelId, "Scoring model", "The model the rule belongs to.", ScoringModelColumns.Table, ModelRules, "Cascade") with { RequiredLevel = "required" },
                Text(ScoringRuleColumns.RuleKey, "Rule key", "The rule's id in the model file, unique within the model.", 100),
                Pick(ScoringRuleColumns.Category, "Category", "Fit or engagement.", Choices.Category),
                Pick(ScoringRuleColumns.Kind, "Kind", "Conditions, unanswered emails or activity volume.", Choices.RuleKind),
                Text(ScoringRuleColumns.WatchedTable, "Watched table", "The table whose rows the rule watches: lead, email, appointment, phonecall or ls_interaction.", 100),
                Whole(ScoringRuleColumns.Points, "Points", "Points awarded (negative to debit)."),
                Pick(ScoringRuleColumns.LimitType, "Frequency limit", "How often the rule may award its points.", Choices.LimitType),
                Whole(ScoringRuleColumns.LimitValue, "Limit value", "N for at most N times or at most once per N days.", 0),
                Whole(ScoringRuleColumns.ExpiresAfterDays, "Expires after days", "Points expire after this many days (empty: never).", 0),
                Whole(ScoringRuleColumns.Count, "Count", "Unanswered emails in a row, or interactions, that trigger the rule.", 0),
                Whole(ScoringRuleColumns.WithinDays, "Within days", "Activity volume: the window the interactions must fall in.", 0),
            });

        public static Table ScoringCondition { get; } = New(ScoringConditionColumns.Table, "Scoring condition", "Scoring conditions",
            "One condition of a rule; a rule's conditions are AND-ed.",
            Text(ScoringConditionColumns.Attribute, "Column", "The watched table's column the condition tests.", 100) with { RequiredLevel = "required" },
            new[]
            {
                Lookup(ScoringConditionColumns.ScoringRuleId, "Scoring rule", "The rule the condition belongs to.", ScoringRuleColumns.Table, RuleConditions, "Cascade") with { RequiredLevel = "required" },
                Text(ScoringConditionColumns.ColumnTable, "Column of", "Empty: the rule's watched table. \"lead\": a persona condition on the lead's own column, checked when the activity is scored.", 100),
                Pick(ScoringConditionColumns.Operator, "Operator", "How the column is compared with the value.", Choices.ConditionOperator),
                new Column(ScoringConditionColumns.Value, "Value", ColumnKind.Memo) { Description = "The value to compare with, as JSON (a value, or an array for in and between). A choice label typed here is stored as its value.", MaxLength = ConditionValueText.MaxLength },
                Text(ScoringConditionColumns.ValueLabel, "Value label", "The labels of a choice or yes/no value, set by lead scoring when the condition is saved.", 1000),
            });

        public static Table ScoreEvent { get; } = New(ScoreEventColumns.Table, "Score event", "Score events",
            "The append-only ledger: one row per change of a lead's points. Written only by lead scoring.",
            Text(ScoreEventColumns.Name, "Name", "A short description: the points and the reason.", 100),
            new[]
            {
                Text(ScoreEventColumns.IdempotencyKey, "Idempotency key", "Rule + source record + occurrence (or decay + lead + period ...): replaying an event changes nothing.", 400) with { RequiredLevel = "required" },
                Lookup(ScoreEventColumns.LeadId, "Lead", "The lead whose points changed.", LeadColumns.Table, LeadScoreEvents, "Cascade") with { RequiredLevel = "required", CascadeOwnership = "Cascade" },
                Pick(ScoreEventColumns.Kind, "Kind", "Rule, decay, hand-back, manual adjustment or expiry.", Choices.ScoreEventKind),
                Pick(ScoreEventColumns.Category, "Category", "Fit or engagement.", Choices.Category),
                Whole(ScoreEventColumns.Points, "Points", "The change of points (negative for a debit)."),
                Text(ScoreEventColumns.RuleKey, "Rule key", "The rule that awarded the points, if any.", 100),
                Text(ScoreEventColumns.Reason, "Reason", "Why the points changed, in words.", 500),
                Text(ScoreEventColumns.SourceTable, "Source table", "The table of the record that caused the event.", 100),
                Text(ScoreEventColumns.SourceId, "Source id", "The id of the record that caused the event.", 100),
                Moment(ScoreEventColumns.OccurredOn, "Occurred on", "When the scored activity happened."),
                Moment(ScoreEventColumns.ExpiresOn, "Expires on", "When the points expire (empty: never)."),
                Whole(ScoreEventColumns.ModelVersion, "Model version", "The version of the model that scored the event."),
            }, userOwned: true) with
        {
            Keys = new[] { new AlternateKey(ScoreEventColumns.AlternateKey, "Idempotency key", new[] { ScoreEventColumns.IdempotencyKey }) },
        };

        public static Table StageChange { get; } = New(StageChangeColumns.Table, "Stage change", "Stage changes",
            "The lifecycle stage history: one row each time a lead's lifecycle stage changes, whoever changed it. Written only by lead scoring.",
            Text(StageChangeColumns.Name, "Name", "The change, e.g. Engaged → Marketing Qualified.", 100),
            new[]
            {
                Text(StageChangeColumns.IdempotencyKey, "Idempotency key", "Lead + the change's number in the lead's history + from + to: the same change is never written twice.", 400) with { RequiredLevel = "required" },
                Lookup(StageChangeColumns.LeadId, "Lead", "The lead whose stage changed.", LeadColumns.Table, LeadStageChanges, "Cascade") with { RequiredLevel = "required", CascadeOwnership = "Cascade" },
                Pick(StageChangeColumns.FromStage, "From stage", "The stage the lead left (empty for its first stage).", Choices.LifecycleStage),
                Pick(StageChangeColumns.ToStage, "To stage", "The stage the lead entered.", Choices.LifecycleStage) with { RequiredLevel = "required" },
                Moment(StageChangeColumns.EnteredOn, "Entered on", "When the lead entered the stage.") with { RequiredLevel = "required" },
                Pick(StageChangeColumns.Cause, "Cause", "Score, hand-back, lead status (qualify, disqualify) or set by a person.", Choices.StageChangeCause),
                Whole(StageChangeColumns.ModelVersion, "Model version", "The version of the scoring model that had last scored the lead."),
                Text(StageChangeColumns.ModelName, "Model name", "The name of that scoring model.", 100),
                Pick(StageChangeColumns.FunnelMark, "Funnel mark", "Became MQL: the lead's first entry into Marketing Qualified. Handed back: its first hand-back after that.", Choices.FunnelMark),
                Moment(StageChangeColumns.MqlOn, "First MQL on", "When the lead first became Marketing Qualified (empty when it had not yet)."),
                Text(StageChangeColumns.EnteredMonth, "Entered in month", "The calendar month (UTC) of Entered on, e.g. 2026-05: the month the stage entries chart counts the change in.", 7),
                Text(StageChangeColumns.MqlMonth, "First MQL month", "The calendar month (UTC) of First MQL on: the month the hand-back rate chart counts the change in.", 7),
            }, userOwned: true) with
        {
            Keys = new[] { new AlternateKey(StageChangeColumns.AlternateKey, "Idempotency key", new[] { StageChangeColumns.IdempotencyKey }) },
        };

        public static Table Interaction { get; } = New(InteractionColumns.Table, "Marketing interaction", "Marketing interactions",
            "A marketing interaction recorded by another system (web visit, download, webinar ...).",
            Text(InteractionColumns.Name, "Name", "What happened, e.g. the page title or the asset name.", 200),
            new[]
            {
                Pick(InteractionColumns.Type, "Interaction type", "What kind of interaction.", Choices.InteractionType),
                Lookup(InteractionColumns.LeadId, "Lead", "The lead who interacted.", LeadColumns.Table, LeadInteractions, "RemoveLink") with { CascadeOwnership = "Cascade" },
                Text(InteractionColumns.Url, "URL", "The page or asset.", 2000) with { Format = "url" },
                Whole(InteractionColumns.DurationSeconds, "Duration (seconds)", "How long the visit or view lasted.", 0),
                Moment(InteractionColumns.OccurredOn, "Occurred on", "When the interaction happened."),
                Text(InteractionColumns.Source, "Source", "The system that recorded the interaction (webinar platform, website, CSV import ...).", LeadScoring.Operations.RecordInteraction.MaxSource),
                Text(InteractionColumns.ExternalId, "External id", "The source's own id of the interaction: with the source, recorded only once.", LeadScoring.Operations.RecordInteraction.MaxExternalId),
                Text(InteractionColumns.EmailAddress, "Email address", "The person's address as the source gave it. An interaction without a lead waits for a lead with this address.", LeadScoring.Operations.RecordInteraction.MaxEmailAddress) with { Format = "email" },
            }, userOwned: true) with
        {
            // https://learn.microsoft.com/power-apps/developer/data-platform/define-alternate-keys-entity
            Keys = new[] { new AlternateKey(InteractionColumns.AlternateKey, "Source and external id", new[] { InteractionColumns.Source, InteractionColumns.ExternalId }) },
        };

        /// <summary>Written by the nightly decay flow (Flows.DecayNightly), not by the plug-ins.</summary>
        public static Table DecayRun { get; } = New(DecayRunColumns.Table, "Decay run", "Decay runs",
            "One run of the nightly decay flow: when, as of which moment, how many pages, leads and points.",
            Text(DecayRunColumns.Name, "Name", "The run, by its as-of moment.", 200),
            new[]
            {
                Moment(DecayRunColumns.AsOf, "As of", "The moment every page of the run decayed to."),
                Moment(DecayRunColumns.StartedOn, "Started on", "When the flow started the run."),
                Moment(DecayRunColumns.FinishedOn, "Finished on", "When the run ended."),
                Whole(DecayRunColumns.Pages, "Pages", "ls_ApplyScoreDecay calls made.", 0),
                Whole(DecayRunColumns.LeadsProcessed, "Leads processed", "Leads scored by the run.", 0),
                Whole(DecayRunColumns.PointsDebited, "Points debited", "Decay points debited by the run.", 0),
                Pick(DecayRunColumns.Status, "Run status", "Running, Succeeded or Failed.", Choices.DecayRunStatus),
                new Column(DecayRunColumns.Message, "Message", ColumnKind.Memo) { Description = "Why a run stopped, and where the next one resumes.", MaxLength = 2000 },
            });

        public static IReadOnlyList<Table> All { get; } = new[] { Lead, ScoringModel, ScoringRule, ScoringCondition, ScoreEvent, StageChange, Interaction, DecayRun };

        /// <summary>A new table (organization-owned unless said): its key, its primary name, its columns and the platform's system columns.</summary>
        private static Table New(string name, string label, string plural, string description, Column primaryName, IEnumerable<Column> columns, bool userOwned = false)
        {
            var all = new List<Column>
            {
                new(name + "id", label, ColumnKind.PrimaryKey) { Description = "Unique identifier for " + label.ToLowerInvariant() + " rows.", RequiredLevel = "systemrequired", ValidForUpdate = false },
                primaryName,
            };
            all.AddRange(columns);
            all.AddRange(SystemColumns(label, userOwned));
            return new Table(name, label, plural)
            {
                UserOwned = userOwned,
                SchemaName = name,
                Description = description,
                PrimaryNameColumn = primaryName.Name,
                Columns = all.OrderBy(c => c.Name, System.StringComparer.Ordinal).ToList(),
            };
        }

        private static IEnumerable<Column> SystemColumns(string label, bool userOwned)
        {
            Column System(string name, string display, ColumnKind kind, string description, bool create = false, bool update = false) =>
                new(name, display, kind) { Description = description, IsSystem = true, ValidForCreate = create, ValidForUpdate = update };

            yield return System("createdby", "Created By", ColumnKind.Lookup, "Unique identifier of the user who created the record.") with { Target = "systemuser" };
            yield return System("createdon", "Created On", ColumnKind.DateTime, "Date and time when the record was created.");
            yield return System("createdonbehalfby", "Created By (Delegate)", ColumnKind.Lookup, "Unique identifier of the delegate user who created the record.") with { Target = "systemuser" };
            yield return System("importsequencenumber", "Import Sequence Number", ColumnKind.WholeNumber, "Sequence number of the import that created this record.", create: true);
            yield return System("modifiedby", "Modified By", ColumnKind.Lookup, "Unique identifier of the user who modified the record.") with { Target = "systemuser" };
            yield return System("modifiedon", "Modified On", ColumnKind.DateTime, "Date and time when the record was modified.");
            yield return System("modifiedonbehalfby", "Modified By (Delegate)", ColumnKind.Lookup, "Unique identifier of the delegate user who modified the record.") with { Target = "systemuser" };
            if (userOwned)
            {
                // A user-owned table's ownership columns instead of organizationid:
                // https://learn.microsoft.com/power-apps/developer/data-platform/security-concepts
                yield return System("ownerid", "Owner", ColumnKind.Owner, "Owner Id", create: true, update: true) with { Target = "owner", RequiredLevel = "systemrequired" };
                yield return System("owningbusinessunit", "Owning Business Unit", ColumnKind.Lookup, "Unique identifier for the business unit that owns the record") with { Target = "businessunit" };
                yield return System("owningteam", "Owning Team", ColumnKind.Lookup, "Unique identifier for the team that owns the record.") with { Target = "team" };
                yield return System("owninguser", "Owning User", ColumnKind.Lookup, "Unique identifier for the user that owns the record.") with { Target = "systemuser" };
            }
            else
            {
                yield return System("organizationid", "Organization Id", ColumnKind.Lookup, "Unique identifier for the organization.") with { Target = "organization" };
            }
            yield return System("overriddencreatedon", "Record Created On", ColumnKind.DateTime, "Date and time that the record was migrated.", create: true);
            yield return System("statecode", "Status", ColumnKind.State, "Status of the " + label, update: true) with { RequiredLevel = "systemrequired" };
            yield return System("statuscode", "Status Reason", ColumnKind.Status, "Reason for the status of the " + label, create: true, update: true);
            yield return System("timezoneruleversionnumber", "Time Zone Rule Version Number", ColumnKind.WholeNumber, "For internal use only.", create: true, update: true) with { MinValue = -1 };
            yield return System("utcconversiontimezonecode", "UTC Conversion Time Zone Code", ColumnKind.WholeNumber, "Time zone code that was in use when the record was created.", create: true, update: true) with { MinValue = -1 };
            yield return System("versionnumber", "Version Number", ColumnKind.BigInt, "Version Number");
        }
    }
}
