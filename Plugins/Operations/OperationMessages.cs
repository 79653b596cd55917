using System.Linq;

namespace LeadScoring.Operations
{
    /// <summary>
    /// Every message the operations show a caller, in one place, so a Custom API, a workflow activity
    /// and the workbench say the same thing about the same mistake: which input, which value, what is allowed.
    /// </summary>
    public static class OperationMessages
    {
        public const int MaxReasonLength = 500;
        public const int MinTop = 1;
        public const int MaxTop = 50;

        public const string NoActiveModel = "No scoring model is active. Ask a Lead Scoring Admin to activate one.";

        public static string NotALead(string operation, string? got) =>
            operation + " is bound to a lead: Target must be a lead reference; got " + (got ?? "nothing") + ".";

        public static string Reason(string what, int length) =>
            "Reason is required to " + what + " and may be at most " + MaxReasonLength + " characters; got " + length + ".";

        public static string UnknownModel(System.Guid modelId) =>
            "ModelId " + modelId + " is not a scoring model in this organization; give the id of a scoring model (any status) or leave ModelId out for the active one.";

        public static string Top(int top) => "Top must be between " + MinTop + " and " + MaxTop + "; got " + top + ".";

        // ls_RecordInteraction: which parameter, which value, what is allowed.
        public const string NameOrUrl = "Name or Url is required: what the person did, such as the page title, the asset or the event.";
        public const string LeadOrEmail = "LeadId or EmailAddress is required: who interacted.";
        public const string EmptyLeadId = "LeadId is the empty id; give a lead's id or leave LeadId out and give EmailAddress.";

        public static string InteractionType(string? got) =>
            "Type " + Quote(got) + " is not an interaction type; allowed: " + string.Join(", ", Dataverse.InteractionTypeValues.Labels.Select(l => l.Value)) +
            " (or their values " + Dataverse.InteractionTypeValues.Labels.First().Key + " to " + Dataverse.InteractionTypeValues.Labels.Last().Key + ").";

        public static string InTheFuture(System.DateTime occurredOn) =>
            "OccurredOn " + occurredOn.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) + " is in the future; give the moment the interaction happened (UTC).";

        public static string NotAUrl(string url) => "Url " + Quote(url) + " is not an absolute http or https address.";

        public static string NotAnEmailAddress(string? got) => "EmailAddress " + Quote(got) + " is not an email address.";

        public static string NegativeDuration(int seconds) => "DurationSeconds must be 0 or more; got " + seconds + ".";

        public static string NotALeadSource(string? got) =>
            "LeadSource " + Quote(got) + " is not a lead source; allowed: " + string.Join(", ", Dataverse.LeadSourceValues.Labels) + " (or their values 1 to " + Dataverse.LeadSourceValues.Labels.Count + ").";

        public static string ManagedColumn(string column) => "Columns may not set " + column + ": it has a parameter of its own or is the platform's.";

        public static string NotAColumnName(string column) => "Columns: " + Quote(column) + " is not a column's logical name (lower-case letters, digits and _).";

        public static string Required(string parameter, string what) => parameter + " is required: " + what + ".";

        public static string TooLong(string parameter, int max, int length) => parameter + " may be at most " + max + " characters; got " + length + ".";

        public static string NoSuchLead(System.Guid lead) => "LeadId " + lead.ToString("D") + " is not a lead in this organization.";

        private static string Quote(string? value) => value == null ? "(none)" : "'" + value + "'";
    }
}
