namespace LeadScoring.Platform
{
    /// <summary>
    /// One event a plug-in class handles, as it is registered: message, table ("none" for an unbound
    /// Custom API), stage (10 PreValidation, 20 PreOperation, 30 a Custom API's main operation,
    /// 40 PostOperation) and mode (synchronous or asynchronous).
    /// https://learn.microsoft.com/power-apps/developer/data-platform/event-framework
    /// </summary>
    public sealed record PluginEvent(string Message, string Table, int Stage, bool Async)
    {
        public const int PreValidation = 10;
        public const int PreOperation = 20;
        public const int MainOperation = 30;
        public const int PostOperation = 40;

        public override string ToString() => Message + " of " + Table + ", stage " + Stage + ", " + (Async ? "asynchronous" : "synchronous");
    }
}
