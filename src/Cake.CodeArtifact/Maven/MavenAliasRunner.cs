using Cake.Core;
using Cake.Core.IO;
using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact;

/// <summary>
/// Maps the Maven settings to <see cref="MavenCredentialsOptions"/> (the job itself logs each
/// repository, the runner the summary), and deletes a written settings file with Core's
/// <see cref="MavenSettingsFile"/>.
/// </summary>
internal static class MavenAliasRunner
{
    private static readonly Dictionary<string, string> WriteArguments = new(StringComparer.Ordinal) { ["SettingsFile"] = "settingsFile" };

    public static MavenCredentialsResult Resolve(ICakeContext context, CodeArtifactMavenCredentialsSettings settings) =>
        AliasRunner.Run(context, settings, CodeArtifactJobs.MavenCredentials, () => Options(context, settings, settingsFile: null));

    public static FilePath Write(ICakeContext context, FilePath? settingsFile, CodeArtifactMavenCredentialsSettings settings)
    {
        var result = AliasRunner.Run(
            context,
            settings,
            CodeArtifactJobs.MavenCredentials,
            () => Options(context, settings, settingsFile?.MakeAbsolute(context.Environment).FullPath ?? throw CodedText.Failure("SettingsFile", null, Messages.Cake_SettingsFileRequired)),
            WriteArguments);
        return new FilePath(result.Settings!.Path);
    }

    /// <summary>Deletes a settings file this addin wrote; sends no request, so it needs no connection.</summary>
    public static MavenSettingsDeleteResult Delete(ICakeContext context, FilePath settingsFile)
    {
        try
        {
            var result = MavenSettingsFile.Delete(settingsFile.MakeAbsolute(context.Environment).FullPath);
            new CakeLogSink(context.Log).Information(result.Summary);
            return result;
        }
        catch (CodeArtifactException ex)
        {
            var text = new ParameterRenamer(WriteArguments).Rename(ex.Message);
            throw CakeFailures.ToCake(new CodeArtifactAliasException(ex.Code, text, ex));
        }
    }

    private static MavenCredentialsOptions Options(ICakeContext context, CodeArtifactMavenCredentialsSettings settings, string? settingsFile) => new()
    {
        ProjectId = SettingValues.NullIfBlank(settings.ProjectId),
        Policy = SettingValues.NullIfBlank(settings.Policy),
        Access = SettingValues.NullIfBlank(settings.Access) ?? "r",
        DefaultOnly = settings.DefaultOnly,
        RepositoryIds = SettingValues.List(settings.RepositoryIds),
        SettingsFile = settingsFile,
        BaseSettingsFile = settings.BaseSettingsFile?.MakeAbsolute(context.Environment).FullPath,
        Overwrite = settings.Overwrite,
    };
}
