using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Operations;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Repository association (reference 4.3).
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// Lists the repositories associated with a project: <c>ShowProjectList</c>,
    /// <c>GET /cloudartifact/v5/maven/repository/list</c>.
    /// </summary>
    /// <param name="projectId">The project; the client's project when null.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<IReadOnlyList<RepositorySummary>> ListProjectRepositoriesAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        var project = RequiredProjectId(projectId, nameof(projectId));
        var request = new ApiRequest
        {
            Operation = "ShowProjectList",
            Method = HttpMethod.Get,
            PathSegments = V5Path("maven", "repository", "list"),
            Query = new QueryBuilder().Add("project_id", project).Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.ListRepositorySummaryDto, cancellationToken).ConfigureAwait(false);
        return result.Where(r => r is not null).Select(r => r!.ToModel(Options.ServiceTimeOffset)).ToArray();
    }

    /// <summary>
    /// Associates repositories with a project: <c>CreateProjectRelatedRepository</c>,
    /// <c>POST /cloudartifact/v5/maven/project/repository</c>.
    /// </summary>
    /// <param name="projectId">The project; the client's project when null.</param>
    /// <param name="tabIds">The repositories' tab ids (see <see cref="RepositoryRecord.TabId"/>), at least one.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task AssociateRepositoriesWithProjectAsync(string? projectId, IReadOnlyList<string> tabIds, CancellationToken cancellationToken = default)
    {
        var project = RequiredProjectId(projectId, nameof(projectId));
        Argument.NotEmpty(tabIds, nameof(tabIds), "tab id");
        var ids = tabIds.Select((id, i) => Argument.Identifier(id, $"{nameof(tabIds)}[{i}]", "a tab id such as <domainId>_tab_maven2_23")).ToArray();
        var request = new ApiRequest
        {
            Operation = "CreateProjectRelatedRepository",
            Method = HttpMethod.Post,
            PathSegments = V5Path("maven", "project", "repository"),
            JsonBody = JsonBody(new ProjectRepositoryBodyDto { ProjectId = project, Ids = ids }, CodeArtifactJsonContext.Default.ProjectRepositoryBodyDto),
        };
        await SendIgnoringResultAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
