using Cake.CodeArtifact.Resources;
using Cake.Core;
using CodeArtifact.Core;
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
        return JobRunner.Run(context, settings, new AliasJob<CleanupResult>(nameof(CodeArtifactAliases.CodeArtifactDeleteObsoleteFiles), (client, log) => new CleanupJob(client, log).RunAsync(options))
        {
            ReportedAsErrors = [ErrorCodes.DeletionsFailed],
            Review = (result, _) => result.Failed.Count == 0
                ? null
                : new CodeArtifactCleanupException(CakeFailures.Join(result.Failed.Select(f => Messages.Format(Strings.DeleteObsoleteCodeArtifactFiles_Failed, f.Path, f.Message)))) { Cleanup = result },
        });
    }

    public static RestoreResult Restore(ICakeContext context, IEnumerable<string?> paths, CodeArtifactRestoreSettings settings)
    {
        var options = new RestoreOptions
        {
            Repository = settings.Repository?.Trim() ?? string.Empty,
            Format = SettingValues.NullIfBlank(settings.Format),
            Paths = SettingValues.List(paths),
        };
        return JobRunner.Run(context, settings, new AliasJob<RestoreResult>(nameof(CodeArtifactAliases.CodeArtifactRestoreFiles), (client, log) => new RestoreJob(client, log).RunAsync(options))
        {
            ReportedAsErrors = [ErrorCodes.RestoreFailed],
            Review = (result, _) => result.Failed.Count == 0
                ? null
                : new CodeArtifactCleanupException(CakeFailures.Join(result.Failed.Select(f => Messages.Format(Strings.RestoreCodeArtifactFiles_Failed, f.Path, f.Message)))) { Restore = result },
        });
    }
}
