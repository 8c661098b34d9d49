using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Http;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>User management: resetting the caller's repository password (what Maven info returns).</summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/cloudartifact/v5/maven/users/me", ResetUserPassword).Operation("ResetUserPassword");

    private static IResult ResetUserPassword(HttpContext http, EmulatorContext emulator)
    {
        var caller = http.Caller();
        emulator.Identities.ResetRepositoryPassword(caller.User.UserId);
        var now = emulator.Times.Plain(emulator.Now);
        return V5.Ok(http, new JsonObject
        {
            ["status"] = 0,
            ["domainId"] = caller.Tenant.DomainId,
            ["region"] = emulator.Options.Region,
            ["createdTime"] = now,
            ["modifiedTime"] = now,
            ["id"] = Math.Abs(StableHash(caller.User.UserId)),
            ["userId"] = caller.User.UserId,
            ["userName"] = caller.User.Name,
            ["userType"] = "personal",
            ["repoUserName"] = $"{caller.Tenant.DomainId}_{caller.User.UserId}",
            ["repoNumber"] = emulator.Repositories.Visible(caller).Count,
            ["innerRepoUserName"] = caller.User.RepositoryUserName,
        });
    }

    private static long StableHash(string value)
    {
        long hash = 1125899906842597L;
        foreach (var c in value)
        {
            hash = (31 * hash) + c;
        }

        return hash % 10_000_000_000L;
    }
}
