using Cake.Core;
using Cake.Core.Annotations;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <content>Cleanup of obsolete files, and restore from the recycle bin.</content>
public static partial class CodeArtifactAliases
{
    /// <summary>
    /// Deletes the files of a non-Maven repository that the retention policy marks obsolete. A dry
    /// run lists exactly what a real run would delete. Nothing outside <c>RootPath</c> is touched,
    /// folders are never deleted, and more than <c>MaxDeletions</c> files are refused. Deleted
    /// files go to the recycle bin: <see cref="CodeArtifactRestoreFiles"/> brings them back.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The repository, the retention policy, and how to connect.</param>
    /// <returns>The <c>Candidates</c>, <c>Deleted</c>, <c>Kept</c> and <c>Failed</c> files, <c>BytesFreed</c> and <c>DryRun</c>.</returns>
    /// <exception cref="CodeArtifactConfigurationException">A setting or credential is missing or invalid (nothing was sent).</exception>
    /// <exception cref="CodeArtifactServiceException">The service refused a request or could not be reached.</exception>
    /// <exception cref="CodeArtifactCleanupException">The repository is a Maven one, more files than MaxDeletions matched, or a deletion failed; the exception carries the outcome when there is one.</exception>
    /// <example>
    /// <code>
    /// var cleanup = CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings
    /// {
    ///     Region = "ap-southeast-3",
    ///     Repository = "my-generic-repo",
    ///     RootPath = "/nightly",
    ///     KeepLatest = 5,
    ///     OlderThanDays = 30,
    ///     DryRun = true,
    /// });
    /// Information("{0} files would be deleted", cleanup.Candidates.Count);
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
    /// <returns>The <c>Restored</c> and <c>Failed</c> files.</returns>
    /// <exception cref="CodeArtifactConfigurationException">A path, setting or credential is missing or invalid (nothing was sent).</exception>
    /// <exception cref="CodeArtifactServiceException">The service refused the request or could not be reached.</exception>
    /// <exception cref="CodeArtifactCleanupException">A file could not be restored (CART0505); the exception carries the outcome.</exception>
    /// <example>
    /// <code>
    /// var cleanup = CodeArtifactDeleteObsoleteFiles(cleanupSettings);
    /// CodeArtifactRestoreFiles(
    ///     cleanup.Deleted.Select(file => file.Path),
    ///     new CodeArtifactRestoreSettings { Region = "ap-southeast-3", Repository = "my-generic-repo" });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Cleanup")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static RestoreResult CodeArtifactRestoreFiles(this ICakeContext context, IEnumerable<string> paths, CodeArtifactRestoreSettings settings)
    {
        context.NotNull(nameof(context));
        settings.NotNull(nameof(settings));
        return CleanupAliasRunner.Restore(context, paths, settings);
    }
}
