using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using CodeArtifact.Emulator.Identity;

namespace CodeArtifact.Emulator.Endpoints;

/// <summary>
/// IAM <c>POST /v3/auth/tokens</c> (password method, project or domain scope): 201 with the token
/// in <c>X-Subject-Token</c> and <c>expires_at</c> in the body. The one API without credentials.
/// </summary>
internal static class IamEndpoints
{
    public static void MapIamEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/v3/auth/tokens", CreateTokenAsync).Operation("KeystoneCreateUserTokenByPassword", AuthMode.None, ErrorShape.Iam);

    private static async Task<IResult> CreateTokenAsync(HttpContext http, EmulatorContext emulator)
    {
        JsonNode body;
        try
        {
            body = await Params.BodyAsync(http).ConfigureAwait(false);
        }
        catch (ApiError error)
        {
            throw EmulatorErrors.IamBadRequest(error.Message);
        }

        var identity = body["auth"]?["identity"];
        var methods = Params.TextList(identity, "methods");
        var user = identity?["password"]?["user"];
        var userName = Params.Text(user, "name");
        var password = Params.Text(user, "password");
        var domainName = Params.Text(user?["domain"], "name");
        var domainId = Params.Text(user?["domain"], "id");
        if (!methods.Contains("password") || userName is null || password is null || (domainName is null && domainId is null))
        {
            throw EmulatorErrors.IamBadRequest("auth.identity.methods must contain 'password' and auth.identity.password.user needs name, password and domain.name (or domain.id).");
        }

        var tenant = domainId is not null ? emulator.Identities.FindTenant(domainId) : emulator.Identities.FindTenantByName(domainName!);
        var found = tenant is null ? null : emulator.Identities.FindUser(tenant.DomainId, userName);
        if (tenant is null || found is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(found.Password), Encoding.UTF8.GetBytes(password)))
        {
            throw EmulatorErrors.IamWrongPassword();
        }

        var scope = body["auth"]?["scope"];
        var project = ResolveProject(emulator, tenant, found, scope?["project"]);
        var now = emulator.Now;
        var expires = now + emulator.Options.TokenLifetime;
        var token = emulator.Identities.IssueToken(found.UserId, project?.Id, now, expires);
        var domain = new JsonObject { ["id"] = tenant.DomainId, ["name"] = tenant.DomainName };
        var tokenBody = new JsonObject
        {
            ["expires_at"] = IamTime(expires),
            ["issued_at"] = IamTime(now),
            ["methods"] = new JsonArray("password"),
            ["user"] = new JsonObject { ["id"] = found.UserId, ["name"] = found.Name, ["domain"] = domain.DeepClone(), ["password_expires_at"] = string.Empty },
            ["roles"] = new JsonArray(new JsonObject { ["id"] = "0", ["name"] = "op_service" }),
            ["catalog"] = new JsonArray(),
        };
        if (project is not null)
        {
            tokenBody["project"] = new JsonObject { ["id"] = project.Id, ["name"] = project.Name, ["domain"] = domain.DeepClone() };
        }
        else
        {
            tokenBody["domain"] = domain.DeepClone();
        }

        return new JsonBody(201, new JsonObject { ["token"] = tokenBody }, new Dictionary<string, string> { ["X-Subject-Token"] = token });
    }

    /// <summary>
    /// The project scope may name the region's IAM project (by region name) or one of the user's
    /// projects (by id or name); anything else is the wrong scope.
    /// </summary>
    private static Project? ResolveProject(EmulatorContext emulator, Tenant tenant, User user, JsonNode? scopeProject)
    {
        if (scopeProject is null)
        {
            return null;
        }

        var id = Params.Text(scopeProject, "id");
        var name = Params.Text(scopeProject, "name");
        if (name == emulator.Options.Region || id == RegionProjectId(tenant.DomainId, emulator.Options.Region))
        {
            return new Project(RegionProjectId(tenant.DomainId, emulator.Options.Region), emulator.Options.Region, tenant.DomainId);
        }

        var project = emulator.Identities.ProjectsOf(tenant.DomainId)
            .FirstOrDefault(p => (id is not null && p.Id == id) || (id is null && p.Name == name));
        return project is not null && user.ProjectIds.Contains(project.Id)
            ? project
            : throw EmulatorErrors.IamBadRequest("the scope names a project the user has no access to.");
    }

    /// <summary>A stable 32-character id of the region's IAM project of a tenant.</summary>
    private static string RegionProjectId(string domainId, string region) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(domainId + "/" + region))).ToLowerInvariant();

    private static string IamTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
