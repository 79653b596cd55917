using System;
using System.IO;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// A test that needs Microsoft's solution schemas: ../shared/reference/solution-schemas beside the clone
/// (as in CI), or the folder SOLUTION_SCHEMAS names. Without them the test is reported as skipped, with why.
/// </summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (!Directory.Exists(Folder))
        {
            Skip = $"Microsoft's solution schemas are not at {Folder} (../shared/reference/solution-schemas beside the clone, or SOLUTION_SCHEMAS): nothing to validate against.";
        }
    }

    public static string Folder { get; } = Environment.GetEnvironmentVariable("SOLUTION_SCHEMAS") is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "reference", "solution-schemas"));
}
