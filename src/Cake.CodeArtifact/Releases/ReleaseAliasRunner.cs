using Cake.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact;

/// <summary>Maps the release settings to <see cref="ReleaseVersionsOptions"/>; finding no version is Core's warning.</summary>
internal static class ReleaseAliasRunner
{
    private static readonly Dictionary<string, string> ArgumentNames = new(StringComparer.Ordinal) { ["FileName"] = "fileName" };

    public static ReleaseVersionsResult Run(ICakeContext context, string? fileName, CodeArtifactReleaseVersionsSettings settings) =>
        AliasRunner.Run(context, settings, CodeArtifactJobs.ReleaseVersions, () => new ReleaseVersionsOptions
        {
            ProjectId = SettingValues.NullIfBlank(settings.ProjectId),
            FileName = fileName?.Trim() ?? string.Empty,
            PathFilter = SettingValues.NullIfBlank(settings.PathFilter),
            MaxResults = settings.MaxResults,
            IncludePrerelease = settings.IncludePrerelease,
        }, ArgumentNames);
}
