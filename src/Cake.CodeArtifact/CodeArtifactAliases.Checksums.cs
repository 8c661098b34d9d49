using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <content>Checksum verification of published files.</content>
public static partial class CodeArtifactAliases
{
    /// <summary>
    /// Hashes local files and compares each digest with the one the repository reports for its
    /// copy (SHA-256 when the repository reports it, else the strongest digest it reports), giving
    /// every file one verdict: verified, mismatch, missing remotely, no remote digest, remote error
    /// (its look-up failed after the retries) or unreadable locally. One file's failure never hides
    /// the others': the whole run ends first, then the alias throws once, with every verdict on the
    /// exception. It fails on a remote error or an unreadable local file, on a mismatch or a file
    /// without a remote digest unless <c>FailOnMismatch</c> is off, and on a missing file unless
    /// <c>FailOnMissing</c> is off; each such file is one coded line of the message.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="files">Each local file and its path in the repository, such as <c>/app/1.0/app.zip</c>.</param>
    /// <param name="settings">The repository, the algorithm, when to fail, and how to connect.</param>
    /// <returns>
    /// The verdict of every file (<c>Files</c>, in the order given, each with its <c>Status</c> and
    /// <c>Error</c>), <c>FailedFiles</c> (remote errors and unreadable files), and the counts
    /// <c>Verified</c>, <c>Mismatched</c>, <c>Missing</c>, <c>WithoutRemoteDigest</c>, <c>RemoteErrors</c>,
    /// <c>Unreadable</c>, <c>Failed</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/>, <paramref name="files"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException">A remote path, a setting (such as a repository id not in the shape <c>{region}_{domainId}_{format}_{sequence}</c>) or a credential is missing or invalid: <c>CART00xx</c>, raised before anything is sent (inner <see cref="CodeArtifactConfigurationException"/>).</exception>
    /// <exception cref="CakeException">The service refused a request or could not be reached: <c>CART01xx</c> (inner <see cref="CodeArtifactServiceException"/>, with the HTTP status, the service's code and trace id).</exception>
    /// <exception cref="CakeException">Files did not verify: <c>CART0301</c>–<c>CART0305</c>, one line per file, after every file was judged (inner <see cref="CodeArtifactVerificationException"/>, whose <c>Result</c> holds the verdict of every file).</exception>
    /// <exception cref="CakeException">The repository does not exist (<c>CART0306</c>) or may not be read (<c>CART0307</c>): one line naming it (inner <see cref="CodeArtifactVerificationException"/>, without a result).</exception>
    /// <exception cref="CakeException">The alias was cancelled by Ctrl+C, SIGTERM or <see cref="CodeArtifactSettings.Cancellation"/>: <c>CART0506</c> (inner <see cref="CodeArtifactAliasException"/>).</exception>
    /// <example>
    /// <code>
    /// var result = CodeArtifactVerifyChecksums(
    ///     new Dictionary&lt;FilePath, string&gt; { ["artifacts/app.zip"] = "/app/1.0/app.zip" },
    ///     new CodeArtifactVerifySettings { Region = "ap-southeast-3", Repository = "cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1" });
    /// Information("{0} files verified", result.Verified);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Checksums")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static ChecksumVerificationResult CodeArtifactVerifyChecksums(this ICakeContext context, IDictionary<FilePath, string> files, CodeArtifactVerifySettings settings)
    {
        context.NotNull(nameof(context));
        files.NotNull(nameof(files));
        settings.NotNull(nameof(settings));
        return ChecksumAliasRunner.Verify(context, files, settings);
    }
}
