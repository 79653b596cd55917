namespace LeadScoring.Operations
{
    /// <summary>What a run of the decay job did, and where the next run starts ("" when every lead is done).</summary>
    public sealed class DecayRun
    {
        public DecayRun(int leadsProcessed, int pointsDebited, string continuation)
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
