using System.Globalization;
using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Operations;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Repository management (reference 4.2) and repository details (4.7.1, 4.7.2).
// The reference prints several example URLs and two URI lines with "clouddatartifact" /
// "clouddartifact"; every official SDK (Go, Java, .NET, Python, PHP, Node) sends "/cloudartifact/"
// for these operations, so those spellings are doc typos and we always send "cloudartifact".
public sealed partial class CodeArtifactClient
{
    /// <summary>Names and descriptions are not length-limited by the docs; this keeps bodies sane.</summary>
    private const int MaxNameLength = 200;

    private const int MaxDescriptionLength = 1000;

    /// <summary>
    /// Creates a Maven release/snapshot repository pair: <c>CreateMavenRepo</c>,
    /// <c>POST /cloudartifact/v5/maven/repositories</c>.
    /// </summary>
    /// <returns>The ids of the release and snapshot repositories.</returns>
    public async Task<MavenRepositoryPair> CreateMavenRepositoryAsync(MavenRepositoryCreateRequest request, CancellationToken cancellationToken = default)
    {
        Argument.RequiredObject(request, nameof(request), "pass a MavenRepositoryCreateRequest");
        var body = new CreateMavenRepoBodyDto
        {
            RepositoryName = Argument.Text(request.RepositoryName, "request.RepositoryName", MaxNameLength, required: true),
            Format = Argument.OneOf(request.Format, "request.Format", ["maven2"]),
            Description = Argument.Text(request.Description, "request.Description", MaxDescriptionLength),
            Release = Argument.Text(request.Release, "request.Release", MaxNameLength),
            Snapshot = Argument.Text(request.Snapshot, "request.Snapshot", MaxNameLength),
            IncludesPattern = Argument.Text(request.IncludesPattern, "request.IncludesPattern", MaxDescriptionLength),
            ShareRight = Argument.Text(request.ShareRight, "request.ShareRight", MaxNameLength),
            ProjectId = OptionalProjectId(request.ProjectId, "request.ProjectId"),
            Type = Argument.OneOf(request.Type, "request.Type", KnownValues.RepositoryTypes),
        };
        var apiRequest = new ApiRequest
        {
            Operation = "CreateMavenRepo",
            Method = HttpMethod.Post,
            PathSegments = V5Path("maven", "repositories"),
            JsonBody = JsonBody(body, CodeArtifactJsonContext.Default.CreateMavenRepoBodyDto),
        };
        var result = await SendAsync(apiRequest, CodeArtifactJsonContext.Default.MavenPairDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel();
    }

    /// <summary>
    /// Edits a Maven repository pair: <c>ModifyRepository</c>,
    /// <c>PUT /cloudartifact/v5/repositories/tab/{tab_id}</c> (printed as <c>/clouddatartifact/</c>
    /// in the reference, a typo: the SDKs send <c>/cloudartifact/</c>).
    /// </summary>
    /// <param name="tabId">The pair's tab id, such as <c>&lt;domainId&gt;_tab_maven2_201</c> (see <see cref="RepositoryRecord.TabId"/>).</param>
    /// <param name="request">The fields to change; null fields are left out.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<MavenRepositoryPair> UpdateMavenRepositoryAsync(string tabId, MavenRepositoryUpdateRequest request, CancellationToken cancellationToken = default)
    {
        Argument.Identifier(tabId, nameof(tabId), "a tab id such as <domainId>_tab_maven2_201");
        Argument.RequiredObject(request, nameof(request), "pass a MavenRepositoryUpdateRequest");
        var body = new ModifyRepositoryBodyDto
        {
            RepoName = Argument.Text(request.RepositoryName, "request.RepositoryName", MaxNameLength),
            IncludesPattern = Argument.Text(request.IncludesPattern, "request.IncludesPattern", MaxDescriptionLength),
            ProjectId = Argument.OptionalProjectId(request.ProjectId, "request.ProjectId"),
            Description = Argument.Text(request.Description, "request.Description", MaxDescriptionLength),
            Snapshot = Argument.Text(request.Snapshot, "request.Snapshot", MaxNameLength),
            Release = Argument.Text(request.Release, "request.Release", MaxNameLength),
        };
        var apiRequest = new ApiRequest
        {
            Operation = "ModifyRepository",
            Method = HttpMethod.Put,
            PathSegments = V5Path("repositories", "tab", tabId),
            JsonBody = JsonBody(body, CodeArtifactJsonContext.Default.ModifyRepositoryBodyDto),
        };
        var result = await SendAsync(apiRequest, CodeArtifactJsonContext.Default.MavenPairDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel();
    }

    /// <summary>
    /// Describes one repository: <c>ShowRepositoryInfo</c>, <c>GET /cloudartifact/v5/repositories/{repo_id}</c>.
    /// </summary>
    public async Task<RepositoryInfo> GetRepositoryAsync(string repository, CancellationToken cancellationToken = default)
    {
        Argument.RepositoryId(repository, nameof(repository));
        var request = new ApiRequest
        {
            Operation = "ShowRepositoryInfo",
            Method = HttpMethod.Get,
            PathSegments = V5Path("repositories", repository),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.RepositoryBuildDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel(Options.ServiceTimeOffset);
    }

    /// <summary>
    /// Creates a Docker repository: <c>CreateDockerRepositories</c>, <c>POST /cloudartifact/v5/repositories</c>.
    /// </summary>
    public async Task CreateDockerRepositoryAsync(DockerRepositoryCreateRequest request, CancellationToken cancellationToken = default)
    {
        Argument.RequiredObject(request, nameof(request), "pass a DockerRepositoryCreateRequest");
        var body = new CreateDockerBodyDto
        {
            Format = Argument.OneOf(request.Format, "request.Format", ["docker", "docker2"]),
            DisplayName = Argument.Text(request.DisplayName, "request.DisplayName", MaxNameLength, required: true)!,
            Description = Argument.Text(request.Description, "request.Description", MaxDescriptionLength),
            Type = Argument.OneOf(request.Type, "request.Type", KnownValues.RepositoryTypes),
        };
        var apiRequest = new ApiRequest
        {
            Operation = "CreateDockerRepositories",
            Method = HttpMethod.Post,
            PathSegments = V5Path("repositories"),
            JsonBody = JsonBody(body, CodeArtifactJsonContext.Default.CreateDockerBodyDto),
        };
        await SendIgnoringResultAsync(apiRequest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves repositories to the recycle bin: <c>DeleteRepository</c>, <c>DELETE /cloudartifact/v5/repositories</c>.
    /// Restore them with <see cref="RestoreFromRecycleBinAsync"/> and <see cref="RecycleBinItem.ForRepository"/>.
    /// </summary>
    /// <param name="format">The repositories' format, such as <c>maven2</c>.</param>
    /// <param name="repositoryIds">The repositories (at least one).</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task MoveRepositoriesToRecycleBinAsync(string format, IReadOnlyList<string> repositoryIds, CancellationToken cancellationToken = default)
    {
        var knownFormat = Argument.OneOf(format, nameof(format), KnownValues.RepositoryFormats);
        var ids = RepositoryIdList(repositoryIds, nameof(repositoryIds));
        var request = new ApiRequest
        {
            Operation = "DeleteRepository",
            Method = HttpMethod.Delete,
            PathSegments = V5Path("repositories"),
            JsonBody = JsonBody(new DeleteRepositoryBodyDto { Format = knownFormat, RepositoryIds = ids }, CodeArtifactJsonContext.Default.DeleteRepositoryBodyDto),
        };
        await SendIgnoringResultAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a non-Maven repository: <c>CreateArtifactory</c>, <c>POST /cloudartifact/v5/artifact/</c>.
    /// </summary>
    /// <returns>The new repository.</returns>
    public async Task<RepositoryInfo> CreateRepositoryAsync(RepositoryCreateRequest request, CancellationToken cancellationToken = default)
    {
        Argument.RequiredObject(request, nameof(request), "pass a RepositoryCreateRequest");
        var format = NonMavenFormat(request.Format, "request.Format", "CreateMavenRepositoryAsync");
        var body = new CreateArtifactoryBodyDto
        {
            Format = format,
            Type = Argument.OneOf(request.Type, "request.Type", KnownValues.RepositoryTypes),
            RepositoryName = Argument.Text(request.RepositoryName, "request.RepositoryName", MaxNameLength, required: true)!,
            Description = Argument.Text(request.Description, "request.Description", MaxDescriptionLength),
            IncludesPattern = Argument.Text(request.IncludesPattern, "request.IncludesPattern", MaxDescriptionLength, required: true)!,
            ProjectId = OptionalProjectId(request.ProjectId, "request.ProjectId"),
            ShareRight = Argument.Text(request.ShareRight, "request.ShareRight", MaxNameLength),
        };
        var apiRequest = new ApiRequest
        {
            Operation = "CreateArtifactory",
            Method = HttpMethod.Post,
            PathSegments = V5Path("artifact", string.Empty),
            JsonBody = JsonBody(body, CodeArtifactJsonContext.Default.CreateArtifactoryBodyDto),
        };
        var result = await SendAsync(apiRequest, CodeArtifactJsonContext.Default.CreateArtifactoryResultDto, cancellationToken).ConfigureAwait(false);
        return result.Artifactory?.ToModel(Options.ServiceTimeOffset) ?? throw InvalidResponse("CreateArtifactory", "the result has no \"artifactory\"");
    }

    /// <summary>
    /// Edits non-Maven repositories: <c>UpdateArtifactory</c>, <c>PUT /cloudartifact/v5/artifact/</c>.
    /// </summary>
    public async Task UpdateRepositoryAsync(RepositoryUpdateRequest request, CancellationToken cancellationToken = default)
    {
        Argument.RequiredObject(request, nameof(request), "pass a RepositoryUpdateRequest");
        var body = new UpdateArtifactoryBodyDto
        {
            RepoName = Argument.Text(request.RepositoryName, "request.RepositoryName", MaxNameLength, required: true)!,
            Format = NonMavenFormat(request.Format, "request.Format", "UpdateMavenRepositoryAsync"),
            Description = Argument.Text(request.Description, "request.Description", MaxDescriptionLength),
            RepositoryIds = RepositoryIdList(request.RepositoryIds, "request.RepositoryIds"),
            IncludesPattern = Argument.Text(request.IncludesPattern, "request.IncludesPattern", MaxDescriptionLength),
            DeploymentPolicy = request.DeploymentPolicy is null ? null : Argument.Identifier(request.DeploymentPolicy, "request.DeploymentPolicy", "a deployment policy such as allowRedeploy", 64),
            AutoCleanSnapshot = request.AutoCleanSnapshot,
            SnapshotAliveDays = WholeNumberText(request.SnapshotAliveDays, "request.SnapshotAliveDays"),
            MaxUniqueSnapshots = WholeNumberText(request.MaxUniqueSnapshots, "request.MaxUniqueSnapshots"),
            AllowAnonymous = request.AllowAnonymous,
        };
        var apiRequest = new ApiRequest
        {
            Operation = "UpdateArtifactory",
            Method = HttpMethod.Put,
            PathSegments = V5Path("artifact", string.Empty),
            JsonBody = JsonBody(body, CodeArtifactJsonContext.Default.UpdateArtifactoryBodyDto),
        };
        await SendIgnoringResultAsync(apiRequest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists repositories without counting their artifacts: <c>ListAllRepositories</c>,
    /// <c>GET /cloudartifact/v5/{tenant_id}/{project_id}/repositories</c>.
    /// </summary>
    /// <param name="query">Filters; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<RepositoryPage> ListRepositoriesAsync(RepositoryListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new RepositoryListQuery();
        var projectId = RequiredProjectId(query.ProjectId, "query.ProjectId");
        var pageNumber = Argument.OptionalPageNumber(query.PageNumber, "query.PageNumber");
        var pageSize = Argument.OptionalPageSize(query.PageSize, "query.PageSize");
        var type = Argument.OptionalOneOf(query.Type, "query.Type", KnownValues.RepositoryTypes);
        var format = Argument.OptionalOneOf(query.Format, "query.Format", KnownValues.RepositoryFormats);
        var formats = FormatList(query.Formats, "query.Formats");
        var groupId = Argument.Text(query.GroupId, "query.GroupId", MaxNameLength);
        var sort = Argument.Text(query.Sort, "query.Sort", MaxNameLength);
        var name = Argument.Text(query.Name, "query.Name", MaxNameLength);
        var tenantId = ClientTenantId();

        var request = new ApiRequest
        {
            Operation = "ListAllRepositories",
            Method = HttpMethod.Get,
            PathSegments = V5Path(tenantId, projectId, "repositories"),
            Query = new QueryBuilder()
                .Add("group_id", groupId)
                .Add("page_no", pageNumber)
                .Add("page_size", pageSize)
                .Add("sort", sort)
                .Add("qname", name)
                .Add("type", type)
                .Add("format", format)
                .Add("format_list", formats)
                .Add("is_recycle_bin", query.RecycleBin)
                .Add("is_need_paging", query.Paging)
                .Add("in_project", query.InProject)
                .Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.RepositoryPageDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel(Options.ServiceTimeOffset);
    }

    /// <summary>
    /// Describes one repository and counts its artifacts: <c>ShowRepository</c>,
    /// <c>GET /cloudartifact/v5/{tenant_id}/{project_id}/{repo_id}/repositories</c>.
    /// </summary>
    /// <param name="repository">The repository id.</param>
    /// <param name="region">The service region (required by the API); the client's <see cref="CodeArtifactClientOptions.Region"/> when null.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<RepositorySummary> GetRepositoryDetailsAsync(string repository, string? region = null, CancellationToken cancellationToken = default)
    {
        Argument.RepositoryId(repository, nameof(repository));
        var effectiveRegion = region ?? Options.Region;
        if (string.IsNullOrEmpty(effectiveRegion))
        {
            throw CodeArtifactException.Missing(nameof(region), "region is required: pass the service region, such as cn-north-4, or set Region in the client options.");
        }

        Argument.Identifier(effectiveRegion, nameof(region), "a region such as cn-north-4", 64);
        var tenantId = ClientTenantId();
        var projectId = RequiredProjectId(null, nameof(CodeArtifactClientOptions.ProjectId));
        var request = new ApiRequest
        {
            Operation = "ShowRepository",
            Method = HttpMethod.Get,
            PathSegments = V5Path(tenantId, projectId, repository, "repositories"),
            Query = new QueryBuilder().Add("region", effectiveRegion).Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.RepositorySummaryDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel(Options.ServiceTimeOffset);
    }

    private static string[] RepositoryIdList(IReadOnlyList<string>? ids, string name)
    {
        Argument.NotEmpty(ids, name, "repository id");
        return ids!.Select((id, i) => Argument.RepositoryId(id, $"{name}[{i}]")).ToArray();
    }

    /// <summary>Formats joined with commas, as the examples send <c>format_list</c>; null when none.</summary>
    private static string? FormatList(IReadOnlyList<string>? formats, string name) =>
        formats is null || formats.Count == 0
            ? null
            : string.Join(',', formats.Select((f, i) => Argument.OneOf(f, $"{name}[{i}]", KnownValues.RepositoryFormats)));

    private static string NonMavenFormat(string? format, string name, string mavenAlternative)
    {
        var known = Argument.OneOf(format, name, KnownValues.RepositoryFormats);
        return known is "maven2"
            ? throw Argument.Invalid(name, format, $"this operation is for non-Maven repositories; use {mavenAlternative} for Maven")
            : known;
    }

    private static string? WholeNumberText(string? value, string name) =>
        value is null || (value.Length is > 0 and <= 9 && value.All(char.IsAsciiDigit))
            ? value
            : throw Argument.Invalid(name, value, "a whole number of at most 9 digits, such as " + 10.ToString(CultureInfo.InvariantCulture));
}
