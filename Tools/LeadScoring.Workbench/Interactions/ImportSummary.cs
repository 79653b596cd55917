namespace LeadScoring.Workbench.Interactions
{
    /// <summary>What an import did: rows read, and how each ended.</summary>
    internal sealed record ImportSummary(int Rows, int Recorded, int Duplicates, int Unmatched, int LeadsCreated, int Refused, int ResumedAfter)
    {
        public static ImportSummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);
    }
}
