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
    /// copy (SHA-256 normally: the strongest digest both sides have). Fails on a mismatch or a
    /// missing file unless <c>FailOnMismatch</c> / <c>FailOnMissing</c> are turned off, and always
    /// on a local file that cannot be read.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="files">Each local file and its path in the repository, such as <c>/app/1.0/app.zip</c>.</param>
    /// <param name="settings">The repository, the algorithm, when to fail, and how to connect.</param>
    /// <returns>The outcome per file, and the counts <c>Verified</c>, <c>Mismatched</c>, <c>Missing</c>, <c>Failed</c>.</returns>
    /// <exception cref="CodeArtifactConfigurationException">A setting or credential is missing or invalid (nothing was sent).</exception>
    /// <exception cref="CodeArtifactServiceException">The service refused a request or could not be reached.</exception>
    /// <exception cref="CodeArtifactVerificationException">A file did not verify (CART0301–CART0304); the exception carries the outcome.</exception>
    /// <example>
    /// <code>
    /// var result = CodeArtifactVerifyChecksums(
    ///     new Dictionary&lt;FilePath, string&gt; { ["artifacts/app.zip"] = "/app/1.0/app.zip" },
    ///     new CodeArtifactVerifySettings { Region = "ap-southeast-3", Repository = "my-generic-repo" });
    /// Information("{0} files verified", result.Verified);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Checksums")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static ChecksumVerificationResult CodeArtifactVerifyChecksums(this ICakeContext context, IDictionary<FilePath, string> files, CodeArtifactVerifySettings settings)
    {
        context.NotNull(nameof(context));
        settings.NotNull(nameof(settings));
        return ChecksumAliasRunner.Verify(context, files, settings);
    }
}
