using System;
using System.Collections.Generic;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using LeadScoring.Platform;

namespace LeadScoring.CustomApis
{
    /// <summary>
    /// ls_RecordInteraction (unbound): a marketing interaction from a webhook, a webinar platform, a
    /// website or a flow, recorded once per Source and ExternalId and matched to a lead (see
    /// <see cref="RecordInteraction"/>). The ls_interaction steps then score it.
    /// </summary>
    public sealed class RecordInteractionApi : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[] { new PluginEvent(CustomApi.RecordInteraction, "none", PluginEvent.MainOperation, false) };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var input = new InteractionInput
            {
                Type = local.Input<string>(CustomApi.Type),
                Source = local.Input<string>(CustomApi.Source),
                ExternalId = local.Input<string>(CustomApi.ExternalId),
                OccurredOn = local.Context.InputParameters.Contains(CustomApi.OccurredOn) ? local.Input<DateTime>(CustomApi.OccurredOn) : null,
                Name = local.Input<string>(CustomApi.Name),
                Url = local.Input<string>(CustomApi.Url),
                LeadId = local.Context.InputParameters.Contains(CustomApi.LeadId) ? local.Input<Guid>(CustomApi.LeadId) : null,
                EmailAddress = local.Input<string>(CustomApi.EmailAddress),
                LeadSource = local.Input<string>(CustomApi.LeadSource),
                DurationSeconds = local.Context.InputParameters.Contains(CustomApi.DurationSeconds) ? local.Input<int>(CustomApi.DurationSeconds) : null,
                Columns = local.Input<string>(CustomApi.Columns),
            };

            var recorded = RecordInteraction.Run(local.Services, input);
            local.Trace("Interaction {0}: {1}, lead {2}.", recorded.InteractionId, recorded.Created ? "recorded" : "already recorded", recorded.LeadId?.ToString() ?? "none yet");
            local.Output(CustomApi.InteractionId, recorded.InteractionId);
            local.Output(CustomApi.Created, recorded.Created);
            local.Output(CustomApi.LeadId, recorded.LeadId ?? Guid.Empty);
            local.Output(CustomApi.LeadCreated, recorded.LeadCreated);
        }
    }
}
