using Cake.Core;
using Cake.Core.Annotations;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <content>Cleanup of obsolete files, and restore from the recycle bin.</content>
public static partial class CodeArtifactAliases
{
    /// <summary>
    /// Deletes the files of a non-Maven repository that the retention policy marks obsolete, or
    /// exactly the files of a reviewed plan. A dry run lists exactly what a real run would delete,
    /// and can write that list as a plan (<c>PlanFile</c>) that a later run applies (<c>FromPlan</c>),
    /// checking each file again first. Nothing outside <c>RootPath</c> is touched, folders are never
    /// deleted, a file is never deleted because its time is unknown, and more than <c>MaxDeletions</c>
    /// files are refused. Deleted files go to the recycle bin: <see cref="CodeArtifactRestoreFiles"/>
    /// brings them back.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The repository, the retention policy or the plan, and how to connect.</param>
    /// <returns>
    /// The outcome, each file in one list: <c>Candidates</c> (what the policy or plan selects),
    /// <c>Deleted</c>, <c>AlreadyGone</c> (deleted by someone else first), <c>SkippedAsChanged</c>
    /// (kept because it changed since the plan or the listing, with <c>Reason</c> and <c>Note</c>),
    /// <c>Failed</c> (with <c>Code</c> and <c>Message</c>), <c>Interrupted</c>, <c>NotAttempted</c>,
    /// <c>Kept</c> (with <c>Reason</c>); <c>BytesFreed</c> (deleted files only), <c>DryRun</c>, <c>Plan</c>.
    /// Files skipped as changed (<c>CART0510</c>) and already gone (<c>CART0513</c>) are Cake warnings.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException">A setting or credential is missing or invalid: <c>CART00xx</c>, raised before anything is sent (inner <see cref="CodeArtifactConfigurationException"/>).</exception>
    /// <exception cref="CakeException">The service refused a request or could not be reached: <c>CART01xx</c> (inner <see cref="CodeArtifactServiceException"/>, with the HTTP status, the service's code and trace id).</exception>
    /// <exception cref="CakeException">The repository is a Maven one (<c>CART0501</c>), more files matched than <c>MaxDeletions</c> (<c>CART0502</c>, nothing deleted), the plan could not be written or read (<c>CART0507</c>, <c>CART0508</c>) or was made for another repository or root (<c>CART0509</c>, before any request), files could not be deleted (<c>CART0504</c>, <c>CART0511</c>, one line per file; the others are deleted), or a 401/403 stopped the run (<c>CART0512</c>) (inner <see cref="CodeArtifactCleanupException"/>, with the outcome when deleting began).</exception>
    /// <exception cref="CakeException">The cleanup was cancelled by Ctrl+C, SIGTERM or <see cref="CodeArtifactSettings.Cancellation"/>: <c>CART0506</c>. Once deleting had begun, the reports are written first, and the inner <see cref="CodeArtifactCleanupException"/> holds the partial outcome (<c>Deleted</c>, <c>Interrupted</c>); before that, nothing was deleted (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <example>
    /// <code>
    /// // Keep the three newest versions of each package; write the rest to a plan for review.
    /// var preview = CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings
    /// {
    ///     Region = "ap-southeast-3",
    ///     Repository = "cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1",
    ///     RootPath = "/releases",
    ///     KeepLatestVersions = 3,
    ///     DryRun = true,
    ///     PlanFile = "reports/cleanup-plan.json",
    /// });
    /// Information("{0} files would be deleted", preview.Candidates.Count);
    ///
    /// // Later, once the plan is approved: delete exactly those files.
    /// var applied = CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings
    /// {
    ///     Region = "ap-southeast-3",
    ///     Repository = "cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1",
    ///     RootPath = "/releases",
    ///     FromPlan = "reports/cleanup-plan.json",
    /// });
    /// Information("{0} deleted, {1} already gone, {2} kept as changed", applied.Deleted.Count, applied.AlreadyGone.Count, applied.SkippedAsChanged.Count);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Cleanup")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static CleanupResult CodeArtifactDeleteObsoleteFiles(this ICakeContext context, CodeArtifactCleanupSettings settings)
    {
        context.NotNull(nameof(context));
        settings.NotNull(nameof(settings));
        return CleanupAliasRunner.Delete(context, settings);
    }

    /// <summary>Restores deleted files from the recycle bin, such as the ones a cleanup deleted.</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="paths">The repository paths of the files, such as <c>/app/1.0/app.zip</c>.</param>
    /// <param name="settings">The repository, and how to connect.</param>
    /// <returns>The paths <c>Restored</c> (in place after the run), <c>Failed</c> (with <c>Code</c> and <c>Message</c>), and, for a cancelled run, <c>Interrupted</c> and <c>NotAttempted</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/>, <paramref name="paths"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException">A path, a setting or a credential is missing or invalid: <c>CART00xx</c>, raised before anything is sent (inner <see cref="CodeArtifactConfigurationException"/>).</exception>
    /// <exception cref="CakeException">The service refused a request or could not be reached: <c>CART01xx</c> (inner <see cref="CodeArtifactServiceException"/>, with the HTTP status, the service's code and trace id).</exception>
    /// <exception cref="CakeException">Files could not be restored: <c>CART0505</c>, one line per file (inner <see cref="CodeArtifactCleanupException"/>, with the outcome).</exception>
    /// <exception cref="CakeException">The alias was cancelled by Ctrl+C, SIGTERM or <see cref="CodeArtifactSettings.Cancellation"/>: <c>CART0506</c> (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <example>
    /// <code>
    /// var cleanup = CodeArtifactDeleteObsoleteFiles(cleanupSettings);
    /// CodeArtifactRestoreFiles(
    ///     cleanup.Deleted.Select(file => file.Path),
    ///     new CodeArtifactRestoreSettings { Region = "ap-southeast-3", Repository = "cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1" });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Cleanup")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static RestoreResult CodeArtifactRestoreFiles(this ICakeContext context, IEnumerable<string> paths, CodeArtifactRestoreSettings settings)
    {
        context.NotNull(nameof(context));
        paths.NotNull(nameof(paths));
        settings.NotNull(nameof(settings));
        return CleanupAliasRunner.Restore(context, paths, settings);
    }
}
