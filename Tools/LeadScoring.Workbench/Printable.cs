using System.Globalization;
using System.Text;

namespace LeadScoring.Workbench
{
    /// <summary>
    /// Text from input files made safe for a terminal: control characters (an ANSI escape starts with
    /// ESC, 0x1B) and bidirectional overrides are shown as \uXXXX, never written raw, so a hostile file
    /// cannot recolour, move the cursor or reorder what the user reads.
    /// </summary>
    internal static class Printable
    {
        public static string Text(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? "";
            }

            StringBuilder? safe = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (IsUnsafe(c))
                {
                    safe ??= new StringBuilder(text, 0, i, text.Length + 16);
                    safe.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    safe?.Append(c);
                }
            }

            return safe?.ToString() ?? text;
        }

        /// <summary>Printable text escaped for Spectre.Console markup.</summary>
        public static string Markup(string? text) => Spectre.Console.Markup.Escape(Text(text));

        private static bool IsUnsafe(char c) =>
            char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
    }
}
