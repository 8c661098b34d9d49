using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Operations;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Following (reference 4.9). ListAttentions is printed with "/clouddatartifact/" in its URI line;
// every official SDK sends "/cloudartifact/v5/attention/artifacts", so that is a doc typo.
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// Follows components: <c>CreateAttention</c> with <c>attention = "1"</c>, <c>POST /cloudartifact/v5/attention</c>.
    /// </summary>
    /// <param name="ids">Component ids, <c>&lt;repoId&gt;/&lt;path&gt;</c>.</param>
    /// <param name="format">The components' format, optional.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public Task FollowAsync(IReadOnlyList<string> ids, string? format = null, CancellationToken cancellationToken = default) =>
        SetAttentionAsync("1", ids, format, cancellationToken);

    /// <summary>
    /// Stops following components: <c>CreateAttention</c> with <c>attention = "0"</c>, <c>POST /cloudartifact/v5/attention</c>.
    /// </summary>
    /// <param name="ids">Component ids, <c>&lt;repoId&gt;/&lt;path&gt;</c>.</param>
    /// <param name="format">The components' format, optional.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public Task UnfollowAsync(IReadOnlyList<string> ids, string? format = null, CancellationToken cancellationToken = default) =>
        SetAttentionAsync("0", ids, format, cancellationToken);

    /// <summary>
    /// The components the caller follows: <c>ListAttentions</c>, <c>GET /cloudartifact/v5/attention/artifacts</c>.
    /// </summary>
    /// <param name="pageNumber">From 1; the service's default when null.</param>
    /// <param name="pageSize">1–100; the service's default when null.</param>
    /// <param name="projectId">A project to limit the list to; the client's project when null.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<FollowedArtifactPage> ListFollowedArtifactsAsync(int? pageNumber = null, int? pageSize = null, string? projectId = null, CancellationToken cancellationToken = default)
    {
        Argument.OptionalPageNumber(pageNumber, nameof(pageNumber));
        Argument.OptionalPageSize(pageSize, nameof(pageSize));
        var project = OptionalProjectId(projectId, nameof(projectId));
        var request = new ApiRequest
        {
            Operation = "ListAttentions",
            Method = HttpMethod.Get,
            PathSegments = V5Path("attention", "artifacts"),
            Query = new QueryBuilder()
                .Add("page_size", pageSize)
                .Add("page_no", pageNumber)
                .Add("project_id", project)
                .Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.FollowedPageDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel(Options.ServiceTimeOffset);
    }

    private async Task SetAttentionAsync(string attention, IReadOnlyList<string> ids, string? format, CancellationToken cancellationToken)
    {
        Argument.NotEmpty(ids, nameof(ids), "component id");
        var checkedIds = ids.Select((id, i) => Argument.PathText(id, $"{nameof(ids)}[{i}]")).ToArray();
        var body = new AttentionBodyDto
        {
            Attention = attention,
            Ids = checkedIds,
            Format = Argument.OptionalOneOf(format, nameof(format), KnownValues.RepositoryFormats),
        };
        var request = new ApiRequest
        {
            Operation = "CreateAttention",
            Method = HttpMethod.Post,
            PathSegments = V5Path("attention"),
            JsonBody = JsonBody(body, CodeArtifactJsonContext.Default.AttentionBodyDto),
        };
        await SendIgnoringResultAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
