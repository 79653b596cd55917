using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Emulator
{
    // Why: steps and Custom APIs are registered from pac-config.json, the single source the
    // solution and deployment read too, so a test runs a plug-in exactly as it will be registered.
    // This file reads the "steps" and "customApis" sections, checks them against the platform's
    // registration rules, and finds each plug-in type by full name in the given assemblies.
    // Rules: https://learn.microsoft.com/power-apps/developer/data-platform/register-plug-in

    /// <summary>pac-config.json could not be read, or breaks a registration rule.</summary>
    public sealed class PacConfigException : Exception
    {
        public PacConfigException() { }
        public PacConfigException(string message) : base(message) { }
        public PacConfigException(string message, Exception inner) : base(message, inner) { }
    }

    internal sealed class PacConfigFile
    {
        public List<StepEntry> Steps { get; set; } = new();
        public List<CustomApiEntry> CustomApis { get; set; } = new();
    }

    internal sealed class StepEntry
    {
        public Guid? Id { get; set; }
        public string? Name { get; set; }
        public string? Plugin { get; set; }
        public string? Message { get; set; }
        public string? Table { get; set; }
        public int Stage { get; set; }
        public string? Mode { get; set; }
        public int Rank { get; set; } = 1;
        public List<string>? FilteringAttributes { get; set; }
        public List<ImageEntry>? Images { get; set; }
        public string? UnsecureConfiguration { get; set; }
        public string? SecureConfiguration { get; set; }
    }

    internal sealed class ImageEntry
    {
        public string? Name { get; set; }
        public string? Type { get; set; }
        public List<string>? Attributes { get; set; }
    }

    internal sealed class CustomApiEntry
    {
        public string? UniqueName { get; set; }
        public string? Plugin { get; set; }
        public string? BindingType { get; set; }
        public string? BoundTable { get; set; }
        public bool IsFunction { get; set; }
        public string? ExecutePrivilegeName { get; set; }
        public List<ParameterEntry>? RequestParameters { get; set; }
        public List<ParameterEntry>? ResponseProperties { get; set; }
    }

    internal sealed class ParameterEntry
    {
        public string? Name { get; set; }
        public string? Type { get; set; }
        public bool Optional { get; set; }
    }

    internal sealed record ImageRegistration(string Name, bool Pre, bool Post, string[] Attributes);

    /// <summary>A registered step (an SdkMessageProcessingStep) with its cached plug-in instance.</summary>
    internal sealed record Registration(
        Guid Id, int Order, string Name, Type PluginType, IPlugin Plugin, string Message, string? Table,
        int Stage, bool Async, int Rank, string[] FilteringAttributes, ImageRegistration[] Images);

    internal sealed record ApiParameter(string Name, string Type, bool Optional);

    internal sealed record CustomApiRegistration(
        string UniqueName, Type PluginType, IPlugin Plugin, string BindingType, string? BoundTable, bool IsFunction,
        ApiParameter[] RequestParameters, ApiParameter[] ResponseProperties, string? ExecutePrivilegeName);

    internal static class PacConfig
    {
        /// <summary>The .NET type each Custom API parameter type takes.</summary>
        public static readonly IReadOnlyDictionary<string, Type> ParameterTypes = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            ["Boolean"] = typeof(bool),
            ["DateTime"] = typeof(DateTime),
            ["Decimal"] = typeof(decimal),
            ["Entity"] = typeof(Entity),
            ["EntityCollection"] = typeof(EntityCollection),
            ["EntityReference"] = typeof(EntityReference),
            ["Float"] = typeof(double),
            ["Integer"] = typeof(int),
            ["Money"] = typeof(Money),
            ["Picklist"] = typeof(OptionSetValue),
            ["String"] = typeof(string),
            ["StringArray"] = typeof(string[]),
            ["Guid"] = typeof(Guid),
        };

        private static readonly JsonSerializerOptions Options = new()
        {
            PropertyNameCaseInsensitive = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };

        public static PacConfigFile Parse(string json, string source)
        {
            try
            {
                return JsonSerializer.Deserialize<PacConfigFile>(json, Options) ?? new PacConfigFile();
            }
            catch (JsonException e)
            {
                throw new PacConfigException($"{source}: not valid pac-config JSON: {e.Message}", e);
            }
        }

        public static PacConfigFile Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new PacConfigException($"pac-config file not found: {Path.GetFullPath(path)}");
            }
            return Parse(File.ReadAllText(path), path);
        }

        public static Registration ToRegistration(StepEntry entry, int order, Assembly[] assemblies)
        {
            var name = entry.Name ?? $"step {order + 1}";
            PacConfigException Error(string why) => new($"Step '{name}': {why}");

            var message = entry.Message ?? throw Error("\"message\" is required.");
            var table = string.IsNullOrWhiteSpace(entry.Table) || entry.Table == "none" ? null : entry.Table;
            if (entry.Stage is not (10 or 20 or 40))
            {
                throw Error($"stage {entry.Stage} is not 10 (PreValidation), 20 (PreOperation) or 40 (PostOperation).");
            }
            var async = (entry.Mode ?? "Sync").ToUpperInvariant() switch
            {
                "SYNC" or "SYNCHRONOUS" or "0" => false,
                "ASYNC" or "ASYNCHRONOUS" or "1" => true,
                _ => throw Error($"mode '{entry.Mode}' is not Sync or Async."),
            };
            if (async && entry.Stage != 40)
            {
                throw Error("asynchronous steps can only be registered for the PostOperation stage (40).");
            }
            var images = (entry.Images ?? new List<ImageEntry>()).Select(i => ToImage(i, message, entry.Stage, Error)).ToArray();
            var plugin = CreatePlugin(entry.Plugin ?? throw Error("\"plugin\" is required."), assemblies, entry.UnsecureConfiguration, entry.SecureConfiguration, Error);
            return new Registration(
                entry.Id ?? Guid.NewGuid(), order, name, plugin.GetType(), plugin, message, table, entry.Stage, async, entry.Rank,
                (entry.FilteringAttributes ?? new List<string>()).ToArray(), images);
        }

        private static ImageRegistration ToImage(ImageEntry image, string message, int stage, Func<string, PacConfigException> error)
        {
            var name = image.Name ?? throw error("every image needs a \"name\" (its alias).");
            var (pre, post) = (image.Type ?? "").ToUpperInvariant() switch
            {
                "PRE" or "PREIMAGE" => (true, false),
                "POST" or "POSTIMAGE" => (false, true),
                "BOTH" => (true, true),
                _ => throw error($"image '{name}': type '{image.Type}' is not Pre, Post or Both."),
            };
            // Availability of images: https://learn.microsoft.com/power-apps/developer/data-platform/register-plug-in#define-entity-images
            if (message is not ("Create" or "Update" or "Delete"))
            {
                throw error($"image '{name}': the emulator supports images on Create, Update and Delete only.");
            }
            if (pre && message == "Create")
            {
                throw error($"image '{name}': a Create step can't have a pre image (the row doesn't exist yet).");
            }
            if (post && message == "Delete")
            {
                throw error($"image '{name}': a Delete step can't have a post image (the row no longer exists).");
            }
            if (post && stage != 40)
            {
                throw error($"image '{name}': only PostOperation (40) steps can have a post image.");
            }
            return new ImageRegistration(name, pre, post, (image.Attributes ?? new List<string>()).ToArray());
        }

        public static CustomApiRegistration ToCustomApi(CustomApiEntry entry, Assembly[] assemblies)
        {
            var name = entry.UniqueName ?? throw new PacConfigException("Every Custom API needs a \"uniqueName\".");
            PacConfigException Error(string why) => new($"Custom API '{name}': {why}");

            var binding = entry.BindingType ?? "Global";
            if (binding is not ("Global" or "Entity" or "EntityCollection"))
            {
                throw Error($"bindingType '{binding}' is not Global, Entity or EntityCollection.");
            }
            if (binding != "Global" && string.IsNullOrWhiteSpace(entry.BoundTable))
            {
                throw Error("a bound Custom API needs \"boundTable\".");
            }
            ApiParameter ToParameter(ParameterEntry p, string kind)
            {
                var parameterName = p.Name ?? throw Error($"every {kind} needs a \"name\".");
                var type = ParameterTypes.Keys.FirstOrDefault(k => string.Equals(k, p.Type, StringComparison.OrdinalIgnoreCase))
                    ?? throw Error($"{kind} '{parameterName}': type '{p.Type}' is not one of {string.Join(", ", ParameterTypes.Keys)}.");
                return new ApiParameter(parameterName, type, p.Optional);
            }
            var plugin = CreatePlugin(entry.Plugin ?? throw Error("\"plugin\" is required."), assemblies, null, null, Error);
            return new CustomApiRegistration(
                name, plugin.GetType(), plugin, binding, binding == "Global" ? null : entry.BoundTable, entry.IsFunction,
                (entry.RequestParameters ?? new List<ParameterEntry>()).Select(p => ToParameter(p, "request parameter")).ToArray(),
                (entry.ResponseProperties ?? new List<ParameterEntry>()).Select(p => ToParameter(p, "response property")).ToArray(),
                string.IsNullOrWhiteSpace(entry.ExecutePrivilegeName) ? null : entry.ExecutePrivilegeName);
        }

        // The platform creates one instance per step and reuses it, passing the step's
        // unsecure and secure configuration to a (string, string) constructor when there is one.
        private static IPlugin CreatePlugin(string typeName, Assembly[] assemblies, string? unsecure, string? secure, Func<string, PacConfigException> error)
        {
            var type = assemblies.Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t != null)
                ?? throw error($"plug-in type '{typeName}' was not found in {string.Join(", ", assemblies.Select(a => a.GetName().Name))}.");
            if (!typeof(IPlugin).IsAssignableFrom(type))
            {
                throw error($"type '{typeName}' does not implement IPlugin.");
            }
            var instance = type.GetConstructor(new[] { typeof(string), typeof(string) }) is { } twoStrings
                ? twoStrings.Invoke(new object?[] { unsecure, secure })
                : type.GetConstructor(new[] { typeof(string) }) is { } oneString
                    ? oneString.Invoke(new object?[] { unsecure })
                    : type.GetConstructor(Type.EmptyTypes) is { } parameterless
                        ? parameterless.Invoke(null)
                        : throw error($"type '{typeName}' has no public constructor taking (), (string) or (string, string).");
            return (IPlugin)instance;
        }
    }
}
