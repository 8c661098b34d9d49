using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Json;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>
/// File versions in a project's release repository (ShowProjectReleaseFiles), at
/// <c>/v2/{project_id}/release/files</c>, its <c>/devreposerver</c> form, and the deprecated twin
/// <c>/devreposerver/v2/release/{project_id}/files</c>. No v5 envelope: <c>{"result":{…}}</c>.
/// <c>offset</c> counts records from 0; <c>limit</c> is 1–100.
/// </summary>
internal static partial class ReleaseEndpoints
{
    public static void MapReleaseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v2/{project_id}/release/files", ShowProjectReleaseFiles).Operation("ShowProjectReleaseFiles", shape: ErrorShape.Service);
        app.MapGet("/devreposerver/v2/{project_id}/release/files", ShowProjectReleaseFiles).Operation("ShowProjectReleaseFiles", shape: ErrorShape.Service);
        app.MapGet("/devreposerver/v2/release/{project_id}/files", ShowProjectReleaseFiles).Operation("ShowReleaseProjectFiles", shape: ErrorShape.Service);
    }

    private static IResult ShowProjectReleaseFiles(HttpContext http, EmulatorContext emulator, Views views, string project_id)
    {
        var fileName = Params.Required(http, "file_name", ErrorShape.Service);
        if (!FileNamePattern().IsMatch(fileName))
        {
            throw EmulatorErrors.BadParameter("file_name", "1 to 200 letters, digits, '_', '-' or '.' are allowed.", ErrorShape.Service);
        }

        var limit = Params.Int(http, "limit", 10, 1, 100, ErrorShape.Service);
        var offset = Params.Int(http, "offset", 0, 0, 10_000_000, ErrorShape.Service);
        var (page, total) = emulator.Store.FindReleaseFiles(project_id, fileName, offset, limit);
        var data = new JsonArray();
        foreach (var release in page)
        {
            data.Add(new JsonObject
            {
                ["version"] = release.Version,
                ["path"] = "/" + release.Path,
                ["download_url"] = views.DownloadUri(release.RepositoryId, release.Path),
            });
        }

        return new JsonBody(200, new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["data"] = data,
                ["total_records"] = total,
                ["total_pages"] = (total + limit - 1) / limit,
            },
        });
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_.\-]{1,200}$")]
    private static partial Regex FileNamePattern();
}
