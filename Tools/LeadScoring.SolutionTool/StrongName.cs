using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace LeadScoring.SolutionTool
{
    /// <summary>Public key tokens: of a strong-name key file (.snk) and of a public key.</summary>
    public static class StrongName
    {
        /// <summary>Microsoft's token on its SDK assemblies: "Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35".</summary>
        public const string MicrosoftToken = "31bf3856ad364e35";

        /// <summary>
        /// The token of the assembly a key pair signs. An .snk holds a CryptoAPI PRIVATEKEYBLOB
        /// (BLOBHEADER, RSAPUBKEY "RSA2", modulus, private parts); the assembly carries the public key as
        /// SigAlgId, HashAlgId, length, then a PUBLICKEYBLOB (BLOBHEADER, RSAPUBKEY "RSA1", modulus).
        /// </summary>
        public static string TokenOfKeyFile(string snkPath)
        {
            byte[] snk = File.ReadAllBytes(snkPath);
            if (snk.Length < 20 || snk[0] != 0x07 || snk[8] != (byte)'R' || snk[9] != (byte)'S' || snk[10] != (byte)'A' || snk[11] != (byte)'2')
            {
                throw new SolutionToolException($"{snkPath} is not a strong-name key pair (.snk).");
            }

            int bitLength = BitConverter.ToInt32(snk, 12);
            int modulusLength = bitLength / 8;
            byte[] publicKey = new byte[12 + 20 + modulusLength];
            BitConverter.GetBytes(0x00002400).CopyTo(publicKey, 0); // CALG_RSA_SIGN
            BitConverter.GetBytes(0x00008004).CopyTo(publicKey, 4); // CALG_SHA1
            BitConverter.GetBytes(20 + modulusLength).CopyTo(publicKey, 8);
            Array.Copy(snk, 0, publicKey, 12, 20 + modulusLength);
            publicKey[12] = 0x06; // PUBLICKEYBLOB
            BitConverter.GetBytes(0x00002400).CopyTo(publicKey, 16); // aiKeyAlg CALG_RSA_SIGN (an .snk may say CALG_RSA_KEYX)
            publicKey[12 + 8 + 3] = (byte)'1'; // "RSA1": the public half
            return TokenOf(publicKey);
        }

        /// <summary>A public key's token: the last 8 bytes of its SHA-1 hash, reversed.</summary>
        public static string TokenOf(byte[] publicKey)
        {
#pragma warning disable CA5350 // SHA-1 is what defines a public key token; nothing relies on it for security.
            byte[] hash = SHA1.HashData(publicKey);
#pragma warning restore CA5350
            return Convert.ToHexString(hash.Reverse().Take(8).ToArray()).ToLowerInvariant();
        }
    }
}
