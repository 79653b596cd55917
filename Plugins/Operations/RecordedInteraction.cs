using System;

namespace LeadScoring.Operations
{
    /// <summary>The interaction, whether this call created it (false: the source and external id were recorded before), and its lead (none while unmatched).</summary>
    public sealed class RecordedInteraction
    {
        public RecordedInteraction(Guid interactionId, bool created, Guid? leadId, bool leadCreated)
        {
            InteractionId = interactionId;
            Created = created;
            LeadId = leadId;
            LeadCreated = leadCreated;
        }

        public Guid InteractionId { get; }

        public bool Created { get; }

        public Guid? LeadId { get; }

        public bool LeadCreated { get; }
    }
}
