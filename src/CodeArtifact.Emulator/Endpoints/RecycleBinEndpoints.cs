using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Domain;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>
/// The recycle bin: <c>PUT /trashes</c> restores, <c>DELETE /trashes</c> deletes for good. Items
/// are <c>{id, format, uri, status}</c> with <c>uri</c> = <c>&lt;repoId&gt;/</c> (whole repository)
/// or <c>&lt;repoId&gt;/&lt;path&gt;</c>; DELETE also takes the old spelling <c>fomat</c>. The answer is
/// <c>{successNum, failedNum, failedMessages}</c>.
/// </summary>
internal static class RecycleBinEndpoints
{
    private static readonly HashSet<string> Statuses = new(StringComparer.Ordinal) { "active", "trash", "delete" };

    public static void MapRecycleBinEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/cloudartifact/v5/trashes", RestoreAsync).Operation("BatchRestoreRepo");
        app.MapDelete("/cloudartifact/v5/trashes", DeleteAsync).Operation("BatchDeleteTrashes");
    }

    private static Task<IResult> RestoreAsync(HttpContext http, EmulatorContext emulator) =>
        RunAsync(http, emulator, restore: true);

    private static Task<IResult> DeleteAsync(HttpContext http, EmulatorContext emulator) =>
        RunAsync(http, emulator, restore: false);

    private static async Task<IResult> RunAsync(HttpContext http, EmulatorContext emulator, bool restore)
    {
        var items = await ReadItemsAsync(http, emulator).ConfigureAwait(false);
        var actor = http.Actor();
        var success = 0;
        var failures = new JsonArray();
        foreach (var item in items)
        {
            var message = item.Problem ?? (restore ? Restore(emulator, item, actor) : Purge(emulator, item, actor));
            if (message is null)
            {
                success++;
            }
            else
            {
                failures.Add(message);
            }
        }

        return V5.Ok(http, new JsonObject
        {
            ["successNum"] = success,
            ["failedNum"] = failures.Count,
            ["failedMessages"] = failures,
        });
    }

    private static string? Restore(EmulatorContext emulator, Item item, Actor actor)
    {
        var repository = item.Repository!;
        var restoredRepository = false;
        if (item.Path.Length == 0 && repository.Status == "trash")
        {
            repository = repository with { Status = "active", Modified = emulator.Now };
            emulator.Store.UpdateRepository(repository);
            restoredRepository = true;
        }

        var restored = emulator.Files.Restore(repository, item.Path, actor);
        return restored > 0 || restoredRepository ? null : $"{item.Uri}: nothing to restore in the recycle bin.";
    }

    private static string? Purge(EmulatorContext emulator, Item item, Actor actor)
    {
        var repository = item.Repository!;
        if (item.Path.Length == 0 && repository.Status == "trash")
        {
            foreach (var key in emulator.Store.DeleteRepository(repository.Id))
            {
                emulator.Blobs.Delete(key);
            }

            return null;
        }

        var purged = emulator.Files.Purge(repository, item.Path, actor);
        return purged > 0 || item.Path.Length == 0 ? null : $"{item.Uri}: nothing to delete in the recycle bin.";
    }

    private sealed record Item(string Uri, RepositoryRecord? Repository, string Path, string? Problem);

    /// <summary>Reads and checks every item first, so that a forbidden item stops the request before any change.</summary>
    private static async Task<IReadOnlyList<Item>> ReadItemsAsync(HttpContext http, EmulatorContext emulator)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        if (body is not JsonArray array || array.Count == 0)
        {
            throw EmulatorErrors.BadBody("a non-empty JSON array of {id, format, uri, status} is required.");
        }

        var caller = http.Caller();
        var items = new List<Item>();
        foreach (var node in array)
        {
            var id = Params.Text(node, "id");
            var format = Params.Text(node, "format") ?? Params.Text(node, "fomat");
            var uri = Params.Text(node, "uri") ?? throw EmulatorErrors.BadParameter("uri", "'<repository id>/' or '<repository id>/<path>' is required in every item.");
            var status = Params.Text(node, "status");
            if (status is not null && !Statuses.Contains(status))
            {
                throw EmulatorErrors.BadParameter("status", "active, trash or delete is allowed.");
            }

            if (format is not null && !RepositoryCatalog.Formats.Contains(format))
            {
                throw EmulatorErrors.BadParameter("format", $"a repository format is required, got '{format}'.");
            }

            var slash = uri.IndexOf('/', StringComparison.Ordinal);
            var repositoryId = slash < 0 ? uri : uri[..slash];
            if (!RepoPath.TryNormalize(slash < 0 ? string.Empty : uri[(slash + 1)..], out var path))
            {
                throw EmulatorErrors.BadParameter("uri", "a path without '.' or '..' segments is required.");
            }

            var repository = emulator.Store.GetRepository(repositoryId);
            if (repository is not null && !RepositoryCatalog.CanAccess(caller, repository))
            {
                throw EmulatorErrors.NoProjectPermission();
            }

            var problem = repository is null ? $"{uri}: repository '{repositoryId}' does not exist."
                : id is not null && id != repositoryId ? $"{uri}: the uri is not in repository '{id}'."
                : null;
            items.Add(new Item(uri, repository, path, problem));
        }

        return items;
    }
}
