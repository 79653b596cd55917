using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace LeadScoring.Workbench.ModelFiles
{
    /// <summary>A JSON value and where it starts in the file (byte offset), so that errors can name a line and column.</summary>
    internal abstract record JsonAt(int Offset);

    internal sealed record JsonObjectAt(int Offset, IReadOnlyList<JsonPropertyAt> Properties) : JsonAt(Offset);

    internal sealed record JsonPropertyAt(string Name, int Offset, JsonAt Value);

    internal sealed record JsonArrayAt(int Offset, IReadOnlyList<JsonAt> Items) : JsonAt(Offset);

    /// <summary>A string, number, true, false or null; <see cref="Value"/> is a string, decimal, bool or null.</summary>
    internal sealed record JsonScalarAt(int Offset, JsonTokenType Kind, object? Value, string Raw) : JsonAt(Offset);

    /// <summary>Reads JSON into <see cref="JsonAt"/> nodes and turns byte offsets into line and column.</summary>
    internal sealed class JsonTree
    {
        private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        private readonly byte[] _utf8;
        private readonly int _firstLine;

        private JsonTree(byte[] utf8, string source, int firstLine)
        {
            _utf8 = utf8;
            Source = source;
            _firstLine = firstLine;
        }

        public string Source { get; }

        public JsonAt Root { get; private set; } = null!;

        /// <param name="firstLine">The line of the file the text starts on (a JSON Lines file parses one line at a time).</param>
        public static JsonTree Parse(byte[] utf8, string source, int firstLine = 1)
        {
            var tree = new JsonTree(utf8, source, firstLine);
            if (Array.TrueForAll(utf8, b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                throw new WorkbenchException($"{source}: the file is empty (a JSON object is expected)");
            }

            var reader = new Utf8JsonReader(utf8, Options);
            try
            {
                reader.Read();
                tree.Root = tree.ReadValue(ref reader);
                if (reader.Read())
                {
                    throw tree.Error(checked((int)reader.TokenStartIndex), "malformed JSON: more content after the end of the document");
                }
            }
            catch (JsonException e)
            {
                string reason = e.Message;
                int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
                reason = cut > 0 ? reason.Substring(0, cut).TrimEnd() : reason;

                // The reader quotes a bad literal in full ("'tru…' is an invalid JSON literal"): with damage it can run over many lines.
                int quoted = reason.IndexOf("' is ", StringComparison.Ordinal);
                if (reason.StartsWith("'", StringComparison.Ordinal) && (quoted > 21 || reason.IndexOf('\n') >= 0))
                {
                    reason = "the value" + reason.Substring(quoted + 1);
                }

                throw new WorkbenchException($"{source}, line {(e.LineNumber ?? 0) + firstLine}, column {(e.BytePositionInLine ?? 0) + 1}: malformed JSON: {reason}", e);
            }

            return tree;
        }

        /// <summary>"file, line L, column C: message".</summary>
        public WorkbenchException Error(int offset, string message)
        {
            int line = _firstLine, lineStart = 0;
            for (int i = 0; i < offset && i < _utf8.Length; i++)
            {
                if (_utf8[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            int column = Encoding.UTF8.GetCharCount(_utf8, lineStart, Math.Min(offset, _utf8.Length) - lineStart) + 1;
            return new WorkbenchException($"{Source}, line {line}, column {column}: {message}");
        }

        /// <summary>The string token's text; an escape that is not valid Unicode (a lone surrogate such as \ud800) is an error.</summary>
        private string Text(ref Utf8JsonReader reader, int offset)
        {
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // GetString throws InvalidOperationException for escapes that are not valid UTF-16, e.g. a lone surrogate:
                // https://learn.microsoft.com/dotnet/api/system.text.json.utf8jsonreader.getstring
                throw Error(offset, "the string holds an escape that is not valid Unicode (such as a lone surrogate \\ud800)");
            }
        }

        private JsonAt ReadValue(ref Utf8JsonReader reader)
        {
            int offset = checked((int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var properties = new List<JsonPropertyAt>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        int nameOffset = checked((int)reader.TokenStartIndex);
                        string name = Text(ref reader, nameOffset);
                        if (!seen.Add(name))
                        {
                            throw Error(nameOffset, $"field '{name}' appears twice in the same object");
                        }

                        reader.Read();
                        properties.Add(new JsonPropertyAt(name, nameOffset, ReadValue(ref reader)));
                    }

                    return new JsonObjectAt(offset, properties);
                case JsonTokenType.StartArray:
                    var items = new List<JsonAt>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadValue(ref reader));
                    }

                    return new JsonArrayAt(offset, items);
                case JsonTokenType.String:
                    string text = Text(ref reader, offset);
                    return new JsonScalarAt(offset, reader.TokenType, text, text);
                case JsonTokenType.Number:
                    string raw = Encoding.UTF8.GetString(reader.ValueSpan);
                    if (!reader.TryGetDecimal(out decimal number))
                    {
                        throw Error(offset, $"the number {raw} is out of range");
                    }

                    return new JsonScalarAt(offset, reader.TokenType, number, raw);
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return new JsonScalarAt(offset, reader.TokenType, reader.TokenType == JsonTokenType.True, reader.TokenType == JsonTokenType.True ? "true" : "false");
                default:
                    return new JsonScalarAt(offset, JsonTokenType.Null, null, "null");
            }
        }
    }
}
