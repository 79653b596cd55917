using System.Collections.Generic;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// The main forms (FormXml/main/). The lead's "Lead score" section ships on a new lead main form,
    /// "Lead scoring", rather than as a change to the out-of-the-box lead form: a new form with its own
    /// id imports the same way into any org, managed or unmanaged, and overwrites nothing an org has
    /// customized. Admins put it in the app's form list (or copy the section into their own form with the
    /// form designer); docs/deploy.md says how.
    /// </summary>
    public static class Forms
    {
        public const string LeadFormScript = "ls_/scripts/leadform.js";
        public const string ScoreCard = "ls_/html/scorecard.html";
        public const string ScoringMatrix = "ls_/html/scoringmatrix.html";

        /// <summary>The score card control; the form designer names it WebResource_ls_scorecard, which the form script looks for.</summary>
        public const string ScoreCardControl = "ls_scorecard";

        public static Form Lead { get; } = new(LeadColumns.Table, "leadscoring", "Lead scoring",
            "The lead form with the Lead score section: score, fit, engagement, grade, stage, the score card and the score events.",
            new[]
            {
                new Tab("summary", "Summary", new[]
                {
                    new Section("contact", "Contact", new Cell[]
                    {
                        new FieldCell("subject", "Topic"),
                        new FieldCell("firstname", "First Name"),
                        new FieldCell("lastname", "Last Name"),
                        new FieldCell("jobtitle", "Job Title"),
                        new FieldCell("companyname", "Company"),
                        new FieldCell("emailaddress1", "Email"),
                        new FieldCell("telephone1", "Business Phone"),
                        new FieldCell(LeadColumns.OwnerId, "Owner"),
                    }),
                    new Section("qualification", "Qualification", new Cell[]
                    {
                        new FieldCell("leadsourcecode", "Lead Source"),
                        new FieldCell("industrycode", "Industry"),
                        new FieldCell("numberofemployees", "No. of Employees"),
                        new FieldCell("revenue", "Annual Revenue"),
                        new FieldCell("budgetamount", "Budget Amount"),
                        new FieldCell("purchasetimeframe", "Purchase Timeframe"),
                        new FieldCell("decisionmaker", "Decision Maker?"),
                    }),
                }),
                new Tab("leadscore", "Lead score", new[]
                {
                    new Section("ls_leadscore", "Lead score", new Cell[]
                    {
                        new FieldCell(LeadColumns.Score, "Lead score", ReadOnly: true),
                        new FieldCell(LeadColumns.FitScore, "Fit", ReadOnly: true),
                        new FieldCell(LeadColumns.EngagementScore, "Engagement", ReadOnly: true),
                        new FieldCell(LeadColumns.Grade, "Grade", ReadOnly: true),
                        new FieldCell(LeadColumns.LifecycleStage, "Lifecycle stage"),
                        new WebResourceCell(ScoreCardControl, "Score card", ScoreCard, Rows: 18, PassParameters: true),
                    }, Columns: 1),
                    new Section("ls_history", "Score events", new Cell[]
                    {
                        new SubgridCell("ls_scoreevents", "Score events", ScoreEventColumns.Table, Tables.LeadScoreEvents, Views.ScoreEventsOfLead.Id, Rows: 10),
                    }, ShowLabel: false),
                    new Section("ls_handback", "Hand-back and decay", new Cell[]
                    {
                        new FieldCell(LeadColumns.SalesReadyOn, "Sales-ready on", ReadOnly: true),
                        new FieldCell(LeadColumns.LastEngagementOn, "Last engagement on", ReadOnly: true),
                        new FieldCell(LeadColumns.HandBackCount, "Hand-back count", ReadOnly: true),
                        new FieldCell(LeadColumns.HandBackOn, "Handed back on", ReadOnly: true),
                        new FieldCell(LeadColumns.HandBackReason, "Hand-back reason", ReadOnly: true),
                        new FieldCell(LeadColumns.ScoringModelId, "Scoring model", ReadOnly: true),
                        new FieldCell(LeadColumns.ScoredOn, "Scored on", ReadOnly: true),
                    }),
                }),
            })
        {
            Libraries = new[] { LeadFormScript },
            // The script adds its own PostSave handler; only OnLoad is registered (WebResources/README.md).
            Handlers = new[] { new FormHandler("onload", LeadFormScript, "LeadScoring.LeadForm.onLoad") },
        };

        public static Form ScoringModel { get; } = new(ScoringModelColumns.Table, "main", "Scoring model",
            "A scoring model with its thresholds, its rules and its approvals.",
            new[]
            {
                new Tab("general", "General", new[]
                {
                    new Section("model", "Model", new Cell[]
                    {
                        new FieldCell(ScoringModelColumns.Name, "Name"),
                        new FieldCell(ScoringModelColumns.Version, "Version"),
                        new FieldCell(ScoringModelColumns.Status, "Model status"),
                        new FieldCell(ScoringModelColumns.ActivatedOn, "Activated on", ReadOnly: true),
                        new FieldCell(ScoringModelColumns.ActivationNotes, "Activation notes", ReadOnly: true),
                    }),
                    new Section("thresholds", "Thresholds, caps and grades", new Cell[]
                    {
                        new FieldCell(ScoringModelColumns.SalesReadyThreshold, "Sales-ready threshold"),
                        new FieldCell(ScoringModelColumns.MinimumFit, "Minimum fit"),
                        new FieldCell(ScoringModelColumns.MinimumEngagement, "Minimum engagement"),
                        new FieldCell(ScoringModelColumns.FitCap, "Fit cap"),
                        new FieldCell(ScoringModelColumns.EngagementCap, "Engagement cap"),
                        new FieldCell(ScoringModelColumns.Floor, "Score floor"),
                        new FieldCell(ScoringModelColumns.FitBands, "Fit grade bands"),
                        new FieldCell(ScoringModelColumns.EngagementBands, "Engagement grade bands"),
                    }, Columns: 2),
                    new Section("decay", "Decay", new Cell[]
                    {
                        new FieldCell(ScoringModelColumns.DecayInactiveDays, "Decay after inactive days"),
                        new FieldCell(ScoringModelColumns.DecayPoints, "Decay points"),
                        new FieldCell(ScoringModelColumns.DecayEveryDays, "Decay every days"),
                        new FieldCell(ScoringModelColumns.DecayFloor, "Decay floor"),
                    }, Columns: 2),
                    new Section("handback", "Hand-back", new Cell[]
                    {
                        new FieldCell(ScoringModelColumns.HandBackPoints, "Hand-back points"),
                        new FieldCell(ScoringModelColumns.HandBackMargin, "Hand-back margin"),
                        new FieldCell(ScoringModelColumns.RequalifyEngagement, "Requalify engagement"),
                    }, Columns: 2),
                }),
                new Tab("rules", "Rules", new[]
                {
                    new Section("rules", "Rules", new Cell[]
                    {
                        new SubgridCell("ls_rules", "Rules", ScoringRuleColumns.Table, Tables.ModelRules, Views.RulesOfModel.Id, Rows: 12),
                    }, ShowLabel: false),
                }),
                new Tab("approvals", "Approvals", new[]
                {
                    new Section("approvals", "Approvals", new Cell[]
                    {
                        new FieldCell(ScoringModelColumns.MarketingApproverId, "Marketing approver"),
                        new FieldCell(ScoringModelColumns.MarketingApprovedOn, "Marketing approved on", ReadOnly: true),
                        new FieldCell(ScoringModelColumns.SalesApproverId, "Sales approver"),
                        new FieldCell(ScoringModelColumns.SalesApprovedOn, "Sales approved on", ReadOnly: true),
                    }, Columns: 2),
                }),
                new Tab("matrix", "Scoring matrix", new[]
                {
                    new Section("matrix", "Scoring matrix", new Cell[]
                    {
                        new WebResourceCell("ls_scoringmatrix", "Scoring matrix", ScoringMatrix, Rows: 24, PassParameters: true),
                    }, ShowLabel: false),
                }),
            });

        public static Form ScoringRule { get; } = new(ScoringRuleColumns.Table, "main", "Scoring rule",
            "A scoring rule with its conditions.",
            new[]
            {
                new Tab("general", "General", new[]
                {
                    new Section("rule", "Rule", new Cell[]
                    {
                        new FieldCell(ScoringRuleColumns.Name, "Name"),
                        new FieldCell(ScoringRuleColumns.ScoringModelId, "Scoring model"),
                        new FieldCell(ScoringRuleColumns.RuleKey, "Rule key"),
                        new FieldCell(ScoringRuleColumns.Category, "Category"),
                        new FieldCell(ScoringRuleColumns.Kind, "Kind"),
                        new FieldCell(ScoringRuleColumns.WatchedTable, "Watched table"),
                        new FieldCell(ScoringRuleColumns.Points, "Points"),
                    }, Columns: 2),
                    new Section("frequency", "Frequency and expiry", new Cell[]
                    {
                        new FieldCell(ScoringRuleColumns.LimitType, "Frequency limit"),
                        new FieldCell(ScoringRuleColumns.LimitValue, "Limit value"),
                        new FieldCell(ScoringRuleColumns.ExpiresAfterDays, "Expires after days"),
                        new FieldCell(ScoringRuleColumns.Count, "Count"),
                        new FieldCell(ScoringRuleColumns.WithinDays, "Within days"),
                    }, Columns: 2),
                    new Section("conditions", "Conditions (all must hold)", new Cell[]
                    {
                        new SubgridCell("ls_conditions", "Conditions", ScoringConditionColumns.Table, Tables.RuleConditions, Views.ConditionsOfRule.Id, Rows: 8),
                    }),
                }),
            });

        public static Form ScoringCondition { get; } = new(ScoringConditionColumns.Table, "main", "Scoring condition",
            "One condition of a scoring rule.",
            new[]
            {
                new Tab("general", "General", new[]
                {
                    new Section("condition", "Condition", new Cell[]
                    {
                        new FieldCell(ScoringConditionColumns.ScoringRuleId, "Scoring rule"),
                        new FieldCell(ScoringConditionColumns.ColumnTable, "Column of (lead for a persona condition)"),
                        new FieldCell(ScoringConditionColumns.Attribute, "Column"),
                        new FieldCell(ScoringConditionColumns.Operator, "Operator"),
                        new FieldCell(ScoringConditionColumns.Value, "Value"),
                        new FieldCell(ScoringConditionColumns.ValueLabel, "Value label", ReadOnly: true),
                    }),
                }),
            });

        public static Form ScoreEvent { get; } = new(ScoreEventColumns.Table, "main", "Score event",
            "One change of a lead's points (read-only: the ledger is written by lead scoring).",
            new[]
            {
                new Tab("general", "General", new[]
                {
                    new Section("event", "Score event", new Cell[]
                    {
                        new FieldCell(ScoreEventColumns.Name, "Name", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.LeadId, "Lead", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.Points, "Points", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.Category, "Category", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.Kind, "Kind", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.Reason, "Reason", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.RuleKey, "Rule key", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.OccurredOn, "Occurred on", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.ExpiresOn, "Expires on", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.ModelVersion, "Model version", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.SourceTable, "Source table", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.SourceId, "Source id", ReadOnly: true),
                        new FieldCell(ScoreEventColumns.IdempotencyKey, "Idempotency key", ReadOnly: true),
                    }, Columns: 2),
                }),
            });

        public static Form Interaction { get; } = new(InteractionColumns.Table, "main", "Marketing interaction",
            "A marketing interaction recorded by another system.",
            new[]
            {
                new Tab("general", "General", new[]
                {
                    new Section("interaction", "Interaction", new Cell[]
                    {
                        new FieldCell(InteractionColumns.Name, "Name"),
                        new FieldCell(InteractionColumns.Type, "Interaction type"),
                        new FieldCell(InteractionColumns.LeadId, "Lead"),
                        new FieldCell(InteractionColumns.OccurredOn, "Occurred on"),
                        new FieldCell(InteractionColumns.Url, "URL"),
                        new FieldCell(InteractionColumns.DurationSeconds, "Duration (seconds)"),
                    }, Columns: 2),
                }),
            });

        public static Form DecayRun { get; } = new(DecayRunColumns.Table, "main", "Decay run",
            "One run of the nightly decay flow.",
            new[]
            {
                new Tab("general", "General", new[]
                {
                    new Section("run", "Decay run", new Cell[]
                    {
                        new FieldCell(DecayRunColumns.Name, "Name", ReadOnly: true),
                        new FieldCell(DecayRunColumns.Status, "Run status", ReadOnly: true),
                        new FieldCell(DecayRunColumns.AsOf, "As of", ReadOnly: true),
                        new FieldCell(DecayRunColumns.StartedOn, "Started on", ReadOnly: true),
                        new FieldCell(DecayRunColumns.FinishedOn, "Finished on", ReadOnly: true),
                        new FieldCell(DecayRunColumns.Pages, "Pages", ReadOnly: true),
                        new FieldCell(DecayRunColumns.LeadsProcessed, "Leads processed", ReadOnly: true),
                        new FieldCell(DecayRunColumns.PointsDebited, "Points debited", ReadOnly: true),
                        new FieldCell(DecayRunColumns.Message, "Message", ReadOnly: true),
                    }, Columns: 2),
                }),
            });

        public static IReadOnlyList<Form> All { get; } = new[] { Lead, ScoringModel, ScoringRule, ScoringCondition, ScoreEvent, Interaction, DecayRun };
    }
}
