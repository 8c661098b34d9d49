using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.Emulator.Json;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>
/// Search by checksum (MD5, SHA-1, SHA-256 or SHA-512, told apart by length; hits spell
/// <c>oldRepoid</c>) and advanced search by artifact name (hits spell <c>oldRepoId</c>).
/// </summary>
internal static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cloudartifact/v5/search/checksum", SearchByChecksum).Operation("SearchByChecksum");
        app.MapPost("/cloudartifact/v5/tree/repos/artifacts", SearchArtifactsAsync).Operation("SearchArtifacts");
    }

    private static IResult SearchByChecksum(HttpContext http, EmulatorContext emulator, Views views)
    {
        var checksum = Params.Required(http, "checksum");
        if (checksum.Length is not (32 or 40 or 64 or 128) || !checksum.All(char.IsAsciiHexDigit))
        {
            throw EmulatorErrors.BadParameter("checksum", "a hex MD5, SHA-1, SHA-256 or SHA-512 digest is allowed.");
        }

        var pageNo = Params.Int(http, "page_no", 1, 1, int.MaxValue);
        var pageSize = Params.Int(http, "page_size", 10, 1, 100);
        var repositories = Scope(emulator, http.Caller(), Params.Optional(http, "format"), Params.Optional(http, "in_project"), Params.Optional(http, "project_id"));
        var hits = emulator.Store.FindByChecksum(repositories.Keys, checksum);
        var result = new JsonArray();
        foreach (var file in hits.Skip((pageNo - 1) * pageSize).Take(pageSize))
        {
            result.Add(views.SearchHit(repositories[file.RepositoryId], file, "oldRepoid"));
        }

        return V5.Ok(http, result);
    }

    private static async Task<IResult> SearchArtifactsAsync(HttpContext http, EmulatorContext emulator, Views views)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var name = Params.Text(body, "artifact_name");
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            throw EmulatorErrors.BadParameter("artifact_name", "1 to 200 characters are required.");
        }

        var pageNo = Params.BodyInt(body, "page_no", 1, 1, int.MaxValue);
        var pageSize = Params.BodyInt(body, "page_size", 10, 1, 100);
        var repositories = Scope(emulator, http.Caller(), Params.Text(body, "artifact_type"), Params.Text(body, "in_project"), Params.Text(body, "project_id"));
        var artifacts = new JsonArray();
        foreach (var file in emulator.Store.FindByName(repositories.Keys, name).Skip((pageNo - 1) * pageSize).Take(pageSize))
        {
            artifacts.Add(views.SearchHit(repositories[file.RepositoryId], file, "oldRepoId"));
        }

        return V5.Ok(http, new JsonObject { ["artifacts"] = artifacts });
    }

    /// <summary>
    /// The repositories a search covers: with <c>in_project=true</c> those of the given project
    /// (CR.4102 when the caller is not a member) or, without one, those outside any project; else
    /// every repository the caller can use.
    /// </summary>
    private static Dictionary<string, RepositoryRecord> Scope(EmulatorContext emulator, Caller caller, string? format, string? inProject, string? projectId)
    {
        if (projectId is not null && !caller.BelongsTo(projectId))
        {
            throw EmulatorErrors.NoProjectPermission();
        }

        if (format is not null && !Domain.RepositoryCatalog.Formats.Contains(format))
        {
            throw EmulatorErrors.BadParameter("format", $"a repository format is allowed, got '{format}'.");
        }

        return emulator.Repositories.Visible(caller)
            .Where(r => format is null || r.Format == format)
            .Where(r => inProject != "true" || r.ProjectId == projectId)
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
    }
}
