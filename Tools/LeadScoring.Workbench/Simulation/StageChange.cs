using System;

namespace LeadScoring.Workbench.Simulation
{
    /// <summary>A lead entering a lifecycle stage during a replay, under the model version then active; From is "" for the lead's first stage.</summary>
    internal sealed record StageChange(string Lead, DateTime At, string From, string To, int ModelVersion);
}
