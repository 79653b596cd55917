using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>ls_decayrun: one row per run of the nightly decay flow, for admins to see what it did.</summary>
    public static class DecayRunColumns
    {
        public const string Table = "ls_decayrun";
        public const string EntitySet = "ls_decayruns";
        public const string Id = "ls_decayrunid";
        public const string Name = "ls_name";
        public const string AsOf = "ls_asof";
        public const string StartedOn = "ls_startedon";
        public const string FinishedOn = "ls_finishedon";
        public const string LeadsProcessed = "ls_leadsprocessed";
        public const string PointsDebited = "ls_pointsdebited";
        public const string Pages = "ls_pages";
        public const string Status = "ls_status";
        public const string Message = "ls_message";
    }

    /// <summary>Choice ls_decayrunstatus.</summary>
    public static class DecayRunStatusValues
    {
        public const int Running = 100000000;
        public const int Succeeded = 100000001;
        public const int Failed = 100000002;
    }

    /// <summary>environmentvariabledefinition.type: String 100000000, Number 100000001, Boolean 100000002, JSON 100000003.</summary>
    public sealed record EnvironmentVariable(string SchemaName, string DisplayName, string Description, int Type, string DefaultValue)
    {
        public const int String = 100000000;
        public const int Number = 100000001;
    }

    /// <summary>A connection reference: flows name it, each environment binds it to a connection.</summary>
    public sealed record ConnectionReference(string LogicalName, string DisplayName, string Description, string Connector)
    {
        public string ConnectorId => "/providers/Microsoft.PowerApps/apis/" + Connector;
    }

    /// <summary>A solution-aware cloud flow (Workflows/&lt;name&gt;-&lt;ID&gt;.json, category 5).</summary>
    public sealed record CloudFlow(string Key, string Name, string Description, JsonObject Definition, IReadOnlyList<string> ConnectionReferences)
    {
        public Guid Id => StableId.For("flow", Key);

        /// <summary>Workflows/ file name (without extension): the name without spaces and punctuation, then the id, as pac unpack names them.</summary>
        public string FileName => Automation.FileStem(Name) + "-" + Id.ToString("D").ToUpperInvariant();

        /// <summary>The Dataverse entity sets the flow's actions read or write (their "entityName" inputs).</summary>
        public IReadOnlyCollection<string> EntitySets => Objects(Definition)
            .Select(o => o["entityName"]).OfType<JsonValue>()
            .Select(v => v.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        /// <summary>Whether the flow uses marketing lists (Dynamics 365 Sales' list table).</summary>
        public bool UsesMarketingList => EntitySets.Contains("lists");

        private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
        {
            JsonObject obj => obj.Select(p => p.Value).SelectMany(Objects).Prepend(obj),
            JsonArray array => array.SelectMany(Objects),
            _ => Enumerable.Empty<JsonObject>(),
        };
    }

    /// <summary>A classic (background) workflow (Workflows/&lt;name&gt;-&lt;ID&gt;.xaml, category 0).</summary>
    public sealed record ClassicWorkflow(string Key, string Name, string Description, string PrimaryEntity, bool OnDemand, IReadOnlyList<string> TriggerOnUpdate, string Xaml)
    {
        public Guid Id => StableId.For("workflow", Key);

        public string FileName => Automation.FileStem(Name) + "-" + Id.ToString("D").ToUpperInvariant();
    }

    /// <summary>What differs per environment, and the connections the flows use (docs/automation.md).</summary>
    public static class Automation
    {
        public static EnvironmentVariable ReengagementList { get; } = new("ls_ReengagementListName", "Re-engagement marketing list",
            "The name of the marketing list (list.listname) recycled and decaying leads are added to. The list must exist and hold leads.",
            EnvironmentVariable.String, "Lead Scoring re-engagement");

        public static EnvironmentVariable NotificationChannel { get; } = new("ls_NotificationChannel", "Sales-ready notification channel",
            "How a lead's owner is told the lead became sales-ready: Email (Office 365 Outlook) or Teams (a chat from the Flow bot).",
            EnvironmentVariable.String, "Email");

        public static EnvironmentVariable DecayPageSize { get; } = new("ls_DecayPageSize", "Decay page size",
            "Leads per ls_ApplyScoreDecay call in the nightly decay flow, 1 to 1000.",
            EnvironmentVariable.Number, "250");

        public static IReadOnlyList<EnvironmentVariable> EnvironmentVariables { get; } = new[] { ReengagementList, NotificationChannel, DecayPageSize };

        public static ConnectionReference Dataverse { get; } = new("ls_LeadScoringDataverse", "Lead Scoring: Dataverse",
            "The Dataverse connection the lead scoring flows read and write with.", "shared_commondataserviceforapps");

        public static ConnectionReference Outlook { get; } = new("ls_LeadScoringOutlook", "Lead Scoring: Office 365 Outlook",
            "Sends the sales-ready notification when the channel is Email.", "shared_office365");

        public static ConnectionReference Teams { get; } = new("ls_LeadScoringTeams", "Lead Scoring: Microsoft Teams",
            "Posts the sales-ready notification when the channel is Teams.", "shared_teams");

        public static IReadOnlyList<ConnectionReference> ConnectionReferences { get; } = new[] { Dataverse, Outlook, Teams };

        /// <summary>Letters and digits only, as pac names workflow files.</summary>
        public static string FileStem(string name)
        {
            var stem = new System.Text.StringBuilder();
            foreach (char c in name)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    stem.Append(c);
                }
            }

            return stem.ToString();
        }
    }
}
