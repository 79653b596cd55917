using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;

namespace LeadScoring.Workbench.Simulation
{
    internal enum ColumnKind
    {
        Text,
        WholeNumber,
        Decimal,
        Money,
        Boolean,
        DateTime,
        Choice,

        /// <summary>A lookup to a lead: the events file names the lead by its own id.</summary>
        LeadLookup,
    }

    /// <summary>A column of a table the events file may write, and the labels of its choices.</summary>
    internal sealed record KnownColumn(string Name, ColumnKind Kind, IReadOnlyDictionary<string, object>? Labels = null);

    /// <summary>
    /// The columns of the watched tables (lead, email, appointment, ls_interaction) the events file
    /// may set, with the out-of-box choice labels (shared/reference §9 and Schema.cs). Any other
    /// column must carry a publisher prefix (new_budget, ls_region) — a custom column, written with
    /// the JSON value's own type — so a misspelt standard column is an error, as Dataverse would make it.
    /// </summary>
    internal static class TableColumns
    {
        private static readonly Dictionary<string, Dictionary<string, KnownColumn>> Tables = new(StringComparer.Ordinal)
        {
            [LeadColumns.Table] = Table(
                Text("subject", "firstname", "lastname", "fullname", "jobtitle", "companyname", "emailaddress1", "telephone1", "mobilephone", "websiteurl", "description", "address1_city", "address1_country"),
                Of(ColumnKind.WholeNumber, "numberofemployees"),
                Of(ColumnKind.Money, "revenue", "budgetamount"),
                Of(ColumnKind.Boolean, "decisionmaker"),
                Choice("industrycode", Labels(
                    "Accounting", "Agriculture and Non-petrol Natural Resource Extraction", "Broadcasting Printing and Publishing", "Brokers",
                    "Building Supply Retail", "Business Services", "Consulting", "Consumer Services", "Design, Direction and Creative Management",
                    "Distributors, Dispatchers and Processors", "Doctor's Offices and Clinics", "Durable Manufacturing", "Eating and Drinking Places",
                    "Entertainment Retail", "Equipment Rental and Leasing", "Financial", "Food and Tobacco Processing", "Inbound Capital Intensive Processing",
                    "Inbound Repair and Services", "Insurance", "Legal Services", "Non-Durable Merchandise Retail", "Outbound Consumer Service",
                    "Petrochemical Extraction and Distribution", "Service Retail", "SIG Affiliations", "Social Services", "Special Outbound Trade Contractors",
                    "Specialty Realty", "Transportation", "Utility Creation and Distribution", "Vehicle Retail", "Wholesale")),
                Choice("leadsourcecode", Labels("Advertisement", "Employee Referral", "External Referral", "Partner", "Public Relations", "Seminar", "Trade Show", "Web", "Word of Mouth", "Other")),
                Choice("purchasetimeframe", Values(("Immediate", 0), ("This Quarter", 1), ("Next Quarter", 2), ("This Year", 3), ("Unknown", 4))),
                Choice("purchaseprocess", Values(("Individual", 0), ("Committee", 1), ("Unknown", 2))),
                Choice("leadqualitycode", Values(("Hot", 1), ("Warm", 2), ("Cold", 3))),
                Choice(LeadColumns.StateCode, Values(("Open", 0), ("Qualified", 1), ("Disqualified", 2))),
                Choice(LeadColumns.StatusCode, Values(("New", 1), ("Contacted", 2), ("Qualified", 3), ("Lost", 4), ("Cannot Contact", 5), ("No Longer Interested", 6), ("Canceled", 7))),
                Choice(LeadColumns.LifecycleStage, Values(
                    ("New", LifecycleStageValues.New), ("Engaged", LifecycleStageValues.Engaged), ("Marketing Qualified", LifecycleStageValues.MarketingQualified),
                    ("Sales Accepted", LifecycleStageValues.SalesAccepted), ("Recycled", LifecycleStageValues.Recycled), ("Disqualified", LifecycleStageValues.Disqualified))),
                Text(LeadColumns.HandBackReason)),
            [EmailColumns.Table] = Table(
                Text("subject", "description"),
                Of(ColumnKind.WholeNumber, EmailColumns.OpenCount, EmailColumns.LinksClickedCount, EmailColumns.AttachmentOpenCount, EmailColumns.ReplyCount),
                Of(ColumnKind.DateTime, EmailColumns.SentOn, "scheduledstart", "scheduledend", "actualstart", "actualend"),
                Choice(EmailColumns.DirectionCode, Values(("Outgoing", true), ("Incoming", false)), ColumnKind.Boolean),
                Choice("statecode", Values(("Open", 0), ("Completed", 1), ("Canceled", 2))),
                Choice(EmailColumns.StatusCode, Values(("Draft", 1), ("Completed", 2), ("Sent", EmailColumns.StatusSent), ("Received", EmailColumns.StatusReceived), ("Canceled", 5), ("Pending Send", 6), ("Sending", 7), ("Failed", 8))),
                Of(ColumnKind.LeadLookup, EmailColumns.RegardingObjectId)),
            [AppointmentColumns.Table] = Table(
                Text("subject", "description", "location"),
                Of(ColumnKind.DateTime, AppointmentColumns.ScheduledStart, "scheduledend", "actualstart", AppointmentColumns.ActualEnd),
                Of(ColumnKind.WholeNumber, "scheduleddurationminutes"),
                Choice(AppointmentColumns.StateCode, Values(("Open", 0), ("Completed", AppointmentColumns.StateCompleted), ("Canceled", AppointmentColumns.StateCanceled), ("Scheduled", 3))),
                Choice(AppointmentColumns.StatusCode, Values(("Free", 1), ("Tentative", 2), ("Completed", 3), ("Canceled", 4), ("Busy", 5), ("Out of Office", 6))),
                Of(ColumnKind.LeadLookup, AppointmentColumns.RegardingObjectId)),
            [InteractionColumns.Table] = Table(
                Text(InteractionColumns.Name, InteractionColumns.Url),
                Of(ColumnKind.WholeNumber, InteractionColumns.DurationSeconds),
                Of(ColumnKind.DateTime, InteractionColumns.OccurredOn),
                Choice(InteractionColumns.Type, Values(
                    ("Page Visit", InteractionTypeValues.PageVisit), ("Asset Download", InteractionTypeValues.AssetDownload), ("Video View", InteractionTypeValues.VideoView),
                    ("Webinar Registered", InteractionTypeValues.WebinarRegistered), ("Webinar Attended", InteractionTypeValues.WebinarAttended),
                    ("Event Attended", InteractionTypeValues.EventAttended), ("Form Submitted", InteractionTypeValues.FormSubmitted), ("Social Like", InteractionTypeValues.SocialLike))),
                Of(ColumnKind.LeadLookup, InteractionColumns.LeadId)),
        };

        public static IReadOnlyCollection<string> Names => Tables.Keys;

        public static bool IsTable(string table) => Tables.ContainsKey(table);

        /// <summary>The column, a custom column (its name has a publisher prefix) or null when neither.</summary>
        public static KnownColumn? Find(string table, string column) =>
            Tables[table].TryGetValue(column, out var known) ? known
            : column.IndexOf('_', StringComparison.Ordinal) > 0 ? new KnownColumn(column, ColumnKind.Text)
            : null;

        public static bool IsCustom(string table, string column) => !Tables[table].ContainsKey(column);

        public static IEnumerable<string> Known(string table) => Tables[table].Keys.Order(StringComparer.Ordinal);

        /// <summary>Labels are compared ignoring case, spaces and punctuation: "Asset Download", "asset download" and "AssetDownload" are one label.</summary>
        public static string LabelKey(string label) => new(label.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

        private static Dictionary<string, KnownColumn> Table(params KnownColumn[][] groups) =>
            groups.SelectMany(g => g).ToDictionary(c => c.Name, StringComparer.Ordinal);

        private static KnownColumn[] Text(params string[] names) => Of(ColumnKind.Text, names);

        private static KnownColumn[] Of(ColumnKind kind, params string[] names) => names.Select(n => new KnownColumn(n, kind)).ToArray();

        private static KnownColumn[] Choice(string name, Dictionary<string, object> labels, ColumnKind kind = ColumnKind.Choice) => new[] { new KnownColumn(name, kind, labels) };

        /// <summary>Labels numbered 1, 2, 3… in order.</summary>
        private static Dictionary<string, object> Labels(params string[] labels) =>
            Values(labels.Select((label, i) => (label, (object)(i + 1))).ToArray());

        private static Dictionary<string, object> Values(params (string Label, object Value)[] labels) =>
            labels.ToDictionary(l => l.Label, l => l.Value, StringComparer.Ordinal);
    }
}
