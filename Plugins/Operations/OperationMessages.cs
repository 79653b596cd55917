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

        public static string Top(int top) => "Top must be between " + MinTop + " and " + MaxTop + "; got " + top + ".";
    }
}
