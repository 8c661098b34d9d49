using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.Emulator.Json;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>Repository capacity: how much the tenant's (or the caller's projects') repositories hold.</summary>
internal static class CapacityEndpoints
{
    public static void MapCapacityEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/cloudartifact/v5/storage", ShowStorage).Operation("ShowStorage");

    private static IResult ShowStorage(HttpContext http, EmulatorContext emulator)
    {
        var caller = http.Caller();
        var repositories = Filter(emulator.Repositories.Visible(caller), caller, Params.Optional(http, "format_list"), Params.Optional(http, "in_project"));
        var (count, bytes) = emulator.Store.Usage(repositories.Select(r => r.Id).ToList());
        return V5.Ok(http, new JsonObject
        {
            ["totalStorage"] = Sizes.Megabytes(bytes),
            ["totalCount"] = count,
        });
    }

    /// <summary>Keeps the repositories of the listed formats; <c>in_project=true</c> keeps those in one of the caller's projects.</summary>
    internal static IReadOnlyList<RepositoryRecord> Filter(IEnumerable<RepositoryRecord> repositories, Caller caller, string? formatList, string? inProject)
    {
        var formats = formatList?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return repositories
            .Where(r => formats is not { Length: > 0 } || formats.Contains(r.Format) || (r.Format == "maven2" && formats.Contains("maven")))
            .Where(r => inProject != "true" || (r.ProjectId is not null && caller.BelongsTo(r.ProjectId)))
            .ToList();
    }
}
