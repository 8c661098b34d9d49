using System.Globalization;
using CodeArtifact.Core.Http;
using CodeArtifact.Core.Json;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Operations;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core;

// Repository capacity (reference 4.4.1) and storage trend (4.7.3).
public sealed partial class CodeArtifactClient
{
    /// <summary>
    /// The tenant's repository usage: <c>ShowStorage</c>, <c>GET /cloudartifact/v5/storage</c>.
    /// </summary>
    /// <param name="formats">Formats to count (<c>format_list</c>); all when null or empty.</param>
    /// <param name="inProject">True to count project repositories only.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<StorageUsage> GetStorageUsageAsync(IReadOnlyList<string>? formats = null, bool? inProject = null, CancellationToken cancellationToken = default)
    {
        var formatList = FormatList(formats, nameof(formats));
        var request = new ApiRequest
        {
            Operation = "ShowStorage",
            Method = HttpMethod.Get,
            PathSegments = V5Path("storage"),
            Query = new QueryBuilder().Add("format_list", formatList).Add("in_project", inProject).Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.StorageUsageDto, cancellationToken).ConfigureAwait(false);
        return result.ToModel();
    }

    /// <summary>
    /// Storage used per day: <c>ListArtifactoryStorageStatistic</c>,
    /// <c>GET /cloudartifact/v5/{tenant_id}/{project_id}/storageinfo/statistic</c>.
    /// </summary>
    /// <param name="query">Repository and days; null for the service's defaults.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<IReadOnlyList<StorageTrendPoint>> GetStorageTrendAsync(StorageTrendQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new StorageTrendQuery();
        var repository = query.Repository is null ? null : Argument.RepositoryId(query.Repository, "query.Repository");
        if (query.StartDate > query.EndDate)
        {
            throw Argument.Invalid("query.StartDate", Day(query.StartDate), $"the start must not be after the end ({Day(query.EndDate)})");
        }

        var tenantId = ClientTenantId();
        var projectId = RequiredProjectId(null, nameof(CodeArtifactClientOptions.ProjectId));
        var request = new ApiRequest
        {
            Operation = "ListArtifactoryStorageStatistic",
            Method = HttpMethod.Get,
            PathSegments = V5Path(tenantId, projectId, "storageinfo", "statistic"),
            Query = new QueryBuilder()
                .Add("start_time", Day(query.StartDate))
                .Add("end_time", Day(query.EndDate))
                .Add("repo", repository)
                .Build(),
        };
        var result = await SendAsync(request, CodeArtifactJsonContext.Default.ListStorageTrendPointDto, cancellationToken).ConfigureAwait(false);
        return result.Where(p => p is not null).Select(p => p!.ToModel()).ToArray();
    }

    /// <summary>Days go out as <c>yyyy-MM-dd</c>, as in the documented example.</summary>
    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
