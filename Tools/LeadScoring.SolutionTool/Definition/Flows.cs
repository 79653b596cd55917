using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// The cloud flows, written in the Logic Apps workflow definition language the way Power Automate
    /// stores a solution flow (properties.connectionReferences + properties.definition). Each flow's
    /// triggers and actions are a template, Definition/Flows/&lt;key&gt;.json, filled by FlowTemplate.
    /// Dataverse triggers and actions go through the connection reference ls_LeadScoringDataverse;
    /// environment variables appear as definition parameters named "Display name (schema name)".
    /// docs/automation.md describes what each does and how to turn it on or off. Text that people typed
    /// (a lead's name, the reasons of its score events) goes into the sales-ready email and Teams message
    /// HTML-encoded: the definition language has no HTML encoder, so the template wraps it in replace() of
    /// &amp;, &lt; and &gt; (https://learn.microsoft.com/azure/logic-apps/expression-functions-reference).
    /// </summary>
    public static class Flows
    {
        public static string Parameter(EnvironmentVariable variable) => $"{variable.DisplayName} ({variable.SchemaName})";

        public static CloudFlow DecayNightly { get; } = new("decaynightly", "Lead Scoring - Run score decay nightly",
            "Every night at 02:00 UTC: calls ls_ApplyScoreDecay a page at a time, following Continuation until it comes back empty, all pages as of the same moment; records the run (pages, leads processed, points debited) in a Decay run row.",
            Build("decaynightly", Automation.DecayPageSize), new[] { Automation.Dataverse.LogicalName });

        public static CloudFlow NotifySalesReady { get; } = new("notifysalesready", "Lead Scoring - Notify owner when a lead becomes sales-ready",
            "When a lead's lifecycle stage changes to Marketing Qualified: tells the lead's owner (by email or Teams, per ls_NotificationChannel) the score, the grade and the top reasons.",
            Build("notifysalesready", Automation.NotificationChannel), new[] { Automation.Dataverse.LogicalName, Automation.Outlook.LogicalName, Automation.Teams.LogicalName });

        public static CloudFlow ReengageRecycled { get; } = new("reengagerecycled", "Lead Scoring - Start re-engagement when a lead is recycled",
            "When a lead's lifecycle stage changes to Recycled (sales handed it back): adds the lead to the marketing list ls_ReengagementListName names.",
            Build("reengagerecycled", Automation.ReengagementList), new[] { Automation.Dataverse.LogicalName });

        // Only the first decay debit of an inactive period starts re-engagement: later debits (and a
        // catch-up run that writes several at once) find an earlier one and stop there.
        public static CloudFlow ReengageDecaying { get; } = new("reengagedecaying", "Lead Scoring - Start re-engagement when a lead starts to decay",
            "When the first decay debit since a lead's last engagement is written: adds the lead to the marketing list ls_ReengagementListName names.",
            Build("reengagedecaying", Automation.ReengagementList), new[] { Automation.Dataverse.LogicalName });

        // The Customer Insights - Journeys flows record through ls_RecordInteraction with the row's id as
        // ExternalId, so a retried run records nothing twice; each does nothing until its environment
        // variable is Yes, because the tables exist only where Customer Insights - Journeys is installed.
        public static CloudFlow RecordFormSubmissions { get; } = new("recordformsubmissions", "Lead Scoring - Record Customer Insights - Journeys form submissions",
            "When a Customer Insights - Journeys form is submitted (msdynmkt_marketingformsubmission) with an email address: records a Form submission interaction for it (ls_RecordInteraction). Off until ls_RecordFormSubmissions is Yes.",
            Build("recordformsubmissions", Automation.RecordFormSubmissions), new[] { Automation.Dataverse.LogicalName });

        public static CloudFlow RecordEventRegistrations { get; } = new("recordeventregistrations", "Lead Scoring - Record Customer Insights - Journeys event registrations",
            "When someone registers for a Customer Insights - Journeys event (msevtmgt_eventregistration): records an Event registration interaction for the registrant's email address (ls_RecordInteraction). Off until ls_RecordEventInteractions is Yes.",
            Build("recordeventregistrations", Automation.RecordEventInteractions), new[] { Automation.Dataverse.LogicalName });

        public static CloudFlow RecordEventCheckIns { get; } = new("recordeventcheckins", "Lead Scoring - Record Customer Insights - Journeys event check-ins",
            "When an attendee checks in at a Customer Insights - Journeys event (msevtmgt_checkin): records an Event attendance interaction for the attendee's email address (ls_RecordInteraction). Off until ls_RecordEventInteractions is Yes.",
            Build("recordeventcheckins", Automation.RecordEventInteractions), new[] { Automation.Dataverse.LogicalName });

        public static IReadOnlyList<CloudFlow> All { get; } = new[]
        {
            DecayNightly, NotifySalesReady, ReengageRecycled, ReengageDecaying, RecordFormSubmissions, RecordEventRegistrations, RecordEventCheckIns,
        };

        /// <summary>A solution flow's definition: the environment variables as parameters, the template's triggers and actions.</summary>
        private static JsonObject Build(string template, params EnvironmentVariable[] variables)
        {
            var filled = FlowTemplate.Fill(template, variables);
            var parameters = new JsonObject
            {
                ["$connections"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" },
                ["$authentication"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "SecureObject" },
            };
            foreach (var variable in variables)
            {
                parameters[Parameter(variable)] = new JsonObject
                {
                    ["defaultValue"] = variable.Type == EnvironmentVariable.Number ? JsonValue.Create(int.Parse(variable.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(variable.DefaultValue),
                    ["type"] = variable.Type == EnvironmentVariable.Number ? "Int" : "String",
                    ["metadata"] = new JsonObject { ["schemaName"] = variable.SchemaName, ["description"] = variable.Description },
                };
            }

            return new JsonObject
            {
                ["$schema"] = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
                ["contentVersion"] = "1.0.0.0",
                ["parameters"] = parameters,
                ["triggers"] = filled["triggers"]!.DeepClone(),
                ["actions"] = filled["actions"]!.DeepClone(),
            };
        }
    }
}
