using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Json;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>File management: folder tree, file detail, non-Maven file deletion.</summary>
internal static class FileEndpoints
{
    public static void MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cloudartifact/v5/{tenant_id}/{project_id}/{repo_name}/file-tree", ShowFileTree).Operation("ShowFileTree");
        app.MapGet("/cloudartifact/v5/{tenant_id}/{project_id}/{repo_name}/file-detail", ListArtifactoryComponent).Operation("ListArtifactoryComponent");
        app.MapDelete("/cloudartifact/v5/file", DeleteArtifactFileAsync).Operation("DeleteArtifactFile");
    }

    private static IResult ShowFileTree(HttpContext http, EmulatorContext emulator, Views views, string repo_name)
    {
        var path = Params.RepositoryPath(http);
        var recycleBin = Params.Bool(http, "is_recycle_bin") ?? false;
        var repository = emulator.Repositories.Require(http.Caller(), repo_name);

        var children = new JsonArray();
        DateTimeOffset created;
        if (recycleBin)
        {
            created = repository.Created;
            foreach (var entry in TrashChildren(emulator.Store.ListTrashed(repository.Id, path), path))
            {
                children.Add(Child(emulator, repository.Id, entry, views.TrashUri(repository.Id, entry.Path)));
            }
        }
        else
        {
            if (path.Length == 0)
            {
                created = repository.Created;
            }
            else if (emulator.Store.GetFolder(repository.Id, path) is { } folder)
            {
                created = folder.Created;
            }
            else if (emulator.Store.GetActiveFile(repository.Id, path) is { } file)
            {
                created = file.Created;
            }
            else
            {
                throw EmulatorErrors.FileNotFound(repository.Id, "/" + path);
            }

            foreach (var entry in emulator.Store.ListChildren(repository.Id, path))
            {
                children.Add(Child(emulator, repository.Id, entry, views.StorageUri(repository.Id, entry.Path)));
            }
        }

        return V5.Ok(http, new JsonObject
        {
            ["children"] = children,
            ["uploadAccess"] = !recycleBin,
            ["total"] = children.Count,
            ["uri"] = "/" + repository.Id + (path.Length == 0 ? string.Empty : "/" + path),
            ["created"] = emulator.Times.Iso(created),
        });
    }

    private static IResult ListArtifactoryComponent(HttpContext http, EmulatorContext emulator, Views views, string repo_name)
    {
        var path = Params.RepositoryPath(http);
        Params.Format(http);
        var caller = http.Caller();
        var repository = emulator.Repositories.Require(caller, repo_name);
        var file = emulator.Store.GetActiveFile(repository.Id, path) ?? throw EmulatorErrors.FileNotFound(repository.Id, "/" + path);
        var followed = emulator.Store.IsFollowed(caller.User.UserId, repository.Id + "/" + path);
        return V5.Ok(http, views.FileDetail(repository, file, followed));
    }

    private static async Task<IResult> DeleteArtifactFileAsync(HttpContext http, EmulatorContext emulator)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var full = Params.Text(body, "path") ?? throw EmulatorErrors.BadParameter("path", "'<repository id>/<path>' is required.");
        var normalized = Params.Normalize(full, "path");
        var slash = normalized.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw EmulatorErrors.BadParameter("path", "'<repository id>/<path>' with a path inside the repository is required.");
        }

        var repository = emulator.Repositories.Require(http.Caller(), normalized[..slash]);
        if (repository.IsMaven)
        {
            throw EmulatorErrors.MavenFileDeletion(repository.Id);
        }

        var path = normalized[(slash + 1)..];
        return emulator.Files.Delete(repository, path, http.Actor())
            ? V5.Ok(http, "delete file success!")
            : throw EmulatorErrors.FileNotFound(repository.Id, "/" + path);
    }

    private static JsonObject Child(EmulatorContext emulator, string repositoryId, TreeEntry entry, string uri) => new()
    {
        ["name"] = entry.Name,
        ["uri"] = uri,
        ["path"] = repositoryId + "/" + entry.Path,
        ["modified"] = emulator.Times.Plain(entry.Modified),
        ["folder"] = entry.IsFolder,
        ["display_size"] = entry.Size is { } size ? Sizes.Display(size) : null,
        ["modified_by"] = entry.ModifiedBy,

        // The documented example sends has_child as a string.
        ["has_child"] = entry.HasChild ? "true" : "false",
    };

    /// <summary>The recycle bin as a tree: the direct children of <paramref name="folder"/> among the trashed files.</summary>
    private static IEnumerable<TreeEntry> TrashChildren(IReadOnlyList<FileRecord> trashed, string folder)
    {
        var prefixLength = folder.Length == 0 ? 0 : folder.Length + 1;
        return trashed
            .Where(f => f.Path.Length > prefixLength)
            .GroupBy(f =>
            {
                var rest = f.Path[prefixLength..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                return slash < 0 ? rest : rest[..slash];
            }, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var childPath = prefixLength == 0 ? g.Key : folder + "/" + g.Key;
                var isFolder = g.Any(f => f.Path != childPath);
                var latest = g.MaxBy(f => f.TrashedAt)!;
                return new TreeEntry(childPath, isFolder, latest.TrashedAt ?? latest.Modified, latest.ModifiedBy, isFolder, isFolder ? null : latest.Size);
            });
    }
}
