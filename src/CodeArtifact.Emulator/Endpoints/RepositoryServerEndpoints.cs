using System.Globalization;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Domain;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Json;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>
/// The repository server behind the repository URLs: <c>PUT</c> uploads (the body is streamed
/// once while MD5, SHA-1, SHA-256 and SHA-512 are computed), <c>GET</c>/<c>HEAD</c> downloads, and
/// the storage info at <c>/artgalaxy/api/storage/{repo}/{path}</c>. Basic auth with the
/// repository user, AK/SK or a token. A download serves what <see cref="RepositoryContent"/>
/// decides: stored files, generated <c>maven-metadata.xml</c>, and checksum files of both.
/// </summary>
internal static class RepositoryServerEndpoints
{
    public static void MapRepositoryServerEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/artgalaxy/{repo_id}/{**path}", "/artgalaxy/api/{format}/{repo_id}/{**path}" })
        {
            app.MapPut(prefix, UploadAsync).Operation("UploadFile", AuthMode.Repository, ErrorShape.Repository);
            app.MapMethods(prefix, ["GET", "HEAD"], DownloadAsync).Operation("DownloadFile", AuthMode.Repository, ErrorShape.Repository);
        }

        app.MapGet("/artgalaxy/api/storage/{repo_id}/{**path}", StorageInfo).Operation("StorageInfo", AuthMode.Repository, ErrorShape.Repository);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, EmulatorContext emulator, Views views, string repo_id, string? path)
    {
        var repository = Repository(http, emulator, repo_id);
        if (!RepoPath.TryNormalize(path, out var normalized) || normalized.Length == 0)
        {
            throw new ApiError(400, "400", "A file path inside the repository is required, without '.' or '..' segments.", ErrorShape.Repository);
        }

        if (emulator.Store.GetFolder(repository.Id, normalized) is not null)
        {
            throw new ApiError(409, "409", $"'/{normalized}' is a folder.", ErrorShape.Repository);
        }

        var file = await emulator.Files.UploadAsync(repository, normalized, http.Request.Body, http.Actor(), http.RequestAborted).ConfigureAwait(false);
        return new JsonBody(201, new JsonObject
        {
            ["repo"] = repository.Id,
            ["path"] = "/" + file.Path,
            ["created"] = emulator.Times.Iso(file.Created),
            ["createdBy"] = file.CreatedBy,
            ["downloadUri"] = views.DownloadUri(repository.Id, file.Path),
            ["mimeType"] = "application/octet-stream",
            ["size"] = file.Size.ToString(CultureInfo.InvariantCulture),
            ["checksums"] = new JsonObject
            {
                ["sha1"] = file.Checksums.Sha1,
                ["md5"] = file.Checksums.Md5,
                ["sha256"] = file.Checksums.Sha256,
                ["sha512"] = file.Checksums.Sha512,
            },
            ["originalChecksums"] = new JsonObject(),
            ["uri"] = views.StorageUri(repository.Id, file.Path),
        });
    }

    private static async Task DownloadAsync(HttpContext http, EmulatorContext emulator, string repo_id, string? path)
    {
        var repository = Repository(http, emulator, repo_id);
        var served = RepoPath.TryNormalize(path, out var normalized) ? new RepositoryContent(emulator).Resolve(repository, normalized) : null;
        var body = served?.OpenRead(emulator.Blobs);
        if (served is null || body is null)
        {
            throw EmulatorErrors.RepositoryItemNotFound();
        }

        await using (body.ConfigureAwait(false))
        {
            var response = http.Response;
            response.ContentType = served.ContentType;
            response.ContentLength = served.Size;
            response.Headers["X-Checksum-Md5"] = served.Checksums.Md5;
            response.Headers["X-Checksum-Sha1"] = served.Checksums.Sha1;
            response.Headers["X-Checksum-Sha256"] = served.Checksums.Sha256;
            response.Headers.ETag = "\"" + served.Checksums.Sha1 + "\"";
            response.Headers.LastModified = served.Modified.ToString("R", CultureInfo.InvariantCulture);
            if (HttpMethods.IsHead(http.Request.Method))
            {
                return;
            }

            if (served.Stored is { } file)
            {
                emulator.Store.RecordDownload(file.Id, emulator.Now, http.Caller().User.Name);
            }

            await body.CopyToAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static IResult StorageInfo(HttpContext http, EmulatorContext emulator, Views views, string repo_id, string? path)
    {
        var repository = Repository(http, emulator, repo_id);
        var file = RepoPath.TryNormalize(path, out var normalized) ? emulator.Store.GetActiveFile(repository.Id, normalized) : null;
        return file is null
            ? throw EmulatorErrors.RepositoryItemNotFound()
            : new JsonBody(200, views.FileDetail(repository, file, followed: false));
    }

    private static RepositoryRecord Repository(HttpContext http, EmulatorContext emulator, string repositoryId)
    {
        var repository = emulator.Repositories.FindActive(repositoryId) ?? throw EmulatorErrors.RepositoryItemNotFound();
        return RepositoryCatalog.CanAccess(http.Caller(), repository) ? repository : throw EmulatorErrors.RepositoryForbidden();
    }
}
