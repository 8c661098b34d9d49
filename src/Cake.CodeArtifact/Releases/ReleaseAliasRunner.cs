using Cake.CodeArtifact.Resources;
using Cake.Core;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <summary>Maps the release settings to <see cref="ReleaseVersionsJob"/>; warns, as the MSBuild task does, when nothing matched.</summary>
internal static class ReleaseAliasRunner
{
    public static ReleaseVersionsResult Run(ICakeContext context, string? fileName, CodeArtifactReleaseVersionsSettings settings, string aliasName)
    {
        var options = new ReleaseVersionsOptions
        {
            ProjectId = SettingValues.NullIfBlank(settings.ProjectId),
            FileName = fileName?.Trim() ?? string.Empty,
            MaxResults = settings.MaxResults,
            IncludePrerelease = settings.IncludePrerelease,
        };
        return JobRunner.Run(context, settings, new AliasJob<ReleaseVersionsResult>(aliasName, (client, log, cancellationToken) => new ReleaseVersionsJob(client, log).RunAsync(options, cancellationToken))
        {
            Review = Review,
        });
    }

    private static CodeArtifactAliasException? Review(ReleaseVersionsResult result, CakeLogSink log)
    {
        foreach (var version in result.Versions)
        {
            log.Verbose(Messages.Format(Strings.GetCodeArtifactReleaseFileVersions_Version, version.Version, version.Path));
        }

        if (result.Versions.Count == 0)
        {
            log.Warning(Messages.Format(Strings.GetCodeArtifactReleaseFileVersions_NoVersion, result.Options.FileName));
        }

        return null;
    }
}
