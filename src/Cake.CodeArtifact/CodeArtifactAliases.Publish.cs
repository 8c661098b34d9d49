using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <content>Publishing files to a non-Maven repository.</content>
public static partial class CodeArtifactAliases
{
    /// <summary>
    /// Uploads local files to a non-Maven (generic …) repository, each to its repository path: what
    /// the repository already holds with the same SHA-256 is skipped as unchanged, a different file
    /// at the path is replaced only with <c>Overwrite</c>, and every upload is verified against the
    /// SHA-256 the repository then reports. Uploads run in parallel (<c>MaxConcurrency</c>), are
    /// streamed from disk and retried on throttling and dropped connections. The repository user is
    /// the account's, from Maven info (or <c>CODEARTIFACT_REPOSITORY_USER</c> and
    /// <c>CODEARTIFACT_REPOSITORY_PASSWORD</c>); its password is never logged.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="files">Each local file and its path in the repository, such as <c>/app/1.0/app.zip</c>.</param>
    /// <param name="settings">The repository, overwrite, verify and dry run, and how to connect.</param>
    /// <returns>The outcome per file (<c>Files</c>), <c>Uploaded</c>, <c>Unchanged</c>, <c>Failed</c>, <c>WouldUpload</c> (dry run), <c>BytesUploaded</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/>, <paramref name="files"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException">A local file is missing (<c>CART0602</c>), a repository path is empty (<c>CART0002</c>) or holds <c>..</c> (<c>CART0001</c>), the repository is a Maven one (<c>CART0601</c>), or no credentials were found (<c>CART0004</c>): raised before anything is sent (inner <see cref="CodeArtifactConfigurationException"/> or <see cref="CodeArtifactPublishException"/>).</exception>
    /// <exception cref="CakeException">The service refused a request or could not be reached: <c>CART01xx</c> (inner <see cref="CodeArtifactServiceException"/>, with the HTTP status, the service's code and trace id).</exception>
    /// <exception cref="CakeException">Files were not published: <c>CART0606</c> (a different file is there), <c>CART0607</c>–<c>CART0609</c>, one line per file; the others are published (inner <see cref="CodeArtifactPublishException"/>, with the outcome of every file).</exception>
    /// <exception cref="CakeException">The alias was cancelled by Ctrl+C, SIGTERM or <see cref="CodeArtifactSettings.Cancellation"/>: <c>CART0506</c>, saying how many files were uploaded, interrupted and not started; once uploading had begun, the reports are written first and the inner <see cref="CodeArtifactPublishException"/> holds the partial outcome.</exception>
    /// <example>
    /// <code>
    /// var published = CodeArtifactPublishFiles(
    ///     new Dictionary&lt;FilePath, string&gt; { ["dist/app-1.0.zip"] = "/app/1.0/app-1.0.zip" },
    ///     new CodeArtifactPublishSettings { Region = "ap-southeast-3", Repository = "cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1" });
    /// Information("{0} uploaded, {1} unchanged", published.Uploaded.Count, published.Unchanged.Count);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Publish")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static PublishResult CodeArtifactPublishFiles(this ICakeContext context, IDictionary<FilePath, string> files, CodeArtifactPublishSettings settings)
    {
        context.NotNull(nameof(context));
        files.NotNull(nameof(files));
        settings.NotNull(nameof(settings));
        return PublishAliasRunner.Publish(context, files, settings);
    }

    /// <summary>
    /// Uploads local files, such as those <c>GetFiles("dist/*")</c> finds, into one repository folder,
    /// each under its own file name. Otherwise as
    /// <see cref="CodeArtifactPublishFiles(ICakeContext, IDictionary{FilePath, string}, CodeArtifactPublishSettings)"/>;
    /// two files of the same name are refused (<c>CART0603</c>) before anything is sent.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="files">The local files.</param>
    /// <param name="remoteFolder">The repository folder, such as <c>/app/1.0</c>.</param>
    /// <param name="settings">The repository, overwrite, verify and dry run, and how to connect.</param>
    /// <returns>The outcome per file, as the dictionary overload returns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/>, <paramref name="files"/> or <paramref name="settings"/> is null.</exception>
    /// <exception cref="CakeException"><paramref name="remoteFolder"/> is empty (<c>CART0002</c>), or any failure of the dictionary overload.</exception>
    /// <example>
    /// <code>
    /// CodeArtifactPublishFiles(GetFiles("dist/*"), "/app/1.0", new CodeArtifactPublishSettings(connection) { Repository = repository });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Publish")]
    [CakeNamespaceImport("CodeArtifact.Core.Jobs")]
    public static PublishResult CodeArtifactPublishFiles(this ICakeContext context, IEnumerable<FilePath> files, string remoteFolder, CodeArtifactPublishSettings settings)
    {
        context.NotNull(nameof(context));
        files.NotNull(nameof(files));
        settings.NotNull(nameof(settings));
        return PublishAliasRunner.Publish(context, files, remoteFolder, settings);
    }
}
