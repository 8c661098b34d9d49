using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Operations;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Maven repositories and their accounts (reference 4.2.6).
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// Lists Maven repositories with the account and password to use them (also across tenants):
    /// <c>ShowMavenInfo</c>, <c>GET /cloudartifact/v5/maven/info</c>.
    /// </summary>
    /// <param name="query">Filters; the project falls back to the client's <see cref="CodeArtifactClientOptions.ProjectId"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<IReadOnlyList<MavenRepositoryInfo>> GetMavenInfoAsync(MavenInfoQuery query, CancellationToken cancellationToken = default)
    {
        Argument.RequiredObject(query, nameof(query), "pass a MavenInfoQuery (every filter in it is optional)");
        var projectId = OptionalProjectId(query.ProjectId, "query.ProjectId");

        // The seed example sends "release"; the SDK text says "releases". We send the seed's spelling.
        var policy = Argument.OptionalOneOf(query.Policy, "query.Policy", KnownValues.MavenPolicies) is { } p
            ? Json.Converters.MavenPolicyConverter.Normalize(p)
            : null;
        var access = Argument.OptionalOneOf(query.Access, "query.Access", KnownValues.MavenAccess);
        var ids = Argument.JoinedRepositoryIds(query.Ids, "query.Ids");

        var request = new ApiRequest
        {
            Operation = "ShowMavenInfo",
            Method = HttpMethod.Get,
            PathSegments = V5Path("maven", "info"),
            Query = new QueryBuilder()
                .Add("project_id", projectId)
                .Add("policy", policy)
                .Add("access", access)
                .Add("default", query.Default)
                .Add("ids", ids)
                .Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.ListRepositoryBuildDto, cancellationToken).ConfigureAwait(false);
        return result.Where(r => r is not null).Select(r => r!.ToMavenModel(Options.ServiceTimeOffset)).ToArray();
    }
}
