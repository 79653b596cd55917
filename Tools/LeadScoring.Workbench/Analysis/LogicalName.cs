using System.Text;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>
    /// Turns a CSV header into a Dataverse-style logical name: lowercase, every run of
    /// non-alphanumerics becomes one underscore, no underscore at either end.
    /// "Lead Origin" → lead_origin, "Total Time Spent on Website" → total_time_spent_on_website.
    /// </summary>
    internal static class LogicalName
    {
        public static string FromHeader(string header)
        {
            var name = new StringBuilder(header.Length);
            foreach (char c in header.Trim().ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    name.Append(c);
                }
                else if (name.Length > 0 && name[name.Length - 1] != '_')
                {
                    name.Append('_');
                }
            }

            return name.ToString().TrimEnd('_');
        }
    }
}
