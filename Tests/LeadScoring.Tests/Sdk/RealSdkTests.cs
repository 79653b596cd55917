using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LeadScoring.Tests.Sdk;

/// <summary>
/// The stand-in against Microsoft's real assemblies (XrmSdk=Folder, XRM_SDK_DIR): every member the stand-in
/// declares is declared the same way by the real SDK. Where they differ, the real one wins and the stand-in
/// is fixed.
/// </summary>
public class RealSdkTests
{
    private static readonly string[] Assemblies = { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" };

    [RealSdkFact]
    public void Every_member_the_stand_in_declares_the_real_assemblies_declare_the_same_way()
    {
        var paths = Assemblies.Select(RealSdkFactAttribute.PathOf).ToArray();
        using var context = SdkTestAssemblies.Net462Context(paths);
        var real = paths.SelectMany(p => ApiSurface.Describe(context.LoadFromAssemblyPath(p))).ToHashSet(StringComparer.Ordinal);

        var approved = File.ReadAllLines(SdkTestAssemblies.ApprovedSurfaceFile)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(" | ")[0]);
        var missing = approved.Where(entry => !real.Contains(entry) && !IsNarrowerTypeDeclaration(entry, real)).ToList();
        Assert.True(missing.Count == 0, "The stand-in declares what the real SDK does not (fix the stand-in and approved-surface.txt):\n"
            + string.Join("\n", missing.Select(entry => entry + "\n    real: " + string.Join("\n    real: ", Counterparts(entry, real)))));
    }

    /// <summary>
    /// A type line whose base type is the real one and whose interfaces are some of the real ones: the
    /// stand-in leaves out interfaces the product does not use (IExtensibleDataObject, ...).
    /// </summary>
    private static bool IsNarrowerTypeDeclaration(string entry, IReadOnlySet<string> real)
    {
        int at = entry.IndexOf(" -- ", StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var (kind, bases) = Declaration(entry[(at + 4)..]);
        string? counterpart = real.FirstOrDefault(line => line.StartsWith(entry[..(at + 4)], StringComparison.Ordinal));
        if (counterpart == null)
        {
            return false;
        }

        var (realKind, realBases) = Declaration(counterpart[(at + 4)..]);
        return kind == realKind && bases.FirstOrDefault() == realBases.FirstOrDefault() && bases.All(realBases.Contains);
    }

    private static (string Kind, List<string> Bases) Declaration(string declaration)
    {
        int colon = declaration.IndexOf(" : ", StringComparison.Ordinal);
        return colon < 0
            ? (declaration, new List<string>())
            : (declaration[..colon], declaration[(colon + 3)..].Split(", ").ToList());
    }

    /// <summary>The real lines of the same type and member name, to show what the stand-in should say.</summary>
    private static IEnumerable<string> Counterparts(string entry, IEnumerable<string> real)
    {
        string owner = entry.Split(new[] { " :: ", " -- " }, StringSplitOptions.None)[0];
        string member = entry.Contains(" :: ", StringComparison.Ordinal) ? entry.Split(" :: ")[1].Split(' ', '(')[0] : "--";
        var same = real.Where(line => line.StartsWith(owner + " ", StringComparison.Ordinal) && line.Contains(" " + member, StringComparison.Ordinal)).ToList();
        return same.Count > 0 ? same : new[] { "(none)" };
    }

    [RealSdkFact]
    public void The_real_assemblies_carry_microsofts_key_and_the_version_the_plug_ins_reference()
    {
        using var context = SdkTestAssemblies.Net462Context(Assemblies.Select(RealSdkFactAttribute.PathOf).ToArray());
        foreach (string name in Assemblies)
        {
            AssemblyName assembly = context.LoadFromAssemblyPath(RealSdkFactAttribute.PathOf(name)).GetName();
            Assert.Equal(name, assembly.Name);
            Assert.Equal(new Version(9, 0, 0, 0), assembly.Version);
            Assert.Equal("31bf3856ad364e35", Convert.ToHexString(assembly.GetPublicKeyToken()!).ToLowerInvariant());
        }
    }
}
