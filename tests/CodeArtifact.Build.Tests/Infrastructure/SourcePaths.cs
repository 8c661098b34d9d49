using System.Reflection;

namespace CodeArtifact.Build.Tests.Infrastructure;

/// <summary>Where the package's sources are, and the configuration these tests were built in.</summary>
internal static class SourcePaths
{
    public static string BuildProject { get; } = Metadata("CodeArtifactBuildProject");

    public static string BuildProjectDirectory { get; } = Path.GetDirectoryName(BuildProject)!;

    public static string PropsFile { get; } = Path.Combine(BuildProjectDirectory, "build", "CodeArtifact.Build.props");

    public static string TargetsFile { get; } = Path.Combine(BuildProjectDirectory, "build", "CodeArtifact.Build.targets");

    public static string Configuration { get; } = Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(SourcePaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
