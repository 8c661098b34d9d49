using Cake.Core;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact;

/// <summary>Maps the cleanup and restore settings to <see cref="CleanupOptions"/> and <see cref="RestoreOptions"/>.</summary>
internal static class CleanupAliasRunner
{
    private static readonly Dictionary<string, string> RestoreArguments = new(StringComparer.Ordinal) { ["Paths"] = "paths" };

    public static CleanupResult Delete(ICakeContext context, CodeArtifactCleanupSettings settings) =>
        AliasRunner.Run(context, settings, CodeArtifactJobs.Cleanup, () => new CleanupOptions
        {
            Repository = settings.Repository?.Trim() ?? string.Empty,
            Format = SettingValues.NullIfBlank(settings.Format),
            RootPath = SettingValues.NullIfBlank(settings.RootPath) ?? "/",
            Include = SettingValues.List(settings.Include),
            Exclude = SettingValues.List(settings.Exclude),
            Protect = SettingValues.List(settings.Protect),
            KeepLatest = settings.KeepLatest,
            KeepLatestVersions = settings.KeepLatestVersions,
            OlderThanDays = settings.OlderThanDays,
            NotDownloadedForDays = settings.NotDownloadedForDays,
            MaxDeletions = settings.MaxDeletions,
            DryRun = settings.DryRun,
            PlanFile = settings.PlanFile?.MakeAbsolute(context.Environment).FullPath,
            FromPlan = settings.FromPlan?.MakeAbsolute(context.Environment).FullPath,
        });

    public static RestoreResult Restore(ICakeContext context, IEnumerable<string?> paths, CodeArtifactRestoreSettings settings) =>
        AliasRunner.Run(context, settings, CodeArtifactJobs.Restore, () => new RestoreOptions
        {
            Repository = settings.Repository?.Trim() ?? string.Empty,
            Format = SettingValues.NullIfBlank(settings.Format),
            Paths = SettingValues.List(paths),
        }, RestoreArguments);
}
