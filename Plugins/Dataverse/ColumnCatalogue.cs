using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// The product's own column catalogue: the standard columns of the watched tables a rule may
    /// read, with the out-of-box choice labels, and the columns this solution adds. `model validate`
    /// and the workbench check models against it offline; against an org, its metadata decides
    /// (<see cref="OrganizationColumns"/>). Sources: the table references on Learn,
    /// https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/lead (and
    /// …/email, …/appointment, …/phonecall), and Schema.cs for this solution's columns.
    /// </summary>
    public sealed class ColumnCatalogue : IColumnSource
    {
        public static readonly ColumnCatalogue Instance = new ColumnCatalogue();

        private static readonly Dictionary<string, IReadOnlyCollection<TableColumn>> Tables = new Dictionary<string, IReadOnlyCollection<TableColumn>>(StringComparer.Ordinal)
        {
            [LeadColumns.Table] = Table(
                Of(ColumnType.Text, "subject", "firstname", "lastname", "fullname", "jobtitle", "companyname", "emailaddress1", "telephone1", "mobilephone",
                    "websiteurl", "description", "address1_city", "address1_country", "address1_stateorprovince", "address1_postalcode", LeadColumns.HandBackReason, LeadColumns.Grade),
                Of(ColumnType.WholeNumber, "numberofemployees", LeadColumns.Score, LeadColumns.FitScore, LeadColumns.EngagementScore, LeadColumns.HandBackCount),
                Of(ColumnType.Money, "revenue", "budgetamount"),
                Of(ColumnType.DateTime, "createdon", "modifiedon", "estimatedclosedate", LeadColumns.SalesReadyOn, LeadColumns.LastEngagementOn, LeadColumns.HandBackOn),
                Of(ColumnType.Boolean, "decisionmaker", "donotemail", "donotphone"),
                Of(ColumnType.Lookup, LeadColumns.Id, LeadColumns.OwnerId, "parentaccountid", "parentcontactid", "campaignid"),
                Choice("industrycode", Numbered(
                    "Accounting", "Agriculture and Non-petrol Natural Resource Extraction", "Broadcasting Printing and Publishing", "Brokers",
                    "Building Supply Retail", "Business Services", "Consulting", "Consumer Services", "Design, Direction and Creative Management",
                    "Distributors, Dispatchers and Processors", "Doctor's Offices and Clinics", "Durable Manufacturing", "Eating and Drinking Places",
                    "Entertainment Retail", "Equipment Rental and Leasing", "Financial", "Food and Tobacco Processing", "Inbound Capital Intensive Processing",
                    "Inbound Repair and Services", "Insurance", "Legal Services", "Non-Durable Merchandise Retail", "Outbound Consumer Service",
                    "Petrochemical Extraction and Distribution", "Service Retail", "SIG Affiliations", "Social Services", "Special Outbound Trade Contractors",
                    "Specialty Realty", "Transportation", "Utility Creation and Distribution", "Vehicle Retail", "Wholesale")),
                Choice("leadsourcecode", Numbered("Advertisement", "Employee Referral", "External Referral", "Partner", "Public Relations", "Seminar", "Trade Show", "Web", "Word of Mouth", "Other")),
                Choice("purchasetimeframe", Options("Immediate", 0, "This Quarter", 1, "Next Quarter", 2, "This Year", 3, "Unknown", 4)),
                Choice("purchaseprocess", Options("Individual", 0, "Committee", 1, "Unknown", 2)),
                Choice("leadqualitycode", Options("Hot", 1, "Warm", 2, "Cold", 3)),
                Choice(LeadColumns.StateCode, Options("Open", 0, "Qualified", 1, "Disqualified", 2)),
                Choice(LeadColumns.StatusCode, Options("New", 1, "Contacted", 2, "Qualified", 3, "Lost", 4, "Cannot Contact", 5, "No Longer Interested", 6, "Canceled", 7)),
                Choice(LeadColumns.LifecycleStage, Options(
                    "New", LifecycleStageValues.New, "Engaged", LifecycleStageValues.Engaged, "Marketing Qualified", LifecycleStageValues.MarketingQualified,
                    "Sales Accepted", LifecycleStageValues.SalesAccepted, "Recycled", LifecycleStageValues.Recycled, "Disqualified", LifecycleStageValues.Disqualified))),
            [EmailColumns.Table] = Table(
                Activity(),
                Of(ColumnType.WholeNumber, EmailColumns.OpenCount, EmailColumns.LinksClickedCount, EmailColumns.AttachmentOpenCount, EmailColumns.ReplyCount, "attachmentcount"),
                Of(ColumnType.DateTime, EmailColumns.SentOn, "lastopenedtime"),
                Of(ColumnType.Boolean, "isemailfollowed"),
                Direction(),
                Choice(EmailColumns.StatusCode, Options("Draft", 1, "Completed", 2, "Sent", EmailColumns.StatusSent, "Received", EmailColumns.StatusReceived, "Canceled", 5, "Pending Send", 6, "Sending", 7, "Failed", 8))),
            [AppointmentColumns.Table] = Table(
                Activity(),
                Of(ColumnType.Text, "location"),
                Of(ColumnType.Boolean, "isalldayevent"),
                Choice(AppointmentColumns.StateCode, Options("Open", 0, "Completed", AppointmentColumns.StateCompleted, "Canceled", AppointmentColumns.StateCanceled, "Scheduled", 3)),
                Choice(AppointmentColumns.StatusCode, Options("Free", 1, "Tentative", 2, "Completed", 3, "Canceled", 4, "Busy", 5, "Out of Office", 6))),
            [PhoneCallColumns.Table] = Table(
                Activity(),
                Of(ColumnType.Text, PhoneCallColumns.PhoneNumber, "category", "subcategory"),
                Of(ColumnType.WholeNumber, PhoneCallColumns.ActualDurationMinutes),
                Of(ColumnType.Boolean, PhoneCallColumns.LeftVoiceMail),
                Direction(),
                Choice(PhoneCallColumns.StateCode, Options("Open", 0, "Completed", PhoneCallColumns.StateCompleted, "Canceled", 2)),
                Choice(PhoneCallColumns.StatusCode, Options("Open", 1, "Made", PhoneCallColumns.StatusMade, "Canceled", 3, "Received", PhoneCallColumns.StatusReceived))),
            [InteractionColumns.Table] = Table(
                Of(ColumnType.Text, InteractionColumns.Name, InteractionColumns.Url),
                Of(ColumnType.WholeNumber, InteractionColumns.DurationSeconds),
                Of(ColumnType.DateTime, InteractionColumns.OccurredOn, "createdon", "modifiedon"),
                Of(ColumnType.Lookup, InteractionColumns.Id, InteractionColumns.LeadId),
                Choice(InteractionColumns.Type, InteractionTypeValues.Labels.Select(l => new ColumnOption(l.Key, l.Value)).ToList()), // the solution's choice, one list
                Choice("statecode", Options("Active", 0, "Inactive", 1))),
        };

        private ColumnCatalogue()
        {
        }

        public bool IsCatalogue => true;

        public static IReadOnlyCollection<string> TableNames => Tables.Keys;

        public IReadOnlyCollection<TableColumn>? Columns(string table) => Tables.TryGetValue(table, out var columns) ? columns : null;

        /// <summary>The column, or null when the catalogue does not list it.</summary>
        public static TableColumn? Find(string table, string column) =>
            Tables.TryGetValue(table, out var columns) ? columns.FirstOrDefault(c => c.Name == column) : null;

        /// <summary>The columns every activity table shares (the Activity table reference on Learn).</summary>
        private static TableColumn[] Activity() =>
            Of(ColumnType.Text, "subject", "description")
                .Concat(Of(ColumnType.DateTime, "scheduledstart", "scheduledend", "actualstart", "actualend", "createdon", "modifiedon"))
                .Concat(Of(ColumnType.WholeNumber, "scheduleddurationminutes", "actualdurationminutes"))
                .Concat(Of(ColumnType.Lookup, "activityid", "regardingobjectid", "ownerid"))
                .Concat(Choice("prioritycode", Options("Low", 0, "Normal", 1, "High", 2)))
                .Concat(Choice("statecode", Options("Open", 0, "Completed", 1, "Canceled", 2)))
                .ToArray();

        /// <summary>directioncode of emails and phone calls: true is outgoing.</summary>
        private static TableColumn[] Direction() =>
            new[] { new TableColumn("directioncode", ColumnType.Boolean, new[] { new ColumnOption(true, "Outgoing"), new ColumnOption(false, "Incoming") }) };

        /// <summary>Later groups override earlier ones (a table's own statecode over the activity default).</summary>
        private static IReadOnlyCollection<TableColumn> Table(params TableColumn[][] groups)
        {
            var columns = new Dictionary<string, TableColumn>(StringComparer.Ordinal);
            foreach (var column in groups.SelectMany(g => g))
            {
                columns[column.Name] = column;
            }

            return columns.Values.ToList();
        }

        private static TableColumn[] Of(ColumnType type, params string[] names) => names.Select(n => new TableColumn(n, type)).ToArray();

        private static TableColumn[] Choice(string name, IReadOnlyList<ColumnOption> options) => new[] { new TableColumn(name, ColumnType.Choice, options) };

        /// <summary>Options numbered 1, 2, 3… in order.</summary>
        private static IReadOnlyList<ColumnOption> Numbered(params string[] labels) => labels.Select((label, i) => new ColumnOption(i + 1, label)).ToList();

        /// <summary>Label, value, label, value, … (the plug-in assembly targets .NET Framework 4.6.2, without value tuples).</summary>
        private static IReadOnlyList<ColumnOption> Options(params object[] labelsAndValues) =>
            Enumerable.Range(0, labelsAndValues.Length / 2).Select(i => new ColumnOption(labelsAndValues[(2 * i) + 1], (string)labelsAndValues[2 * i])).ToList();
    }
}
