using System;
using System.IO;
using System.Text;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.ModelFiles
{
    /// <summary>
    /// The one reader and writer of the model file (docs/model-format.md): JSON ↔ the engine's
    /// <see cref="ScoringModel"/>. It checks the file's shape (fields, types, allowed words) and names
    /// the file, line, column, rule and field of every mistake; the engine's validator checks the meaning.
    /// </summary>
    internal static class ModelFile
    {
        public static ScoringModel Read(string path) => Parse(WorkbenchFiles.ReadAllBytes(path, WorkbenchFiles.MaxModelBytes), Path.GetFileName(path));

        public static ScoringModel Parse(string json, string source) => Parse(Encoding.UTF8.GetBytes(json), source);

        public static ScoringModel Parse(byte[] utf8, string source)
        {
            int start = WorkbenchFiles.EnsureUtf8(utf8, source);
            if (start > 0)
            {
                utf8 = utf8.AsSpan(start).ToArray();
            }

            return new ModelFileReader(JsonTree.Parse(utf8, source)).ReadModel();
        }

        public static void Write(ScoringModel model, string path) => WorkbenchFiles.WriteAllText(path, ToJson(model) + "\n");

        public static string ToJson(ScoringModel model) => ModelFileWriter.ToJson(model);
    }
}
