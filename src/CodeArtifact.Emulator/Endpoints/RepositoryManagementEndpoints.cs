using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Domain;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.Emulator.Json;
using CodeArtifact.Emulator.Persistence;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>Repository management: create, edit, view, move to the recycle bin, and Maven info with credentials.</summary>
internal static class RepositoryManagementEndpoints
{
    private static readonly HashSet<string> Types = new(StringComparer.OrdinalIgnoreCase) { "hosted", "remote", "virtual" };

    public static void MapRepositoryManagementEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cloudartifact/v5/maven/repositories", CreateMavenRepoAsync).Operation("CreateMavenRepo");
        app.MapPut("/cloudartifact/v5/repositories/tab/{tab_id}", ModifyRepositoryAsync).Operation("ModifyRepository");
        app.MapGet("/cloudartifact/v5/repositories/{repo_id}", ShowRepositoryInfo).Operation("ShowRepositoryInfo");
        app.MapPost("/cloudartifact/v5/repositories", CreateDockerRepoAsync).Operation("CreateDockerRepo");
        app.MapDelete("/cloudartifact/v5/repositories", DeleteRepositoryAsync).Operation("DeleteRepository");
        app.MapGet("/cloudartifact/v5/maven/info", ShowMavenInfo).Operation("ShowMavenInfo");
        app.MapPost("/cloudartifact/v5/artifact", CreateArtifactoryAsync).Operation("CreateArtifactory");
        app.MapPut("/cloudartifact/v5/artifact", ModifyArtifactoryAsync).Operation("ModifyArtifactory");
    }

    private static async Task<IResult> CreateMavenRepoAsync(HttpContext http, EmulatorContext emulator)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var caller = http.Caller();
        var name = Params.Text(body, "repository_name") ?? Params.Text(body, "release")
            ?? throw EmulatorErrors.BadParameter("repository_name", "a repository name is required.");
        var projectId = ProjectOf(caller, Params.Text(body, "project_id"));
        var (release, snapshot) = emulator.Repositories.CreateMaven(
            caller.Tenant.DomainId, projectId, name, caller.User.UserId, Params.Text(body, "description") ?? string.Empty,
            Params.Text(body, "includes_pattern") ?? "**/*", Params.Text(body, "share_right") ?? "PROJECT");
        return V5.Ok(http, new JsonObject { ["release"] = release.Id, ["snapshot"] = snapshot.Id });
    }

    private static async Task<IResult> ModifyRepositoryAsync(HttpContext http, EmulatorContext emulator, string tab_id)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var caller = http.Caller();
        var repositories = emulator.Repositories.Visible(caller).Where(r => r.TabId == tab_id).ToList();
        if (repositories.Count == 0)
        {
            throw EmulatorErrors.RepositoryNotFound(tab_id);
        }

        var projectText = Params.Text(body, "project_id");
        var projectId = projectText is null ? null : ProjectOf(caller, projectText);
        foreach (var repository in repositories)
        {
            emulator.Store.UpdateRepository(repository with
            {
                Name = Params.Text(body, "repo_name") ?? Params.Text(body, repository.Policy ?? "release") ?? repository.Name,
                Description = Params.Text(body, "description") ?? repository.Description,
                IncludesPattern = Params.Text(body, "includes_pattern") ?? repository.IncludesPattern,
                ProjectId = projectId ?? repository.ProjectId,
                Modified = emulator.Now,
            });
        }

        return V5.Ok(http, new JsonObject
        {
            ["release"] = repositories.FirstOrDefault(r => r.Policy != "snapshot")?.Id,
            ["snapshot"] = repositories.FirstOrDefault(r => r.Policy == "snapshot")?.Id,
        });
    }

    private static IResult ShowRepositoryInfo(HttpContext http, EmulatorContext emulator, Views views, string repo_id)
    {
        var repository = emulator.Repositories.Require(http.Caller(), repo_id);
        return V5.Ok(http, views.RepositoryVo(repository));
    }

    private static async Task<IResult> CreateDockerRepoAsync(HttpContext http, EmulatorContext emulator)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var caller = http.Caller();
        var format = Params.Text(body, "format") ?? throw EmulatorErrors.BadParameter("format", "docker is required.");
        if (format is not ("docker" or "docker2"))
        {
            throw EmulatorErrors.BadParameter("format", "docker is allowed.");
        }

        var displayName = Params.Text(body, "display_name") ?? throw EmulatorErrors.BadParameter("display_name", "a display name is required.");
        emulator.Repositories.Create(
            caller.Tenant.DomainId, null, format, displayName, caller.User.UserId, Type(Params.Text(body, "type")),
            description: Params.Text(body, "description") ?? string.Empty, displayName: displayName);
        return V5.Ok(http, "success");
    }

    private static async Task<IResult> DeleteRepositoryAsync(HttpContext http, EmulatorContext emulator)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var caller = http.Caller();
        var ids = Params.TextList(body, "repository_ids");
        if (ids.Count == 0)
        {
            throw EmulatorErrors.BadParameter("repository_ids", "at least one repository id is required.");
        }

        var repositories = ids.Select(id => emulator.Repositories.Require(caller, id)).ToList();
        foreach (var repository in repositories)
        {
            emulator.Store.UpdateRepository(repository with { Status = "trash", Modified = emulator.Now });
        }

        return V5.Ok(http, null);
    }

    private static IResult ShowMavenInfo(HttpContext http, EmulatorContext emulator, Views views)
    {
        var caller = http.Caller();
        var projectId = Params.Optional(http, "project_id");
        if (projectId is not null && !caller.BelongsTo(projectId))
        {
            throw EmulatorErrors.NoProjectPermission();
        }

        var policy = Params.Optional(http, "policy") switch
        {
            null => null,
            "release" or "releases" => "release",
            "snapshot" => "snapshot",
            var other => throw EmulatorErrors.BadParameter("policy", $"release, releases or snapshot is allowed, got '{other}'."),
        };
        var access = Params.Optional(http, "access") ?? "r";
        if (access is not ("r" or "rw"))
        {
            throw EmulatorErrors.BadParameter("access", $"r or rw is allowed, got '{access}'.");
        }

        var defaultOnly = Params.Optional(http, "default") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw EmulatorErrors.BadParameter("default", $"true or false is allowed, got '{other}'."),
        };
        var ids = (Params.Optional(http, "ids") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Sum(i => i.Length + 1) > 513)
        {
            throw EmulatorErrors.BadParameter("ids", "at most 512 characters are allowed.");
        }

        var username = caller.User.RepositoryUserName;
        var password = emulator.Identities.RepositoryPassword(caller.User.UserId);
        var result = new JsonArray();
        foreach (var repository in emulator.Repositories.Visible(caller))
        {
            if (!repository.IsMaven
                || (projectId is not null && repository.ProjectId != projectId)
                || (policy is not null && repository.Policy != policy)
                || (defaultOnly && !repository.IsDefault)
                || (ids.Length > 0 && !ids.Contains(repository.Id, StringComparer.Ordinal))
                || (access == "rw" && repository.Type == "virtual"))
            {
                continue;
            }

            result.Add(views.RepositoryVo(repository, username, password));
        }

        return V5.Ok(http, result);
    }

    private static async Task<IResult> CreateArtifactoryAsync(HttpContext http, EmulatorContext emulator, Views views)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var caller = http.Caller();
        var format = Params.Text(body, "format") ?? throw EmulatorErrors.BadParameter("format", "a repository format is required.");
        if (!RepositoryCatalog.Formats.Contains(format) || format is "maven2" or "maven")
        {
            throw EmulatorErrors.BadParameter("format", $"a non-Maven repository format is required, got '{format}'.");
        }

        var name = Params.Text(body, "repository_name") ?? throw EmulatorErrors.BadParameter("repository_name", "a repository name is required.");
        var includes = Params.Text(body, "includes_pattern") ?? throw EmulatorErrors.BadParameter("includes_pattern", "a path whitelist such as **/* is required.");
        var repository = emulator.Repositories.Create(
            caller.Tenant.DomainId, ProjectOf(caller, Params.Text(body, "project_id")), format, name, caller.User.UserId,
            Type(Params.Text(body, "type")), description: Params.Text(body, "description") ?? string.Empty, includesPattern: includes,
            shareRight: Params.Text(body, "share_right") ?? "PROJECT");
        return V5.Ok(http, new JsonObject { ["artifactory"] = views.RepositoryVo(repository) });
    }

    private static async Task<IResult> ModifyArtifactoryAsync(HttpContext http, EmulatorContext emulator)
    {
        var body = await Params.BodyAsync(http).ConfigureAwait(false);
        var caller = http.Caller();
        var ids = Params.TextList(body, "repository_ids");
        if (ids.Count == 0)
        {
            throw EmulatorErrors.BadParameter("repository_ids", "at least one repository id is required.");
        }

        foreach (var repository in ids.Select(id => emulator.Repositories.Require(caller, id)).ToList())
        {
            var anonymous = Params.Text(body, "allow_anonymous");
            emulator.Store.UpdateRepository(repository with
            {
                Name = Params.Text(body, "repo_name") ?? repository.Name,
                Description = Params.Text(body, "description") ?? repository.Description,
                IncludesPattern = Params.Text(body, "includes_pattern") ?? repository.IncludesPattern,
                DeploymentPolicy = Params.Text(body, "deployment_policy") ?? repository.DeploymentPolicy,
                AllowAnonymous = anonymous is null ? repository.AllowAnonymous : anonymous == "true",
                Modified = emulator.Now,
            });
        }

        return V5.Ok(http, null);
    }

    /// <summary>The project a new repository goes to: the given one when the caller belongs to it (else CR.4102).</summary>
    private static string? ProjectOf(Caller caller, string? projectId) =>
        projectId is null || caller.BelongsTo(projectId) ? projectId : throw EmulatorErrors.NoProjectPermission();

    private static string Type(string? type) =>
        type is null ? "hosted"
        : Types.Contains(type) ? type.ToLowerInvariant()
        : throw EmulatorErrors.BadParameter("type", $"hosted, remote or virtual is allowed, got '{type}'.");
}
