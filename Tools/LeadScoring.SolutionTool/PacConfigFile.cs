using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadScoring.SolutionTool
{
    /// <summary>pac-config.json: the solution's identity and every registration (the single source).</summary>
    public sealed class PacConfigFile
    {
        public SolutionIdentity Solution { get; set; } = new();
        public PluginAssemblyEntry PluginAssembly { get; set; } = new();
        public List<WorkflowActivityEntry> WorkflowActivities { get; set; } = new();
        public List<StepEntry> Steps { get; set; } = new();
        public List<CustomApiEntry> CustomApis { get; set; } = new();

        private static readonly JsonSerializerOptions Options = new()
        {
            PropertyNameCaseInsensitive = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        public static PacConfigFile Read(string path)
        {
            try
            {
                return JsonSerializer.Deserialize<PacConfigFile>(File.ReadAllText(path), Options)
                    ?? throw new SolutionToolException($"{path} is empty.");
            }
            catch (JsonException e)
            {
                throw new SolutionToolException($"{path} is not valid pac-config JSON: {e.Message}", e);
            }
        }
    }

    public sealed class SolutionIdentity
    {
        public string UniqueName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Version { get; set; } = "1.0.0.0";
        public string Description { get; set; } = "";
        public PublisherEntry Publisher { get; set; } = new();
    }

    public sealed class PublisherEntry
    {
        public string UniqueName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Prefix { get; set; } = "";
        public int OptionValuePrefix { get; set; }
    }

    public sealed class PluginAssemblyEntry
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string Path { get; set; } = "";
        public string IsolationMode { get; set; } = "Sandbox";
        public string SourceType { get; set; } = "Database";
    }

    public sealed class WorkflowActivityEntry
    {
        public Guid Id { get; set; }
        public string Type { get; set; } = "";
        public string Name { get; set; } = "";
        public string Group { get; set; } = "";
    }

    public sealed class StepEntry
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string Plugin { get; set; } = "";
        public string Message { get; set; } = "";
        public string Table { get; set; } = "";
        public int Stage { get; set; }
        public string Mode { get; set; } = "Sync";
        public int Rank { get; set; } = 1;
        public List<string> FilteringAttributes { get; set; } = new();
        public List<ImageEntry> Images { get; set; } = new();
        public string RunAs { get; set; } = "CallingUser";
        public string? UnsecureConfiguration { get; set; }
    }

    public sealed class ImageEntry
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public List<string> Attributes { get; set; } = new();
    }

    public sealed class CustomApiEntry
    {
        public Guid Id { get; set; }
        public string UniqueName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Description { get; set; } = "";
        public string Plugin { get; set; } = "";
        public string BindingType { get; set; } = "Global";
        public string? BoundTable { get; set; }
        public bool IsFunction { get; set; }
        public string AllowedProcessingStepType { get; set; } = "None";
        public string? ExecutePrivilegeName { get; set; }
        public List<ApiParameterEntry> RequestParameters { get; set; } = new();
        public List<ApiParameterEntry> ResponseProperties { get; set; } = new();
    }

    public sealed class ApiParameterEntry
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public bool Optional { get; set; }
        public string Description { get; set; } = "";

        /// <summary>
        /// The range the Custom API accepts (Integer: Minimum/Maximum; String: MaxLength). Dataverse has no
        /// such property on a request parameter, so it is not rendered into the solution: it is the contract
        /// the server enforces and the web resources' requests are checked against.
        /// </summary>
        public int? Minimum { get; set; }

        public int? Maximum { get; set; }

        public int? MaxLength { get; set; }

        /// <summary>For EntityReference/Entity parameters: the table (not in pac-config; the definition adds it).</summary>
        [JsonIgnore]
        public string? LogicalEntityName { get; set; }
    }

    /// <summary>A problem the tool reports in one line, without a stack trace.</summary>
    public sealed class SolutionToolException : Exception
    {
        public SolutionToolException() { }
        public SolutionToolException(string message) : base(message) { }
        public SolutionToolException(string message, Exception inner) : base(message, inner) { }
    }
}
