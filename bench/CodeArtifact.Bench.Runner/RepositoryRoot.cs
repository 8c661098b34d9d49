namespace CodeArtifact.Bench.Runner;

/// <summary>The clone the runner was built from: the folder holding CodeArtifact.Build.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CodeArtifact.Build.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("CodeArtifact.Build.sln was not found above the runner or the current folder: run the runner from the clone.");
    }
}
