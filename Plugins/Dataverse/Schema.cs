namespace LeadScoring.Dataverse
{
    // Logical names and choice values of every table, column and choice the product reads or
    // writes. The solution (Solution/), the web resources and the tools use the same names; a
    // consistency test checks each one exists in the solution with the right type.

    /// <summary>The standard lead table and the columns this product adds to it.</summary>
    public static class LeadColumns
    {
        public const string Table = "lead";
        public const string Id = "leadid";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string OwnerId = "ownerid";
        public const string FullName = "fullname";
        public const string LastName = "lastname";
        public const string Subject = "subject";
        public const string LeadSource = "leadsourcecode";            // Choice: Advertisement 1 ... Web 8, Word of Mouth 9, Other 10

        /// <summary>The lead's three email address columns, the ones an interaction's address is matched on.</summary>
        public static readonly string[] EmailAddresses = { "emailaddress1", "emailaddress2", "emailaddress3" };

        public const string Score = "ls_score";                       // Whole number: max(floor, fit + engagement)
        public const string FitScore = "ls_fitscore";                 // Whole number
        public const string EngagementScore = "ls_engagementscore";   // Whole number
        public const string Grade = "ls_grade";                       // Text(2), e.g. "A1"
        public const string LifecycleStage = "ls_lifecyclestage";     // Choice LifecycleStageValues
        public const string SalesReadyOn = "ls_salesreadyon";         // Date and time (UTC)
        public const string LastEngagementOn = "ls_lastengagementon"; // Date and time (UTC)
        public const string HandBackCount = "ls_handbackcount";       // Whole number
        public const string HandBackReason = "ls_handbackreason";     // Text(500): the latest reason
        public const string HandBackOn = "ls_handbackon";             // Date and time (UTC)
        public const string UnansweredEmailIds = "ls_unansweredemailids"; // Text(4000): ids of the sent emails in the current unanswered streak
        public const string ScoringModelId = "ls_scoringmodelid";     // Lookup ls_scoringmodel
        public const string ScoredOn = "ls_scoredon";                 // Date and time (UTC)
        public const string NextScoreChangeOn = "ls_nextscorechangeon"; // Date and time (UTC): the next decay debit or expiry; the nightly job reads leads due by now
    }

    /// <summary>Registered step names (pac-config.json) the code refers to.</summary>
    public static class StepNames
    {
        /// <summary>The lead update step, whose filtering attributes follow the active model.</summary>
        public const string LeadUpdate = "Lead scoring: lead update";
    }

    /// <summary>Choice ls_lifecyclestage (global choice ls_lifecyclestage).</summary>
    public static class LifecycleStageValues
    {
        public const int New = 100000000;
        public const int Engaged = 100000001;
        public const int MarketingQualified = 100000002;
        public const int SalesAccepted = 100000003;
        public const int Recycled = 100000004;
        public const int Disqualified = 100000005;
    }

    /// <summary>ls_scoringmodel: a versioned scoring model and its settings.</summary>
    public static class ScoringModelColumns
    {
        public const string Table = "ls_scoringmodel";
        public const string Id = "ls_scoringmodelid";
        public const string Name = "ls_name";
        public const string Version = "ls_version";
        public const string Status = "ls_status";                               // Choice ModelStatusValues
        public const string SalesReadyThreshold = "ls_salesreadythreshold";
        public const string MinimumFit = "ls_minimumfit";
        public const string MinimumEngagement = "ls_minimumengagement";
        public const string FitCap = "ls_fitcap";
        public const string EngagementCap = "ls_engagementcap";
        public const string Floor = "ls_floor";
        public const string FitBands = "ls_fitbands";                           // Text: "60,30"
        public const string EngagementBands = "ls_engagementbands";             // Text: "80,40"
        public const string DecayInactiveDays = "ls_decayinactivedays";
        public const string DecayPoints = "ls_decaypoints";
        public const string DecayEveryDays = "ls_decayeverydays";
        public const string DecayFloor = "ls_decayfloor";
        public const string HandBackPoints = "ls_handbackpoints";
        public const string HandBackMargin = "ls_handbackmargin";
        public const string RequalifyEngagement = "ls_requalifyengagement";
        public const string MarketingApproverId = "ls_marketingapproverid";     // Lookup systemuser
        public const string MarketingApprovedOn = "ls_marketingapprovedon";
        public const string SalesApproverId = "ls_salesapproverid";             // Lookup systemuser
        public const string SalesApprovedOn = "ls_salesapprovedon";
        public const string ActivatedOn = "ls_activatedon";
        public const string ActivationNotes = "ls_activationnotes";             // Multiline text: what activation found (columns the steps do not watch)
        public const string GradeConversion = "ls_gradeconversion";             // Text: GradeConversionText
    }

    /// <summary>Choice ls_modelstatus.</summary>
    public static class ModelStatusValues
    {
        public const int Draft = 100000000;
        public const int Active = 100000001;
        public const int Retired = 100000002;
    }

    /// <summary>ls_scoringrule: one rule of a model.</summary>
    public static class ScoringRuleColumns
    {
        public const string Table = "ls_scoringrule";
        public const string Id = "ls_scoringruleid";
        public const string ScoringModelId = "ls_scoringmodelid";   // Lookup ls_scoringmodel
        public const string RuleKey = "ls_rulekey";                 // Text: the model file's rule id, unique per model
        public const string Name = "ls_name";
        public const string Category = "ls_category";               // Choice CategoryValues
        public const string Kind = "ls_kind";                       // Choice RuleKindValues
        public const string WatchedTable = "ls_table";              // Text: lead, email, appointment, ls_interaction
        public const string Points = "ls_points";
        public const string LimitType = "ls_limittype";             // Choice LimitTypeValues
        public const string LimitValue = "ls_limitvalue";           // N for MaxTimes / OncePerDays
        public const string ExpiresAfterDays = "ls_expiresafterdays";
        public const string Count = "ls_count";                     // unansweredEmails / activityVolume
        public const string WithinDays = "ls_withindays";           // activityVolume
    }

    public static class CategoryValues
    {
        public const int Fit = 100000000;
        public const int Engagement = 100000001;
    }

    public static class RuleKindValues
    {
        public const int Conditions = 100000000;
        public const int UnansweredEmails = 100000001;
        public const int ActivityVolume = 100000002;
    }

    public static class LimitTypeValues
    {
        public const int None = 100000000;
        public const int PerLead = 100000001;
        public const int PerRecord = 100000002;
        public const int MaxTimes = 100000003;
        public const int OncePerDays = 100000004;
    }

    /// <summary>ls_scoringcondition: one AND-ed condition of a rule.</summary>
    public static class ScoringConditionColumns
    {
        public const string Table = "ls_scoringcondition";
        public const string Id = "ls_scoringconditionid";
        public const string ScoringRuleId = "ls_scoringruleid";     // Lookup ls_scoringrule
        public const string Attribute = "ls_attribute";             // Text: the watched table's column
        public const string ColumnTable = "ls_table";               // Text: empty for the rule's table; "lead" for a persona condition
        public const string Operator = "ls_operator";               // Choice ConditionOperatorValues
        public const string Value = "ls_value";                     // Text: JSON value or array (choice labels stored as their values)
        public const string ValueLabel = "ls_valuelabel";           // Text: the labels of a choice value, set on save
    }

    /// <summary>Choice ls_conditionoperator, in the order of the model file's operators.</summary>
    public static class ConditionOperatorValues
    {
        public const int EqualsTo = 100000000;
        public const int NotEquals = 100000001;
        public const int In = 100000002;
        public const int NotIn = 100000003;
        public const int Contains = 100000004;
        public const int BeginsWith = 100000005;
        public const int EndsWith = 100000006;
        public const int GreaterThan = 100000007;
        public const int GreaterOrEqual = 100000008;
        public const int LessThan = 100000009;
        public const int LessOrEqual = 100000010;
        public const int Between = 100000011;
        public const int Exists = 100000012;
        public const int NotExists = 100000013;
    }

    /// <summary>ls_scoreevent: the append-only ledger, one row per change of points.</summary>
    public static class ScoreEventColumns
    {
        public const string Table = "ls_scoreevent";
        public const string Id = "ls_scoreeventid";
        public const string Name = "ls_name";                       // primary name: a short description
        public const string IdempotencyKey = "ls_idempotencykey";   // Text(400), alternate key ls_idempotencykey_key
        public const string LeadId = "ls_leadid";                   // Lookup lead
        public const string Kind = "ls_kind";                       // Choice ScoreEventKindValues
        public const string Category = "ls_category";               // Choice CategoryValues
        public const string Points = "ls_points";
        public const string RuleKey = "ls_rulekey";
        public const string Reason = "ls_reason";                   // Text(500)
        public const string SourceTable = "ls_sourcetable";
        public const string SourceId = "ls_sourceid";               // Text: the source record's id
        public const string OccurredOn = "ls_occurredon";           // Date and time (UTC)
        public const string ExpiresOn = "ls_expireson";             // Date and time (UTC), empty when the points never expire
        public const string ModelVersion = "ls_modelversion";
        public const string AlternateKey = "ls_idempotencykey_key";
    }

    /// <summary>ls_stagechange: the lifecycle stage history, one row each time a lead's ls_lifecyclestage changes.</summary>
    public static class StageChangeColumns
    {
        public const string Table = "ls_stagechange";
        public const string Id = "ls_stagechangeid";
        public const string Name = "ls_name";                       // primary name: "Engaged → Marketing Qualified"
        public const string IdempotencyKey = "ls_idempotencykey";   // Text(400), alternate key ls_stagechange_idempotencykey_key
        public const string LeadId = "ls_leadid";                   // Lookup lead
        public const string FromStage = "ls_fromstage";             // Choice LifecycleStageValues; empty for the lead's first stage
        public const string ToStage = "ls_tostage";                 // Choice LifecycleStageValues
        public const string EnteredOn = "ls_enteredon";             // Date and time (UTC)
        public const string Cause = "ls_cause";                     // Choice StageChangeCauseValues
        public const string ModelVersion = "ls_modelversion";       // the version of the model that last scored the lead
        public const string ModelName = "ls_modelname";             // Text(100)
        public const string FunnelMark = "ls_funnelmark";           // Choice FunnelMarkValues: the lead's first MQL entry, its first hand-back after it
        public const string MqlOn = "ls_mqlon";                     // Date and time (UTC): when the lead first became Marketing Qualified
        public const string EnteredMonth = "ls_enteredmonth";       // Text(7): the UTC month of EnteredOn, "2026-05"
        public const string MqlMonth = "ls_mqlmonth";               // Text(7): the UTC month of MqlOn
        public const string AlternateKey = "ls_stagechange_idempotencykey_key";
    }

    /// <summary>Choice ls_stagechangecause.</summary>
    public static class StageChangeCauseValues
    {
        public const int Score = 100000000;
        public const int HandBack = 100000001;
        public const int Status = 100000002;
        public const int Person = 100000003;
    }

    /// <summary>Choice ls_funnelmark.</summary>
    public static class FunnelMarkValues
    {
        public const int BecameMql = 100000000;
        public const int HandedBack = 100000001;
    }

    public static class ScoreEventKindValues
    {
        public const int Rule = 100000000;
        public const int Decay = 100000001;
        public const int HandBack = 100000002;
        public const int Adjustment = 100000003;
        public const int Expiry = 100000004;
        public const int FloorAdjustment = 100000005;                 // ls_category empty: neither fit nor engagement
    }

    /// <summary>ls_interaction: a marketing interaction from another system.</summary>
    public static class InteractionColumns
    {
        public const string Table = "ls_interaction";
        public const string Id = "ls_interactionid";
        public const string Name = "ls_name";
        public const string Type = "ls_type";                       // Choice InteractionTypeValues
        public const string LeadId = "ls_leadid";                   // Lookup lead
        public const string Url = "ls_url";
        public const string DurationSeconds = "ls_durationseconds";
        public const string OccurredOn = "ls_occurredon";
        public const string Source = "ls_source";                   // Text(100): the system that recorded it (webinar platform, website, CSV import ...)
        public const string ExternalId = "ls_externalid";           // Text(200): the source's own id of the interaction
        public const string EmailAddress = "ls_emailaddress";       // Text(100): the person's address as the source gave it; an unmatched interaction waits for a lead with it
        public const string AlternateKey = "ls_source_externalid_key"; // source + external id: a retried webhook records nothing twice
    }

    public static class InteractionTypeValues
    {
        public const int PageVisit = 100000000;
        public const int AssetDownload = 100000001;
        public const int VideoView = 100000002;
        public const int WebinarRegistered = 100000003;
        public const int WebinarAttended = 100000004;
        public const int EventAttended = 100000005;
        public const int FormSubmitted = 100000006;
        public const int SocialLike = 100000007;
        public const int EventRegistered = 100000008;

        /// <summary>The choice's labels (the solution's ls_interactiontype); ls_RecordInteraction takes a label or a value.</summary>
        public static readonly System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<int, string>> Labels = new[]
        {
            Label(PageVisit, "Page visit"),
            Label(AssetDownload, "Asset download"),
            Label(VideoView, "Video view"),
            Label(WebinarRegistered, "Webinar registration"),
            Label(WebinarAttended, "Webinar attendance"),
            Label(EventAttended, "Event attendance"),
            Label(FormSubmitted, "Form submission"),
            Label(SocialLike, "Social like"),
            Label(EventRegistered, "Event registration"),
        };

        private static System.Collections.Generic.KeyValuePair<int, string> Label(int value, string label) => new(value, label);
    }

    /// <summary>The standard lead's lead source choice (leadsourcecode), for a lead ls_RecordInteraction creates.</summary>
    public static class LeadSourceValues
    {
        public const int Other = 10;

        /// <summary>Values 1 to 10 in order: Learn, lead table reference, leadsourcecode choices.</summary>
        public static readonly System.Collections.Generic.IReadOnlyList<string> Labels = new[]
        {
            "Advertisement", "Employee Referral", "External Referral", "Partner", "Public Relations", "Seminar", "Trade Show", "Web", "Word of Mouth", "Other",
        };
    }

    /// <summary>Standard email columns the product reads (reference §9.2).</summary>
    public static class EmailColumns
    {
        public const string Table = "email";
        public const string Id = "activityid";
        public const string RegardingObjectId = "regardingobjectid";
        public const string DirectionCode = "directioncode";        // true = outgoing
        public const string StatusCode = "statuscode";              // Sent 3, Received 4
        public const string OpenCount = "opencount";
        public const string LinksClickedCount = "linksclickedcount";
        public const string AttachmentOpenCount = "attachmentopencount";
        public const string ReplyCount = "replycount";
        public const string SentOn = "senton";
        public const int StatusSent = 3;
        public const int StatusReceived = 4;
    }

    /// <summary>Standard appointment columns the product reads (reference §9.3).</summary>
    public static class AppointmentColumns
    {
        public const string Table = "appointment";
        public const string Id = "activityid";
        public const string RegardingObjectId = "regardingobjectid";
        public const string StateCode = "statecode";                // Open 0, Completed 1, Canceled 2, Scheduled 3
        public const string StatusCode = "statuscode";              // Completed 3, Canceled 4
        public const string ScheduledStart = "scheduledstart";
        public const string ActualEnd = "actualend";
        public const int StateCompleted = 1;
        public const int StateCanceled = 2;
    }

    /// <summary>
    /// Standard phone call columns the product reads. Source: the PhoneCall table reference,
    /// https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/phonecall
    /// </summary>
    public static class PhoneCallColumns
    {
        public const string Table = "phonecall";
        public const string Id = "activityid";
        public const string RegardingObjectId = "regardingobjectid";
        public const string DirectionCode = "directioncode";        // true = outgoing
        public const string StateCode = "statecode";                // Open 0, Completed 1, Canceled 2
        public const string StatusCode = "statuscode";              // Open 1, Made 2, Canceled 3, Received 4
        public const string ActualDurationMinutes = "actualdurationminutes";
        public const string PhoneNumber = "phonenumber";
        public const string LeftVoiceMail = "leftvoicemail";
        public const string ActualEnd = "actualend";
        public const int StateCompleted = 1;
        public const int StatusMade = 2;
        public const int StatusReceived = 4;
    }

    /// <summary>Custom API unique names and their parameters.</summary>
    public static class CustomApi
    {
        // Bound to lead: the lead is the "Target" EntityReference.
        public const string HandBackLead = "ls_HandBackLead";               // in Reason (String) → out Score (Integer), LifecycleStage (Integer)
        public const string RecalculateLeadScore = "ls_RecalculateLeadScore"; // → out Score (Integer)
        public const string AdjustLeadScore = "ls_AdjustLeadScore";         // in Points (Integer), Reason (String) → out Score (Integer)
        public const string ExplainLeadScore = "ls_ExplainLeadScore";       // in Top (Integer, optional), ModelId (EntityReference ls_scoringmodel, optional) → out Explanation (String, JSON)

        // Unbound.
        public const string ApplyScoreDecay = "ls_ApplyScoreDecay";         // in AsOf (DateTime, optional), PageSize (Integer, optional), Continuation (String, optional)
                                                                            // → out Continuation (String, empty when done), LeadsProcessed (Integer), PointsDebited (Integer)

        public const string RecordInteraction = "ls_RecordInteraction";     // in Type, Source, ExternalId (String); OccurredOn (DateTime), Name, Url, EmailAddress, LeadSource, Columns (String), LeadId (Guid), DurationSeconds (Integer), all optional
                                                                            // → out InteractionId (Guid), Created (Boolean), LeadId (Guid, empty when unmatched), LeadCreated (Boolean)

        public const string Target = "Target";
        public const string Reason = "Reason";
        public const string Type = "Type";
        public const string Source = "Source";
        public const string ExternalId = "ExternalId";
        public const string OccurredOn = "OccurredOn";
        public const string Name = "Name";
        public const string Url = "Url";
        public const string EmailAddress = "EmailAddress";
        public const string LeadId = "LeadId";
        public const string LeadSource = "LeadSource";
        public const string DurationSeconds = "DurationSeconds";
        public const string Columns = "Columns";
        public const string InteractionId = "InteractionId";
        public const string Created = "Created";
        public const string LeadCreated = "LeadCreated";
        public const string Points = "Points";
        public const string Top = "Top";
        public const string ModelId = "ModelId";
        public const string AsOf = "AsOf";
        public const string PageSize = "PageSize";
        public const string Continuation = "Continuation";
        public const string Score = "Score";
        public const string LifecycleStage = "LifecycleStage";
        public const string Explanation = "Explanation";
        public const string LeadsProcessed = "LeadsProcessed";
        public const string PointsDebited = "PointsDebited";
    }

    /// <summary>Environment variables the plug-ins read (schema names).</summary>
    public static class EnvironmentVariableNames
    {
        /// <summary>What ls_RecordInteraction does when no open lead has the address: "Hold" (default) or "CreateLead".</summary>
        public const string UnmatchedInteractions = "ls_UnmatchedInteractions";
        public const string Hold = "Hold";
        public const string CreateLead = "CreateLead";
    }

    /// <summary>Security role names the approval and hand-back rules check.</summary>
    public static class SecurityRoles
    {
        public const string Admin = "Lead Scoring Admin";
        public const string MarketingApprover = "Scoring Marketing Approver";
        public const string SalesApprover = "Scoring Sales Approver";
    }
}
