using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Json;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>Repository association: repositories of a project, and associating repositories (by tab id) with a project.</summary>
internal static class AssociationEndpoints
{
    public static void MapAssociationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cloudartifact/v5/maven/repository/list", ShowProjectList).Operation("ShowProjectList");
        app.MapPost("/cloudartifact/v5/maven/project/repository", CreateProjectRelatedRepositoryAsync).Operation("CreateProjectRelatedRepository");
    }

    private static IResult ShowProjectList(HttpContext http, EmulatorContext emulator, Views views)
    {
        var caller = http.Caller();
        var projectId = Params.Required(http, "project_id");
        if (!caller.BelongsTo(projectId))
        {
            throw EmulatorErrors.NoProjectPermission();
        }

        var result = new JsonArray();
        foreach (var repository in emulator.Repositories.Visible(caller).Where(r => r.ProjectId == projectId))
        {
            result.Add(views.RepositoryListItem(repository));
        }

        return V5.Ok(http, result);
    }

    private static async Task<IResult> CreateProjectRelatedRepositoryAsync(HttpContext http, EmulatorContext emulator)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var caller = http.Caller();
        var projectId = Params.Text(body, "project_id") ?? throw EmulatorErrors.BadParameter("project_id", "a project id is required.");
        if (!caller.BelongsTo(projectId))
        {
            throw EmulatorErrors.NoProjectPermission();
        }

        var ids = Params.TextList(body, "ids");
        if (ids.Count == 0)
        {
            throw EmulatorErrors.BadParameter("ids", "at least one tab id is required.");
        }

        var repositories = emulator.Store.ListRepositories(caller.Tenant.DomainId)
            .Where(r => r.Status == "active" && (ids.Contains(r.TabId ?? string.Empty) || ids.Contains(r.Id)))
            .ToList();
        if (repositories.Count == 0)
        {
            throw EmulatorErrors.RepositoryNotFound(string.Join(",", ids));
        }

        foreach (var repository in repositories)
        {
            emulator.Store.UpdateRepository(repository with { ProjectId = projectId, Modified = emulator.Now });
        }

        return V5.Ok(http, null);
    }
}
