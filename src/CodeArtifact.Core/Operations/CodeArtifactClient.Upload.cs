using System.Net.Http.Headers;
using System.Text;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Uploads to a repository URL. Not in the API reference: the user guide ("Uploading and Downloading
// a Generic Artifact via the Client") documents `curl -u user:password -X PUT {repo_url}/{filePath} -T file`.
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// Uploads one file body to a repository: <c>UploadFile</c>, <c>PUT {repositoryUrl}/{path}</c>
    /// with HTTP basic auth of the repository account. The body is streamed, never held in memory;
    /// a seekable stream is rewound and sent again on a transient failure (429, 502–504, dropped
    /// connections), which is safe: the same bytes replace the same path.
    /// </summary>
    /// <param name="repositoryUrl">The repository's URL, as <c>ShowRepositoryInfo</c> gives it (<c>https://…/artgalaxy/{repo_id}/</c>).</param>
    /// <param name="path">The file's path inside the repository, such as <c>/app/1.0/app.zip</c>.</param>
    /// <param name="content">The body, read from its current position; seekable to be retried.</param>
    /// <param name="account">The repository user and password.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The address the file was uploaded to (where it is downloaded from).</returns>
    public async Task<Uri> UploadFileAsync(Uri repositoryUrl, string path, Stream content, RepositoryAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Argument.RequiredObject(account, nameof(account), "the repository user and password (RepositoryAccount)");
        var target = UploadUri(repositoryUrl, path, Options.AllowInsecureHttp);
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(account.UserName + ":" + account.Password.Reveal())));
        using var body = new UploadContent(content, leaveOpen: true);
        using var response = await _connection.SendAbsoluteAsync("UploadFile", HttpMethod.Put, target, body, basic, cancellationToken).ConfigureAwait(false);
        await _connection.ThrowIfFailedAsync(response, "UploadFile", cancellationToken).ConfigureAwait(false);
        return target;
    }

    /// <summary>
    /// The address of <paramref name="path"/> under <paramref name="repositoryUrl"/>: each segment
    /// escaped, so that a name with a space, <c>#</c> or <c>?</c> still names the file.
    /// </summary>
    /// <exception cref="CodeArtifactException">The URL is not an absolute http(s) address, is plain http to another machine (CART0003), or the path is not a file path.</exception>
    public static Uri UploadUri(Uri repositoryUrl, string path, bool allowInsecureHttp = false)
    {
        Argument.RequiredObject(repositoryUrl, nameof(repositoryUrl), "the repository's URL, such as https://devrepo.example.com/artgalaxy/<repository id>/");
        EndpointPolicy.Check(repositoryUrl, nameof(repositoryUrl), allowInsecureHttp);
        if (!string.IsNullOrEmpty(repositoryUrl.Query) || !string.IsNullOrEmpty(repositoryUrl.Fragment))
        {
            throw Argument.Invalid(nameof(repositoryUrl), repositoryUrl.ToString(), "a repository URL has no query or fragment");
        }

        var segments = FilePathSegments(path, nameof(path));
        var prefix = repositoryUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(prefix + "/" + string.Join('/', segments.Select(Uri.EscapeDataString)));
    }

    /// <summary>The segments of a file path inside a repository: at least one, none empty, <c>.</c> or <c>..</c>.</summary>
    internal static string[] FilePathSegments(string? path, string parameterName)
    {
        var normalized = Argument.RepositoryPath(path, parameterName);
        var segments = normalized.Split('/')[1..];
        if (segments.Length == 0 || segments.Any(s => s.Length == 0 || s is "." or ".."))
        {
            throw Argument.Invalid(parameterName, path, "name a file such as /app/1.0/app.zip: no empty, '.' or '..' segment and no trailing '/'");
        }

        return segments;
    }

    /// <summary>Fails, before any request, when the file APIs (file detail) lack the tenant or project they need.</summary>
    internal void EnsureFileApiSettings()
    {
        ClientTenantId();
        RequiredProjectId(null, nameof(CodeArtifactClientOptions.ProjectId));
    }
}
