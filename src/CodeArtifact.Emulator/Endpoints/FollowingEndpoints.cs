using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>Following: follow or unfollow artifacts (<c>&lt;repoId&gt;/&lt;path&gt;</c>) and list the followed ones.</summary>
internal static class FollowingEndpoints
{
    public static void MapFollowingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cloudartifact/v5/attention", ModifyAttentionAsync).Operation("ModifyAttention");
        app.MapGet("/cloudartifact/v5/attention/artifacts", ListAttentions).Operation("ListAttentions");
    }

    private static async Task<IResult> ModifyAttentionAsync(HttpContext http, EmulatorContext emulator)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var caller = http.Caller();
        var attention = Params.Text(body, "attention");
        if (attention is not ("0" or "1"))
        {
            throw EmulatorErrors.BadParameter("attention", "\"1\" (follow) or \"0\" (unfollow) is required.");
        }

        var ids = Params.TextList(body, "ids");
        if (ids.Count == 0)
        {
            throw EmulatorErrors.BadParameter("ids", "at least one '<repository id>/<path>' is required.");
        }

        foreach (var id in ids)
        {
            var slash = id.IndexOf('/', StringComparison.Ordinal);
            var repository = emulator.Repositories.Require(caller, slash < 0 ? id : id[..slash]);
            var path = Params.Normalize(slash < 0 ? string.Empty : id[(slash + 1)..], "ids");
            var artifactId = repository.Id + "/" + path;
            emulator.Store.SetAttention(
                new AttentionRecord(Guid.NewGuid().ToString("N"), caller.Tenant.DomainId, caller.User.UserId, caller.User.Name, repository.Id,
                    artifactId, Params.Text(body, "format") ?? repository.Format, emulator.Now),
                follow: attention == "1");
        }

        return V5.Ok(http, null);
    }

    private static IResult ListAttentions(HttpContext http, EmulatorContext emulator)
    {
        var caller = http.Caller();
        var pageNo = Params.Int(http, "page_no", 1, 1, int.MaxValue);
        var pageSize = Params.Int(http, "page_size", 10, 1, 100);
        var projectId = Params.Optional(http, "project_id");
        if (projectId is not null && !caller.BelongsTo(projectId))
        {
            throw EmulatorErrors.NoProjectPermission();
        }

        var repositories = emulator.Repositories.Visible(caller).ToDictionary(r => r.Id, StringComparer.Ordinal);
        IReadOnlyCollection<string>? scope = projectId is null ? null : repositories.Values.Where(r => r.ProjectId == projectId).Select(r => r.Id).ToList();
        var (page, total) = emulator.Store.ListAttention(caller.User.UserId, scope, (pageNo - 1) * pageSize, pageSize);
        var data = new JsonArray();
        foreach (var item in page)
        {
            repositories.TryGetValue(item.RepositoryId, out var repository);
            data.Add(new JsonObject
            {
                ["id"] = item.Id,
                ["domainId"] = item.DomainId,
                ["repositoryId"] = item.RepositoryId,
                ["repositoryName"] = repository?.Name,
                ["format"] = item.Format,
                ["policy"] = repository?.Policy,
                ["artifactId"] = item.ArtifactId,
                ["path"] = item.ArtifactId,
                ["modifiedUserName"] = item.UserName,
                ["modifiedUserId"] = item.UserId,
                ["userId"] = null,
                ["modifiedTime"] = emulator.Times.Plain(item.Modified),
                ["region"] = emulator.Options.Region,
            });
        }

        return V5.Ok(http, new JsonObject
        {
            ["data"] = data,
            ["totalRecords"] = total,
            ["totalPages"] = (total + pageSize - 1) / pageSize,
        });
    }
}
