using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LeadScoring.SolutionTool
{
    /// <summary>What the packer needs to know about the built plug-in assembly, read from its metadata (never loaded).</summary>
    public sealed record AssemblyFacts(string Name, Version Version, string PublicKeyToken, IReadOnlyDictionary<string, string> ReferenceTokens, IReadOnlySet<string> TypeNames)
    {
        public string FullName => $"{Name}, Version={Version}, Culture=neutral, PublicKeyToken={(PublicKeyToken.Length == 0 ? "null" : PublicKeyToken)}";

        /// <summary>The public key token of the Microsoft.Xrm.Sdk the assembly was compiled against, or null when it does not reference it.</summary>
        public string? XrmSdkToken => ReferenceTokens.TryGetValue("Microsoft.Xrm.Sdk", out var token) ? token : null;

        /// <summary>The SDK assemblies (Microsoft.Xrm.Sdk, Microsoft.Crm.Sdk.Proxy, Microsoft.Xrm.Sdk.Workflow) it references, with their tokens.</summary>
        public IEnumerable<KeyValuePair<string, string>> SdkReferences => ReferenceTokens.Where(r => SdkAssemblies.Contains(r.Key));

        public static readonly IReadOnlyList<string> SdkAssemblies = new[] { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" };

        /// <summary>True when the assembly was compiled against the SDK stand-in (XrmSdkStandin/): a different key than Microsoft's.</summary>
        public bool BuiltAgainstStandin => XrmSdkToken != null && XrmSdkToken != StrongName.MicrosoftToken;

        public static AssemblyFacts Read(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata)
            {
                throw new SolutionToolException($"{path} is not a .NET assembly.");
            }

            var metadata = pe.GetMetadataReader();
            var definition = metadata.GetAssemblyDefinition();
            byte[] publicKey = metadata.GetBlobBytes(definition.PublicKey);
            var references = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                byte[] key = metadata.GetBlobBytes(reference.PublicKeyOrToken);
                references[metadata.GetString(reference.Name)] = reference.Flags.HasFlag(AssemblyFlags.PublicKey)
                    ? StrongName.TokenOf(key)
                    : Convert.ToHexString(key).ToLowerInvariant();
            }

            var types = new HashSet<string>(StringComparer.Ordinal);
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                if (type.GetDeclaringType().IsNil)
                {
                    string ns = metadata.GetString(type.Namespace);
                    types.Add(ns.Length == 0 ? metadata.GetString(type.Name) : ns + "." + metadata.GetString(type.Name));
                }
            }

            return new AssemblyFacts(metadata.GetString(definition.Name), definition.Version,
                publicKey.Length == 0 ? "" : StrongName.TokenOf(publicKey), references, types);
        }

        /// <summary>An assembly file's own name, version and public key token ("" when not strong-named).</summary>
        public static (string Name, Version Version, string Token) Identity(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            var definition = metadata.GetAssemblyDefinition();
            byte[] key = metadata.GetBlobBytes(definition.PublicKey);
            return (metadata.GetString(definition.Name), definition.Version, key.Length == 0 ? "" : StrongName.TokenOf(key));
        }

        /// <summary>True when a Microsoft.Xrm.Sdk.dll beside the assembly says it is the stand-in ([assembly: AssemblyMetadata("XrmSdkStandin", "true")]).</summary>
        public static bool StandinBeside(string assemblyPath)
        {
            string sdk = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!, "Microsoft.Xrm.Sdk.dll");
            if (!File.Exists(sdk))
            {
                return false;
            }

            using var pe = new PEReader(File.OpenRead(sdk));
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (constructor.Parent.Kind != HandleKind.TypeReference
                    || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != nameof(AssemblyMetadataAttribute))
                {
                    continue;
                }

                var blob = metadata.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog
                if (blob.ReadSerializedString() == "XrmSdkStandin")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
