using System;
using System.Security.Cryptography;
using System.Text;

namespace LeadScoring.Workbench.Simulation
{
    /// <summary>
    /// The events file names records by its own ids ("john", "e1"); each becomes a name-based UUID
    /// (RFC 4122 version 5, SHA-1) of "table:id", so the same file always gives the same GUIDs.
    /// </summary>
    internal static class StableIds
    {
        private static readonly Guid Namespace = new("6c3f2d1e-5b7a-4e21-9d0c-2f8e1a4b7c30");

        public static Guid For(string table, string id)
        {
            byte[] name = Encoding.UTF8.GetBytes(table + ":" + id);
            byte[] input = new byte[16 + name.Length];
            Namespace.TryWriteBytes(input, bigEndian: true, out _);
            name.CopyTo(input, 16);
            byte[] hash = SHA1.HashData(input);
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(hash.AsSpan(0, 16), bigEndian: true);
        }
    }
}
