using System;
using System.IO;
using System.Linq;
using System.Reflection;
using LeadScoring.Engine;

namespace LeadScoring.Tests.Engine;

/// <summary>The engine stays pure: no Dataverse types, so it runs in the sandbox and in the tools alike.</summary>
public class EnginePurityTests
{
    [Fact]
    public void No_engine_type_exposes_or_stores_an_Xrm_type()
    {
        var engineTypes = typeof(ScoringEngine).Assembly.GetTypes().Where(t => t.Namespace == typeof(ScoringEngine).Namespace).ToList();
        Assert.NotEmpty(engineTypes);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in engineTypes)
        {
            var used = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
            Assert.DoesNotContain(used, t => IsXrm(t));
        }
    }

    [Fact]
    public void No_engine_source_file_mentions_the_Xrm_SDK()
    {
        var engineFolder = Path.Combine(RepositoryRoot.Path, "Plugins", "Engine");
        foreach (var file in Directory.EnumerateFiles(engineFolder, "*.cs"))
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains("Microsoft.Xrm", StringComparison.Ordinal) || text.Contains("Microsoft.Crm", StringComparison.Ordinal), file + " refers to the Xrm SDK");
        }
    }

    private static bool IsXrm(Type type) =>
        (type.Assembly.GetName().Name ?? "").StartsWith("Microsoft.Xrm", StringComparison.Ordinal) ||
        (type.IsGenericType && type.GetGenericArguments().Any(IsXrm)) ||
        (type.HasElementType && IsXrm(type.GetElementType()!));
}
