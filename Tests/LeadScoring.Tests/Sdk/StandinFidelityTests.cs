using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace LeadScoring.Tests.Sdk;

/// <summary>
/// The fidelity guard: the stand-in (XrmSdkStandin/) declares exactly the surface listed in
/// XrmSdkStandin/approved-surface.txt, so every addition is deliberate and checked against
/// shared/reference/xrm-sdk-surface.md (or a cited Microsoft Learn page).
/// </summary>
public class StandinFidelityTests
{
    private static readonly Regex Citation = new(@"^(ref §\d+(\.\d+)*|https://\S+)$", RegexOptions.CultureInvariant);

    [Fact]
    public void The_stand_in_declares_exactly_the_approved_surface()
    {
        var actual = StandinSurface();
        var approved = ApprovedEntries().Select(e => e.Entry).ToList();

        var added = actual.Except(approved, StringComparer.Ordinal).ToList();
        var removed = approved.Except(actual, StringComparer.Ordinal).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return;
        }

        string proposal = WriteProposal(actual);
        var message = new StringBuilder()
            .AppendLine("The stand-in's public surface differs from XrmSdkStandin/approved-surface.txt.")
            .AppendLine("Check each line against shared/reference/xrm-sdk-surface.md, then update the list (with its citation).")
            .AppendLine($"The current surface, with the approved citations kept, is in {proposal}");
        foreach (string line in added)
        {
            message.AppendLine("  added (not approved): " + line);
        }

        foreach (string line in removed)
        {
            message.AppendLine("  removed (approved, no longer declared): " + line);
        }

        Assert.Fail(message.ToString());
    }

    [Fact]
    public void Every_approved_entry_cites_the_reference_or_a_checked_page()
    {
        var uncited = ApprovedEntries()
            .Where(e => e.Citations.Count == 0 || e.Citations.Any(c => !Citation.IsMatch(c)))
            .Select(e => e.Entry)
            .ToList();

        Assert.True(uncited.Count == 0, "Entries without a valid citation (' | ref §N.N' or ' | https://...'):\n" + string.Join("\n", uncited));
    }

    [Fact]
    public void The_approved_list_is_sorted_and_has_no_duplicates()
    {
        var entries = ApprovedEntries().Select(e => e.Entry).ToList();
        var canonical = entries.Distinct(StringComparer.Ordinal).OrderBy(e => e, StringComparer.Ordinal).ToList();

        Assert.Equal(canonical, entries);
    }

    [Fact]
    public void The_stand_in_declares_the_same_surface_for_NET_Framework_as_for_NET()
    {
        // The Workflow stand-in is net462 only; its build output carries the net462 Microsoft.Xrm.Sdk and
        // Microsoft.Crm.Sdk.Proxy is compared through the net10.0 build the guard reads.
        string workflowDirectory = Path.GetDirectoryName(SdkTestAssemblies.PathOf("Microsoft.Xrm.Sdk.Workflow"))!;
        string net462Sdk = Path.Combine(workflowDirectory, "Microsoft.Xrm.Sdk.dll");
        using var net462 = SdkTestAssemblies.Net462Context(net462Sdk);
        using var net = SdkTestAssemblies.NetContext(SdkTestAssemblies.PathOf("Microsoft.Xrm.Sdk"));

        Assert.Equal(
            ApiSurface.Describe(net.LoadFromAssemblyPath(SdkTestAssemblies.PathOf("Microsoft.Xrm.Sdk"))),
            ApiSurface.Describe(net462.LoadFromAssemblyPath(net462Sdk)));
    }

    [Theory]
    [InlineData("Microsoft.Xrm.Sdk")]
    [InlineData("Microsoft.Crm.Sdk.Proxy")]
    [InlineData("Microsoft.Xrm.Sdk.Workflow")]
    public void Each_stand_in_assembly_has_the_official_name_and_version_and_says_it_is_a_stand_in(string name)
    {
        using var context = name.EndsWith(".Workflow", StringComparison.Ordinal)
            ? SdkTestAssemblies.Net462Context(SdkTestAssemblies.PathOf(name))
            : SdkTestAssemblies.NetContext(SdkTestAssemblies.PathOf(name));
        Assembly assembly = context.LoadFromAssemblyPath(SdkTestAssemblies.PathOf(name));

        Assert.Equal(name, assembly.GetName().Name);
        Assert.Equal(new Version(9, 0, 0, 0), assembly.GetName().Version);
        Assert.Contains(assembly.GetCustomAttributesData(), a =>
            a.AttributeType.FullName == typeof(AssemblyMetadataAttribute).FullName
            && (string?)a.ConstructorArguments[0].Value == "XrmSdkStandin");
    }

    /// <summary>The surface of the three stand-in assemblies, as the approved list spells it.</summary>
    private static List<string> StandinSurface()
    {
        string sdk = SdkTestAssemblies.PathOf("Microsoft.Xrm.Sdk");
        string proxy = SdkTestAssemblies.PathOf("Microsoft.Crm.Sdk.Proxy");
        string workflow = SdkTestAssemblies.PathOf("Microsoft.Xrm.Sdk.Workflow");
        using var net = SdkTestAssemblies.NetContext(sdk, proxy);
        using var net462 = SdkTestAssemblies.Net462Context(workflow);

        return ApiSurface.Describe(net.LoadFromAssemblyPath(sdk))
            .Concat(ApiSurface.Describe(net.LoadFromAssemblyPath(proxy)))
            .Concat(ApiSurface.Describe(net462.LoadFromAssemblyPath(workflow)))
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<(string Entry, List<string> Citations)> ApprovedEntries() =>
        File.ReadAllLines(SdkTestAssemblies.ApprovedSurfaceFile)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(" | "))
            .Select(parts => (parts[0], parts.Skip(1).ToList()));

    /// <summary>Writes the current surface, keeping the approved citations, for a reviewer to compare and copy.</summary>
    private static string WriteProposal(IEnumerable<string> actual)
    {
        var citations = ApprovedEntries().GroupBy(e => e.Entry, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.First().Citations), StringComparer.Ordinal);
        string path = Path.Combine(AppContext.BaseDirectory, "approved-surface.proposed.txt");
        var header = File.ReadAllLines(SdkTestAssemblies.ApprovedSurfaceFile).TakeWhile(line => line.StartsWith('#') || line.Length == 0);
        var body = actual.Select(line => line + " | " + (citations.TryGetValue(line, out string? cited) && cited.Length > 0 ? cited : "TODO: cite ref §N.N or a checked URL"));
        File.WriteAllLines(path, header.Concat(body));
        return path;
    }
}
