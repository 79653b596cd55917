using System;

namespace LeadScoring.Operations
{
    /// <summary>What a source says happened: ls_RecordInteraction's request, and one row of a CSV import.</summary>
    public sealed class InteractionInput
    {
        public string? Type { get; set; }

        public string? Source { get; set; }

        public string? ExternalId { get; set; }

        public DateTime? OccurredOn { get; set; }

        public string? Name { get; set; }

        public string? Url { get; set; }

        public Guid? LeadId { get; set; }

        public string? EmailAddress { get; set; }

        public string? LeadSource { get; set; }

        public int? DurationSeconds { get; set; }

        public string? Columns { get; set; }
    }
}
