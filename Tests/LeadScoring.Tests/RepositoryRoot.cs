using System;
using System.IO;

namespace LeadScoring.Tests;

/// <summary>The clone's root folder, found from the test binaries by looking for LeadScoring.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LeadScoring.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeadScoring.sln not found above " + AppContext.BaseDirectory);
    }
}
