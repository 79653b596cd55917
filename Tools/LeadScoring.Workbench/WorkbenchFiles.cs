using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace LeadScoring.Workbench
{
    /// <summary>
    /// File access that turns the usual failures into a <see cref="WorkbenchException"/> naming the file.
    /// Every input file is read with a size limit (so an endless stream such as /dev/zero or a huge file
    /// is refused before it exhausts memory) and must be UTF-8: the first invalid byte is named by line
    /// and column.
    /// </summary>
    internal static class WorkbenchFiles
    {
        private const int Megabyte = 1024 * 1024;

        /// <summary>The largest model file: a model at its limits (1,000 rules of 20 conditions) takes about 3 MB.</summary>
        public const int MaxModelBytes = 4 * Megabyte;

        /// <summary>The largest events file or leads/outcomes CSV.</summary>
        public const int MaxDataBytes = 256 * Megabyte;

        public static byte[] ReadAllBytes(string path, int limit) => Guard(path, "read", () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                for (int read; (read = stream.Read(chunk, 0, chunk.Length)) > 0;)
                {
                    if (buffer.Length + read > limit)
                    {
                        throw new WorkbenchException($"{path}: the file is larger than {limit / Megabyte} MB, the limit for this kind of file (docs/reliability.md)");
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        });

        /// <summary>Decodes strict UTF-8 (a byte order mark dropped); an invalid byte is one error naming its line and column.</summary>
        public static string Utf8Text(byte[] bytes, string source)
        {
            int start = EnsureUtf8(bytes, source);
            return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        }

        /// <summary>Checks that the bytes are strict UTF-8 and returns where the text starts (after a byte order mark).</summary>
        public static int EnsureUtf8(byte[] bytes, string source)
        {
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            int invalid = FirstInvalidUtf8(bytes, start);
            if (invalid >= 0)
            {
                var (line, column) = Position(bytes, start, invalid);
                throw new WorkbenchException($"{source}, line {line}, column {column}: the byte 0x{bytes[invalid]:X2} is not valid UTF-8; save the file as UTF-8");
            }

            return start;
        }

        public static void WriteAllText(string path, string text) => Guard(path, "write", () =>
        {
            File.WriteAllText(path, text);
            return true;
        });

        /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence, or -1.</summary>
        internal static int FirstInvalidUtf8(byte[] bytes, int start)
        {
            var span = bytes.AsSpan();
            for (int i = start; i < bytes.Length;)
            {
                if (bytes[i] < 0x80)
                {
                    i++;
                    continue;
                }

                if (System.Text.Rune.DecodeFromUtf8(span.Slice(i), out _, out int consumed) != OperationStatus.Done)
                {
                    return i;
                }

                i += consumed;
            }

            return -1;
        }

        /// <summary>Line and column (1-based, in characters) of a byte offset of valid UTF-8 text.</summary>
        internal static (int Line, int Column) Position(byte[] bytes, int start, int offset)
        {
            int line = 1, lineStart = start;
            for (int i = start; i < offset; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1);
        }

        private static T Guard<T>(string path, string verb, Func<T> action)
        {
            if (verb == "read" && !File.Exists(path))
            {
                throw new WorkbenchException($"{path}: file not found");
            }

            try
            {
                return action();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WorkbenchException($"{path}: cannot {verb} the file ({e.Message})", e);
            }
        }
    }
}
