using System;
using System.IO;

namespace LeadScoring.Workbench
{
    /// <summary>File access that turns the usual failures into a <see cref="WorkbenchException"/> naming the file.</summary>
    internal static class WorkbenchFiles
    {
        public static byte[] ReadAllBytes(string path) => Guard(path, "read", () => File.ReadAllBytes(path));

        public static string ReadAllText(string path) => Guard(path, "read", () => File.ReadAllText(path));

        public static void WriteAllText(string path, string text) => Guard(path, "write", () =>
        {
            File.WriteAllText(path, text);
            return true;
        });

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
