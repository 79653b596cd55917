using System;
using System.Security.Cryptography;
using System.Text;

namespace LeadScoring.SolutionTool
{
    /// <summary>
    /// Component ids derived from names (RFC 4122 version 5, SHA-1), so that generating the solution
    /// twice gives the same ids and an id never changes while its component keeps its name. Ids a
    /// component already has (pac-config.json's steps, images, Custom APIs, assembly, activities) are
    /// used as they are.
    /// </summary>
    public static class StableId
    {
        /// <summary>RFC 4122's URL namespace.</summary>
        private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

        /// <summary>This product's namespace: the URL namespace applied to "urn:leadscoring:solution".</summary>
        public static readonly Guid Namespace = Create(UrlNamespace, "urn:leadscoring:solution");

        /// <summary>The id of a component of the given kind and name, e.g. For("form", "ls_scoringmodel/main").</summary>
        public static Guid For(string kind, string name) => Create(Namespace, kind + ":" + name);

        public static Guid Create(Guid namespaceId, string name)
        {
            byte[] ns = ToNetworkOrder(namespaceId.ToByteArray());
            byte[] text = Encoding.UTF8.GetBytes(name);
            byte[] input = new byte[ns.Length + text.Length];
            Buffer.BlockCopy(ns, 0, input, 0, ns.Length);
            Buffer.BlockCopy(text, 0, input, ns.Length, text.Length);
#pragma warning disable CA5350 // RFC 4122 version 5 is defined with SHA-1; the ids are names, not secrets.
            byte[] hash = SHA1.HashData(input);
#pragma warning restore CA5350
            byte[] id = new byte[16];
            Array.Copy(hash, id, 16);
            id[6] = (byte)((id[6] & 0x0F) | 0x50);
            id[8] = (byte)((id[8] & 0x3F) | 0x80);
            return new Guid(ToNetworkOrder(id));
        }

        // Guid.ToByteArray stores the first three fields little-endian; RFC 4122 hashes them big-endian.
        private static byte[] ToNetworkOrder(byte[] bytes)
        {
            var copy = (byte[])bytes.Clone();
            Array.Reverse(copy, 0, 4);
            Array.Reverse(copy, 4, 2);
            Array.Reverse(copy, 6, 2);
            return copy;
        }
    }
}
