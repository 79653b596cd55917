using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;

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
    /// The columns of the watched tables (lead, email, appointment, phonecall, ls_interaction) the
    /// events file may set. Types and choice labels come from the product's column catalogue
    /// (Plugins/Dataverse/ColumnCatalogue.cs), the same one `model validate` checks rules against.
    /// Any other column must carry a publisher prefix (new_budget, ls_region) — a custom column,
    /// written with the JSON value's own type — so a misspelt standard column is an error, as
    /// Dataverse would make it.
    /// </summary>
    internal static class TableColumns
    {
        private static readonly string[] ActivityColumns = { "subject", "description", "scheduledstart", "scheduledend", "actualstart", "actualend", "statecode", "statuscode", "regardingobjectid" };

        private static readonly Dictionary<string, Dictionary<string, KnownColumn>> Tables = new(StringComparer.Ordinal)
        {
            [LeadColumns.Table] = Table(LeadColumns.Table,
                "subject", "firstname", "lastname", "fullname", "jobtitle", "companyname", "emailaddress1", "telephone1", "mobilephone", "websiteurl", "description",
                "address1_city", "address1_country", "numberofemployees", "revenue", "budgetamount", "decisionmaker", "industrycode", "leadsourcecode",
                "purchasetimeframe", "purchaseprocess", "leadqualitycode", LeadColumns.StateCode, LeadColumns.StatusCode, LeadColumns.LifecycleStage, LeadColumns.HandBackReason),
            [EmailColumns.Table] = Table(EmailColumns.Table, ActivityColumns.Concat(new[]
            {
                EmailColumns.OpenCount, EmailColumns.LinksClickedCount, EmailColumns.AttachmentOpenCount, EmailColumns.ReplyCount, EmailColumns.SentOn, EmailColumns.DirectionCode,
            }).ToArray()),
            [AppointmentColumns.Table] = Table(AppointmentColumns.Table, ActivityColumns.Concat(new[] { "location", "scheduleddurationminutes" }).ToArray()),
            [PhoneCallColumns.Table] = Table(PhoneCallColumns.Table, ActivityColumns.Concat(new[]
            {
                PhoneCallColumns.DirectionCode, PhoneCallColumns.ActualDurationMinutes, PhoneCallColumns.PhoneNumber, PhoneCallColumns.LeftVoiceMail, "scheduleddurationminutes",
            }).ToArray()),
            [InteractionColumns.Table] = Table(InteractionColumns.Table,
                InteractionColumns.Name, InteractionColumns.Url, InteractionColumns.DurationSeconds, InteractionColumns.OccurredOn, InteractionColumns.Type, InteractionColumns.LeadId),
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

        private static Dictionary<string, KnownColumn> Table(string table, params string[] writable) =>
            writable.Select(name => Known(table, ColumnCatalogue.Find(table, name) ?? throw new InvalidOperationException($"{table}.{name} is not in the column catalogue.")))
                .ToDictionary(c => c.Name, StringComparer.Ordinal);

        private static KnownColumn Known(string table, TableColumn column)
        {
            var kind = column.Type switch
            {
                ColumnType.Text => ColumnKind.Text,
                ColumnType.WholeNumber => ColumnKind.WholeNumber,
                ColumnType.Decimal => ColumnKind.Decimal,
                ColumnType.Money => ColumnKind.Money,
                ColumnType.Boolean => ColumnKind.Boolean,
                ColumnType.DateTime => ColumnKind.DateTime,
                ColumnType.Choice => ColumnKind.Choice,
                ColumnType.Lookup => ColumnKind.LeadLookup,
                _ => throw new InvalidOperationException($"{table}.{column.Name} cannot be written by the events file."),
            };
            var labels = column.Options.Count == 0 ? null : column.Options.ToDictionary(o => o.Label, o => o.Value, StringComparer.Ordinal);
            return new KnownColumn(column.Name, kind, labels);
        }
    }
}
