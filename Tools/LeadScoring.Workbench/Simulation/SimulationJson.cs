using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadScoring.Workbench.Simulation
{
    /// <summary>The results file of simulate: {"leads":[{"id":…,"score":…,…,"events":[…]}]}.</summary>
    internal static class SimulationJson
    {
        private static readonly JsonSerializerOptions Options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };

        public static string Write(IReadOnlyList<SimulatedLead> leads) => JsonSerializer.Serialize(new Results(leads), Options) + "\n";

        private sealed record Results(IReadOnlyList<SimulatedLead> Leads);
    }
}
