using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Operations;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Searching (reference 4.5; the newer advanced-search page wins for SearchArtifacts).
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// Finds files by digest: <c>SearchByChecksum</c>, <c>GET /cloudartifact/v5/search/checksum</c>.
    /// </summary>
    public async Task<IReadOnlyList<ArtifactSearchResult>> SearchByChecksumAsync(ChecksumSearchQuery query, CancellationToken cancellationToken = default)
    {
        Argument.RequiredObject(query, nameof(query), "pass a ChecksumSearchQuery with a Checksum");
        var checksum = Argument.Checksum(query.Checksum, "query.Checksum");
        var pageNumber = Argument.OptionalPageNumber(query.PageNumber, "query.PageNumber");
        var pageSize = Argument.OptionalPageSize(query.PageSize, "query.PageSize");
        var format = Argument.OptionalOneOf(query.Format, "query.Format", KnownValues.RepositoryFormats);
        var projectId = SearchProjectId(query.InProject, query.ProjectId, "query.ProjectId");

        var request = new ApiRequest
        {
            Operation = "SearchByChecksum",
            Method = HttpMethod.Get,
            PathSegments = V5Path("search", "checksum"),
            Query = new QueryBuilder()
                .Add("checksum", checksum)
                .Add("page_no", pageNumber)
                .Add("page_size", pageSize)
                .Add("in_project", query.InProject)
                .Add("project_id", projectId)
                .Add("format", format)
                .Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.ListArtifactSearchResultDto, cancellationToken).ConfigureAwait(false);
        return result.Where(r => r is not null).Select(r => r!.ToModel(Options.ServiceTimeOffset)).ToArray();
    }

    /// <summary>
    /// Finds artifacts by name (advanced, "coordinated" search): <c>SearchArtifacts</c>,
    /// <c>POST /cloudartifact/v5/tree/repos/artifacts</c>.
    /// </summary>
    public async Task<IReadOnlyList<ArtifactSearchResult>> SearchArtifactsAsync(ArtifactSearchQuery query, CancellationToken cancellationToken = default)
    {
        Argument.RequiredObject(query, nameof(query), "pass an ArtifactSearchQuery with a Name");
        var body = new SearchArtifactsBodyDto
        {
            ArtifactName = Argument.Text(query.Name, "query.Name", 200, required: true)!,
            ArtifactType = Argument.OptionalOneOf(query.Format, "query.Format", KnownValues.SearchFormats),
            PageNo = Argument.OptionalPageNumber(query.PageNumber, "query.PageNumber"),
            PageSize = Argument.OptionalPageSize(query.PageSize, "query.PageSize"),
            InProject = query.InProject,
            ProjectId = SearchProjectId(query.InProject, query.ProjectId, "query.ProjectId"),
        };
        var request = new ApiRequest
        {
            Operation = "SearchArtifacts",
            Method = HttpMethod.Post,
            PathSegments = V5Path("tree", "repos", "artifacts"),
            JsonBody = JsonBody(body, CodeArtifactJsonContext.Default.SearchArtifactsBodyDto),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.SearchArtifactsResultDto, cancellationToken).ConfigureAwait(false);
        return (result.Artifacts ?? []).Where(r => r is not null).Select(r => r!.ToModel(Options.ServiceTimeOffset)).ToArray();
    }

    /// <summary>
    /// <c>project_id</c> "is valid only when in_project is true": with in_project it falls back to the
    /// client's project; without it, a project id would be silently ignored, so it is refused.
    /// </summary>
    private string? SearchProjectId(bool? inProject, string? projectId, string name)
    {
        if (inProject == true)
        {
            return OptionalProjectId(projectId, name);
        }

        return projectId is null
            ? null
            : throw Argument.Invalid(name, projectId, "a project id is only used together with InProject = true; set InProject or leave ProjectId out");
    }
}
