using System.Buffers.Binary;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace LeadScoring.Workbench.Analysis
{
    internal enum SplitPart
    {
        Train,
        Holdout,
    }

    /// <summary>
    /// A deterministic split of the leads by a key column: a lead is in the training part when the
    /// first 8 bytes of SHA-256(UTF-8 key), read as an unsigned big-endian integer, mod 100 is below
    /// the training percentage; otherwise it is held out. The same file and key always give the same split.
    /// A salt gives another split of the same file: the hashed text is then "salt:key".
    /// </summary>
    internal static class HoldoutSplit
    {
        public static bool IsTraining(string key, int trainPercent, string salt = "")
        {
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(salt.Length == 0 ? key : $"{salt}:{key}"));
            return BinaryPrimitives.ReadUInt64BigEndian(hash) % 100 < (ulong)trainPercent;
        }

        public static LeadsTable Select(LeadsTable leads, string keyColumn, int trainPercent, SplitPart part, string salt = "")
        {
            if (trainPercent is < 1 or > 99)
            {
                throw new WorkbenchException($"--train-percent must be between 1 and 99, not {trainPercent}");
            }

            int key = leads.Column(keyColumn);
            var rows = new List<int>();
            for (int r = 0; r < leads.Rows.Count; r++)
            {
                if (IsTraining(leads.Rows[r][key], trainPercent, salt) == (part == SplitPart.Train))
                {
                    rows.Add(r);
                }
            }

            return leads.Subset(rows);
        }
    }
}
