using Cake.CodeArtifact.Resources;
using Cake.Core;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <summary>
/// Maps the cleanup and restore settings to <see cref="CleanupJob"/> and <see cref="RestoreJob"/>;
/// files that could not be deleted or restored fail the alias with the MSBuild task's texts, after
/// the report (which lists what was deleted, for a restore) is written.
/// </summary>
internal static class CleanupAliasRunner
{
    public static CleanupResult Delete(ICakeContext context, CodeArtifactCleanupSettings settings)
    {
        var options = new CleanupOptions
        {
            Repository = settings.Repository?.Trim() ?? string.Empty,
            Format = SettingValues.NullIfBlank(settings.Format),
            RootPath = SettingValues.NullIfBlank(settings.RootPath) ?? "/",
            Include = SettingValues.List(settings.Include),
            Exclude = SettingValues.List(settings.Exclude),
            Protect = SettingValues.List(settings.Protect),
            KeepLatest = settings.KeepLatest,
            OlderThanDays = settings.OlderThanDays,
            MaxDeletions = settings.MaxDeletions,
            DryRun = settings.DryRun,
        };
        return JobRunner.Run(
            context,
            settings,
            nameof(CodeArtifactAliases.CodeArtifactDeleteObsoleteFiles),
            (client, log) => new CleanupJob(client, log).RunAsync(options),
            (result, _) => result.Failed.Count == 0
                ? null
                : new CodeArtifactCleanupException(CakeFailures.Join(result.Failed.Select(f => Messages.Format(Strings.DeleteObsoleteCodeArtifactFiles_Failed, f.Path, f.Message)))) { Cleanup = result });
    }

    public static RestoreResult Restore(ICakeContext context, IEnumerable<string?>? paths, CodeArtifactRestoreSettings settings)
    {
        var list = SettingValues.List(paths);
        if (list.Count == 0)
        {
            throw new CodeArtifactConfigurationException(Strings.RestoreCodeArtifactFiles_MissingPaths) { ParameterName = "paths" };
        }

        var options = new RestoreOptions
        {
            Repository = settings.Repository?.Trim() ?? string.Empty,
            Format = SettingValues.NullIfBlank(settings.Format),
            Paths = list,
        };
        return JobRunner.Run(
            context,
            settings,
            nameof(CodeArtifactAliases.CodeArtifactRestoreFiles),
            (client, log) => new RestoreJob(client, log).RunAsync(options),
            (result, _) => result.Failed.Count == 0
                ? null
                : new CodeArtifactCleanupException(CakeFailures.Join(result.Failed.Select(f => Messages.Format(Strings.RestoreCodeArtifactFiles_Failed, f.Path, f.Message)))) { Restore = result });
    }
}
