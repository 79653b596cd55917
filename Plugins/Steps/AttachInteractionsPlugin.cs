using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Operations;
using LeadScoring.Platform;

namespace LeadScoring.Steps
{
    /// <summary>
    /// Lead Create and Update of an email address (PostOperation, asynchronous): interactions recorded
    /// for one of the lead's addresses while no open lead had it are attached to this lead; the
    /// ls_interaction update step then scores each as it would have been scored when recorded. Each is
    /// given the lead's owner (from the image), so it is seen by whoever sees the lead.
    /// </summary>
    public sealed class AttachInteractionsPlugin : PluginBase
    {
        public override IReadOnlyList<PluginEvent> Events { get; } = new[]
        {
            new PluginEvent("Create", LeadColumns.Table, PluginEvent.PostOperation, true),
            new PluginEvent("Update", LeadColumns.Table, PluginEvent.PostOperation, true),
        };

        protected override void ExecuteStep(LocalPluginContext local)
        {
            var target = local.Target;
            if (target == null)
            {
                return;
            }

            var lead = Records.Merge(local.PostImage, target);
            if (lead.GetAttributeValue<Microsoft.Xrm.Sdk.OptionSetValue>(LeadColumns.StateCode)?.Value is int state && state != 0)
            {
                return; // only an open lead takes interactions, as matching does
            }

            var addresses = LeadColumns.EmailAddresses.Select(c => lead.GetAttributeValue<string>(c)).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!);
            int attached = RecordInteraction.Attach(local.Services, target.Id, lead.GetAttributeValue<Microsoft.Xrm.Sdk.EntityReference>(LeadColumns.OwnerId), addresses);
            local.Trace("{0} unmatched interactions attached to lead {1}.", attached, target.Id);
        }
    }
}
