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
        return JobRunner.Run(context, settings, new AliasJob<CleanupResult>(nameof(CodeArtifactAliases.CodeArtifactDeleteObsoleteFiles), (client, log, cancellationToken) => new CleanupJob(client, log).RunAsync(options, cancellationToken))
        {
            ReportedAsErrors = [ErrorCodes.DeletionsFailed],
            ReviewCancelled = ReviewCancelled,
            Review = (result, _) => result.Failed.Count == 0
                ? null
                : new CodeArtifactCleanupException(CakeFailures.Join(result.Failed.Select(f => Messages.Format(Strings.DeleteObsoleteCodeArtifactFiles_Failed, f.Path, f.Message)))) { Cleanup = result },
        });
    }

    /// <summary>A cleanup cut off while deleting: fails, once its report lists what it did, saying how to finish or undo it.</summary>
    private static CodeArtifactCleanupException? ReviewCancelled(CleanupResult result, string? report) =>
        !result.Cancelled
            ? null
            : new CodeArtifactCleanupException(report is null
                ? Messages.Format(Strings.DeleteObsoleteCodeArtifactFiles_CanceledWithoutReport, result.Deleted.Count, result.Interrupted.Count)
                : Messages.Format(Strings.DeleteObsoleteCodeArtifactFiles_Canceled, result.Deleted.Count, result.Interrupted.Count, report)) { Cleanup = result };

    public static RestoreResult Restore(ICakeContext context, IEnumerable<string?> paths, CodeArtifactRestoreSettings settings)
    {
        var options = new RestoreOptions
        {
            Repository = settings.Repository?.Trim() ?? string.Empty,
            Format = SettingValues.NullIfBlank(settings.Format),
            Paths = SettingValues.List(paths),
        };
        return JobRunner.Run(context, settings, new AliasJob<RestoreResult>(nameof(CodeArtifactAliases.CodeArtifactRestoreFiles), (client, log, cancellationToken) => new RestoreJob(client, log).RunAsync(options, cancellationToken))
        {
            ReportedAsErrors = [ErrorCodes.RestoreFailed],
            Review = (result, _) => result.Failed.Count == 0
                ? null
                : new CodeArtifactCleanupException(CakeFailures.Join(result.Failed.Select(f => Messages.Format(Strings.RestoreCodeArtifactFiles_Failed, f.Path, f.Message)))) { Restore = result },
        });
    }
}
