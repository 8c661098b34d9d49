using Cake.Core;
using Cake.Core.IO;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact;

/// <summary>Maps the Maven settings to <see cref="MavenCredentialsOptions"/>; the job itself logs each repository, the runner the summary.</summary>
internal static class MavenAliasRunner
{
    private static readonly Dictionary<string, string> WriteArguments = new(StringComparer.Ordinal) { ["SettingsFile"] = "settingsFile" };

    public static MavenCredentialsResult Resolve(ICakeContext context, CodeArtifactMavenCredentialsSettings settings) =>
        AliasRunner.Run(context, settings, CodeArtifactJobs.MavenCredentials, () => Options(settings, settingsFile: null));

    public static FilePath Write(ICakeContext context, FilePath? settingsFile, CodeArtifactMavenCredentialsSettings settings)
    {
        var result = AliasRunner.Run(
            context,
            settings,
            CodeArtifactJobs.MavenCredentials,
            () => Options(settings, settingsFile?.MakeAbsolute(context.Environment).FullPath ?? throw CodedText.Failure("SettingsFile", null, Messages.Cake_SettingsFileRequired)),
            WriteArguments);
        return new FilePath(result.Settings!.Path);
    }

    private static MavenCredentialsOptions Options(CodeArtifactMavenCredentialsSettings settings, string? settingsFile) => new()
    {
        ProjectId = SettingValues.NullIfBlank(settings.ProjectId),
        Policy = SettingValues.NullIfBlank(settings.Policy),
        Access = SettingValues.NullIfBlank(settings.Access) ?? "r",
        DefaultOnly = settings.DefaultOnly,
        RepositoryIds = SettingValues.List(settings.RepositoryIds),
        SettingsFile = settingsFile,
        Overwrite = settings.Overwrite,
    };
}
