using Cake.Core;
using Cake.Core.Annotations;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <content>Release file versions of a project.</content>
public static partial class CodeArtifactAliases
{
    /// <summary>
    /// Lists every release version of a file (all pages), lowest first: SemVer versions by SemVer
    /// precedence, others segment by segment with numbers compared as numbers. The service matches
    /// the name as part of a file name: only the file named so is listed, checksum and signature
    /// sidecars never; <c>PathFilter</c> chooses among several files.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="fileName">The file name, matched as a part of the name: 1 to 200 letters, digits, <c>_</c>, <c>-</c> or <c>.</c>.</param>
    /// <param name="settings">The project, a path filter, how many versions, and how to connect.</param>
    /// <returns>The versions in ascending order, each with <c>Version</c>, <c>Path</c> and <c>DownloadUrl</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException">The file name, a setting or a credential is missing or invalid: <c>CART00xx</c>, raised before anything is sent (inner <see cref="CodeArtifactConfigurationException"/>).</exception>
    /// <exception cref="CakeException">The service refused a request or could not be reached: <c>CART01xx</c> (inner <see cref="CodeArtifactServiceException"/>, with the HTTP status, the service's code and trace id).</exception>
    /// <exception cref="CakeException">The name matches several files and none exactly: <c>CART0403</c>, listing the names found (set <c>PathFilter</c> or the exact name; inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <exception cref="CakeException">The alias was cancelled by Ctrl+C, SIGTERM or <see cref="CodeArtifactSettings.Cancellation"/>: <c>CART0506</c> (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <example>
    /// <code>
    /// foreach (var release in CodeArtifactGetReleaseFileVersions("app.zip", new CodeArtifactReleaseVersionsSettings { Region = "ap-southeast-3" }))
    /// {
    ///     Information("{0}: {1}", release.Version, release.DownloadUrl);
    /// }
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Releases")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static IReadOnlyList<ReleaseVersion> CodeArtifactGetReleaseFileVersions(this ICakeContext context, string fileName, CodeArtifactReleaseVersionsSettings settings)
    {
        context.NotNull(nameof(context));
        settings.NotNull(nameof(settings));
        return ReleaseAliasRunner.Run(context, fileName, settings).Versions;
    }

    /// <summary>
    /// Finds the latest release version of a file: the highest version without a pre-release part
    /// (or with one, when <c>IncludePrerelease</c> is set).
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="fileName">The file name, matched as a part of the name: 1 to 200 letters, digits, <c>_</c>, <c>-</c> or <c>.</c>.</param>
    /// <param name="settings">The project, a path filter, pre-releases or not, and how to connect.</param>
    /// <returns>The latest version with its <c>Path</c> and <c>DownloadUrl</c>, or null when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException">The file name, a setting or a credential is missing or invalid: <c>CART00xx</c>, raised before anything is sent (inner <see cref="CodeArtifactConfigurationException"/>).</exception>
    /// <exception cref="CakeException">The service refused a request or could not be reached: <c>CART01xx</c> (inner <see cref="CodeArtifactServiceException"/>, with the HTTP status, the service's code and trace id).</exception>
    /// <exception cref="CakeException">The name matches several files and none exactly: <c>CART0403</c>, listing the names found (set <c>PathFilter</c> or the exact name; inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <exception cref="CakeException">The alias was cancelled by Ctrl+C, SIGTERM or <see cref="CodeArtifactSettings.Cancellation"/>: <c>CART0506</c> (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <example>
    /// <code>
    /// var latest = CodeArtifactGetLatestReleaseFileVersion("app.zip", new CodeArtifactReleaseVersionsSettings { Region = "ap-southeast-3" });
    /// if (latest != null)
    /// {
    ///     DownloadFile(latest.DownloadUrl);
    /// }
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Releases")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static ReleaseVersion? CodeArtifactGetLatestReleaseFileVersion(this ICakeContext context, string fileName, CodeArtifactReleaseVersionsSettings settings)
    {
        context.NotNull(nameof(context));
        settings.NotNull(nameof(settings));
        return ReleaseAliasRunner.Run(context, fileName, settings).Latest;
    }
}
