using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Operations;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// File management (reference 4.10). Each API takes its own path form: file tree and detail want the
// repository-relative path with a leading '/', file delete wants "<repoId>/<path>" without one.
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// Lists one folder of a repository: <c>ShowFileTree</c>,
    /// <c>GET /cloudartifact/v5/{tenant_id}/{project_id}/{repo_name}/file-tree</c>. The API has no
    /// paging; one call returns every child.
    /// </summary>
    /// <param name="repository">The repository id.</param>
    /// <param name="path">The folder, relative to the repository, such as <c>/</c> or <c>/app/1.0</c>.</param>
    /// <param name="recycleBin">True to list the repository's recycle bin instead.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<FileTree> GetFileTreeAsync(string repository, string path, bool recycleBin = false, CancellationToken cancellationToken = default)
    {
        Argument.RepositoryId(repository, nameof(repository));
        var relativePath = Argument.RepositoryPath(path, nameof(path));
        var tenantId = ClientTenantId();
        var projectId = RequiredProjectId(null, nameof(CodeArtifactClientOptions.ProjectId));

        var request = new ApiRequest
        {
            Operation = "ShowFileTree",
            Method = HttpMethod.Get,
            PathSegments = V5Path(tenantId, projectId, repository, "file-tree"),
            Query = new QueryBuilder().Add("path", relativePath).Add("is_recycle_bin", recycleBin ? true : null).Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.FileTreeDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel(repository, relativePath, Options.ServiceTimeOffset);
    }

    /// <summary>
    /// Describes one file, with its checksums: <c>ListArtifactoryComponent</c>,
    /// <c>GET /cloudartifact/v5/{tenant_id}/{project_id}/{repo_name}/file-detail</c>.
    /// </summary>
    /// <param name="repository">The repository id.</param>
    /// <param name="path">The file, relative to the repository, such as <c>/app/1.0/app.zip</c>.</param>
    /// <param name="format">The repository format: maven2, docker, conan, debian, go, nuget, rpm, pypi, npm, cocoapods, generic (also composer, docker2, ohpm).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<FileDetail> GetFileDetailAsync(string repository, string path, string format, CancellationToken cancellationToken = default)
    {
        Argument.RepositoryId(repository, nameof(repository));
        var relativePath = Argument.RepositoryPath(path, nameof(path));
        var knownFormat = Argument.OneOf(format, nameof(format), KnownValues.FileFormats);
        var tenantId = ClientTenantId();
        var projectId = RequiredProjectId(null, nameof(CodeArtifactClientOptions.ProjectId));

        var request = new ApiRequest
        {
            Operation = "ListArtifactoryComponent",
            Method = HttpMethod.Get,
            PathSegments = V5Path(tenantId, projectId, repository, "file-detail"),
            Query = new QueryBuilder().Add("path", relativePath).Add("format", knownFormat).Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.FileDetailDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel(repository, relativePath, Options.ServiceTimeOffset);
    }

    /// <summary>
    /// Deletes one file of a non-Maven repository (it goes to the recycle bin):
    /// <c>DeleteArtifactFile</c>, <c>DELETE /cloudartifact/v5/file</c> with body
    /// <c>{"path":"&lt;repoId&gt;/&lt;path&gt;"}</c>.
    /// </summary>
    /// <param name="repository">The repository id.</param>
    /// <param name="path">The file, relative to the repository, such as <c>/app/1.0/app.zip</c>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task DeleteFileAsync(string repository, string path, CancellationToken cancellationToken = default)
    {
        Argument.RepositoryId(repository, nameof(repository));
        var relativePath = Argument.RepositoryPath(path, nameof(path));
        if (relativePath.Trim('/').Length == 0)
        {
            throw Argument.Invalid(nameof(path), path, "name a file inside the repository, not its root");
        }

        var request = new ApiRequest
        {
            Operation = "DeleteArtifactFile",
            Method = HttpMethod.Delete,
            PathSegments = V5Path("file"),
            JsonBody = JsonBody(new PathBodyDto { Path = repository + relativePath }, CodeArtifactJsonContext.Default.PathBodyDto),
        };
        await SendIgnoringResultAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
