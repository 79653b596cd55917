using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace LeadScoring.Tests.Sdk;

/// <summary>
/// The assembly Dataverse runs: Plugins/bin/&lt;Configuration&gt;/net462/LeadScoring.Plugins.dll, read with
/// System.Reflection.Metadata (never loaded).
/// </summary>
public class PluginAssemblyTests
{
    private const string OfficialPublicKeyToken = "31bf3856ad364e35"; // reference §1

    [Fact]
    public void The_net462_plugin_assembly_is_strong_name_signed()
    {
        using var pe = OpenPluginAssembly();
        MetadataReader metadata = pe.GetMetadataReader();

        Assert.NotEmpty(metadata.GetBlobBytes(metadata.GetAssemblyDefinition().PublicKey));
        Assert.True(pe.PEHeaders.CorHeader!.Flags.HasFlag(CorFlags.StrongNameSigned), "The assembly has a public key but no strong-name signature.");
    }

    [Fact]
    public void The_net462_plugin_assembly_targets_NET_Framework_4_6_2()
    {
        using var pe = OpenPluginAssembly();
        MetadataReader metadata = pe.GetMetadataReader();

        var mscorlib = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference).Single(r => metadata.GetString(r.Name) == "mscorlib");
        Assert.Equal(new Version(4, 0, 0, 0), mscorlib.Version);
    }

    /// <summary>
    /// The compiler drops a reference nothing uses, so this holds once the plug-ins use an Xrm SDK type:
    /// until then the assembly must not reference Microsoft.Xrm.Sdk at all.
    /// </summary>
    [Fact]
    public void The_net462_plugin_assembly_references_Microsoft_Xrm_Sdk_9_0_0_0_of_the_SDK_it_was_built_against()
    {
        using var pe = OpenPluginAssembly();
        MetadataReader metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference)
            .Where(r => metadata.GetString(r.Name) == "Microsoft.Xrm.Sdk")
            .ToList();
        bool usesSdkTypes = metadata.TypeReferences.Select(metadata.GetTypeReference)
            .Any(t => metadata.GetString(t.Namespace).StartsWith("Microsoft.Xrm.Sdk", StringComparison.Ordinal));

        if (!usesSdkTypes)
        {
            Assert.Empty(references);
            return;
        }

        AssemblyReference sdk = Assert.Single(references);
        Assert.Equal(new Version(9, 0, 0, 0), sdk.Version);
        Assert.Equal(ExpectedSdkToken(), PublicKeyToken(metadata, sdk));
    }

    private static string ExpectedSdkToken()
    {
        if (SdkTestAssemblies.XrmSdk != "Standin")
        {
            return OfficialPublicKeyToken;
        }

        using var standin = new PEReader(File.OpenRead(SdkTestAssemblies.PathOf("Microsoft.Xrm.Sdk")));
        MetadataReader metadata = standin.GetMetadataReader();
        return Token(metadata.GetBlobBytes(metadata.GetAssemblyDefinition().PublicKey));
    }

    private static string PublicKeyToken(MetadataReader metadata, AssemblyReference reference)
    {
        byte[] key = metadata.GetBlobBytes(reference.PublicKeyOrToken);
        return reference.Flags.HasFlag(System.Reflection.AssemblyFlags.PublicKey) ? Token(key) : Convert.ToHexString(key).ToLowerInvariant();
    }

    /// <summary>A public key's token: the last 8 bytes of its SHA-1 hash, reversed.</summary>
    private static string Token(byte[] publicKey)
    {
#pragma warning disable CA5350 // SHA-1 is what defines a public key token; nothing here relies on it for security.
        byte[] hash = SHA1.HashData(publicKey);
#pragma warning restore CA5350
        return Convert.ToHexString(hash.Reverse().Take(8).ToArray()).ToLowerInvariant();
    }

    private static PEReader OpenPluginAssembly() => new(File.OpenRead(SdkTestAssemblies.PathOf("LeadScoring.Plugins")));
}
