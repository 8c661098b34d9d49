using System.Reflection;

namespace Cake.CodeArtifact.Tests.EndToEnd;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string AddinProject => Path.Combine(Root, "src", "Cake.CodeArtifact", "Cake.CodeArtifact.csproj");

    /// <summary>The configuration this test assembly (and so the addin it references) was built in.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : throw new InvalidOperationException("The test assembly names no build configuration.");

    public static string ToolManifest => Path.Combine(Root, ".config", "dotnet-tools.json");

    /// <summary>NuGet's global packages folder, where restore left the addin's dependencies.</summary>
    public static string GlobalPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CodeArtifact.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CodeArtifact.Build.sln above {AppContext.BaseDirectory}: the end-to-end tests run from the repository's build output.");
    }
}
