using Cake.Core;
using Cake.Core.IO;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <summary>Maps the Maven settings to <see cref="MavenCredentialsJob"/>; the job itself logs each repository and the summary.</summary>
internal static class MavenAliasRunner
{
    public static MavenCredentialsResult Resolve(ICakeContext context, CodeArtifactMavenCredentialsSettings settings) =>
        Run(context, settings, settingsFile: null, nameof(CodeArtifactAliases.CodeArtifactResolveMavenCredentials));

    public static FilePath Write(ICakeContext context, FilePath? settingsFile, CodeArtifactMavenCredentialsSettings settings)
    {
        if (settingsFile is null)
        {
            // Core's own words for the same mistake, and before anything is sent.
            throw CakeFailures.From(CodeArtifactException.Missing("settingsFile", "SettingsFile is required: the path of the settings.xml to write."));
        }

        var result = Run(context, settings, settingsFile.MakeAbsolute(context.Environment), nameof(CodeArtifactAliases.CodeArtifactWriteMavenSettings));
        return new FilePath(result.Settings!.Path);
    }

    private static MavenCredentialsResult Run(ICakeContext context, CodeArtifactMavenCredentialsSettings settings, FilePath? settingsFile, string aliasName)
    {
        var options = new MavenCredentialsOptions
        {
            ProjectId = SettingValues.NullIfBlank(settings.ProjectId),
            Policy = SettingValues.NullIfBlank(settings.Policy),
            Access = SettingValues.NullIfBlank(settings.Access) ?? "r",
            DefaultOnly = settings.DefaultOnly,
            RepositoryIds = SettingValues.List(settings.RepositoryIds),
            SettingsFile = settingsFile?.FullPath,
            Overwrite = settings.Overwrite,
        };
        return JobRunner.Run(context, settings, aliasName, (client, log) => new MavenCredentialsJob(client, log).RunAsync(options), (_, _) => null);
    }
}
