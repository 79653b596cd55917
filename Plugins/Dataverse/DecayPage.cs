namespace LeadScoring.Dataverse
{
    /// <summary>What a page of the decay job (or a run of pages) did, and where the next one starts ("" when every lead is done).</summary>
    public sealed class DecayPage
    {
        public DecayPage(int leadsProcessed, int pointsDebited, string continuation)
        {
            LeadsProcessed = leadsProcessed;
            PointsDebited = pointsDebited;
            Continuation = continuation;
        }

        public int LeadsProcessed { get; }

        public int PointsDebited { get; }

        public string Continuation { get; }

        public bool Done => Continuation.Length == 0;
    }
}
