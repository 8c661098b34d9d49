namespace CodeArtifact.Build.Tests.Demo;

/// <summary>What a fresh clone holds: the working tree without build output, caches and git data.</summary>
internal static class FreshClone
{
    private static readonly HashSet<string> SkippedAnywhere = new(StringComparer.Ordinal) { ".git", "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", ".vs" };

    private static readonly HashSet<string> SkippedPaths = new(StringComparer.Ordinal)
    {
        "artifacts", "tools", ".codeartifact-emulator", "samples/msbuild/dist", "samples/cake/tools", "samples/cake/reports",
    };

    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CodeArtifact.Build.sln")) && File.Exists(Path.Combine(directory.FullName, "build.cake")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository (CodeArtifact.Build.sln and build.cake) above {AppContext.BaseDirectory}.");
    }

    public static void CopyRepository(string source, string target)
    {
        Copy(source, target, string.Empty);

        // The local feed folder that a clone has (artifacts/packages/.gitkeep).
        Directory.CreateDirectory(Path.Combine(target, "artifacts", "packages"));
    }

    public static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A build server started by the demo may still hold a file; the temp folder is cleaned anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Copy(string source, string target, string relative)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            var path = relative.Length == 0 ? name : relative + "/" + name;
            if (!SkippedAnywhere.Contains(name) && !SkippedPaths.Contains(path))
            {
                Copy(directory, Path.Combine(target, name), path);
            }
        }
    }
}
