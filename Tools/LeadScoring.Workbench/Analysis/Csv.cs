using System.Collections.Generic;
using System.Text;

namespace LeadScoring.Workbench.Analysis
{
    /// <summary>An RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas,
    /// line breaks and doubled quotes; records end with CRLF or LF.</summary>
    internal static class Csv
    {
        /// <summary>One record and the line it starts on (1-based).</summary>
        public sealed record Record(int Line, IReadOnlyList<string> Fields);

        public static IEnumerable<Record> Parse(string text, string source)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            int line = 1, recordLine = 1, i = 0, lineStart = 0, quoteLine = 0, quoteColumn = 0;
            bool quoted = false, fieldStarted = false, afterQuote = false;

            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                i = lineStart = 1;
            }

            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else
                        {
                            quoted = false;
                            afterQuote = true;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                            lineStart = i + 1;
                        }

                        field.Append(c);
                    }

                    continue;
                }

                switch (c)
                {
                    case '"' when !fieldStarted:
                        (quoteLine, quoteColumn) = (line, i - lineStart + 1);
                        quoted = true;
                        fieldStarted = true;
                        break;
                    case '"':
                        throw new WorkbenchException($"{source}, line {line}, column {i - lineStart + 1}: a quote inside an unquoted field (quote the whole field and double the quote)");
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        fieldStarted = afterQuote = false;
                        break;
                    case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                        break;
                    case '\n':
                        fields.Add(field.ToString());
                        yield return new Record(recordLine, fields.ToArray());
                        fields.Clear();
                        field.Clear();
                        fieldStarted = afterQuote = false;
                        line++;
                        lineStart = i + 1;
                        recordLine = line;
                        break;
                    default:
                        if (afterQuote)
                        {
                            throw new WorkbenchException($"{source}, line {line}, column {i - lineStart + 1}: text after the closing quote of a field");
                        }

                        field.Append(c);
                        fieldStarted = true;
                        break;
                }
            }

            if (quoted)
            {
                throw new WorkbenchException($"{source}, line {quoteLine}, column {quoteColumn}: a quoted field is never closed");
            }

            if (fields.Count > 0 || field.Length > 0 || fieldStarted)
            {
                fields.Add(field.ToString());
                yield return new Record(recordLine, fields.ToArray());
            }
        }
    }
}
