using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary>Body of CreateMavenRepo.</summary>
internal sealed class CreateMavenRepoBodyDto
{
    [JsonPropertyName("repository_name")]
    public string? RepositoryName { get; init; }

    [JsonPropertyName("format")]
    public string? Format { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("release")]
    public string? Release { get; init; }

    [JsonPropertyName("snapshot")]
    public string? Snapshot { get; init; }

    [JsonPropertyName("includes_pattern")]
    public string? IncludesPattern { get; init; }

    [JsonPropertyName("share_right")]
    public string? ShareRight { get; init; }

    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }
}

/// <summary>Body of ModifyRepository.</summary>
internal sealed class ModifyRepositoryBodyDto
{
    [JsonPropertyName("repo_name")]
    public string? RepoName { get; init; }

    [JsonPropertyName("includes_pattern")]
    public string? IncludesPattern { get; init; }

    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("snapshot")]
    public string? Snapshot { get; init; }

    [JsonPropertyName("release")]
    public string? Release { get; init; }
}

/// <summary><c>result</c> of CreateMavenRepo and ModifyRepository: the ids of the pair.</summary>
internal sealed class MavenPairDto
{
    [JsonPropertyName("release")]
    public string? Release { get; set; }

    [JsonPropertyName("snapshot")]
    public string? Snapshot { get; set; }

    public MavenRepositoryPair ToModel() => new(Release, Snapshot);
}

/// <summary>Body of CreateDockerRepositories.</summary>
internal sealed class CreateDockerBodyDto
{
    [JsonPropertyName("format")]
    public required string Format { get; init; }

    [JsonPropertyName("display_name")]
    public required string DisplayName { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }
}

/// <summary>
/// Body of DeleteRepository. The table types <c>repository_ids</c> as String, the example sends an
/// array; we follow the example (and the SDKs).
/// </summary>
internal sealed class DeleteRepositoryBodyDto
{
    [JsonPropertyName("format")]
    public required string Format { get; init; }

    [JsonPropertyName("repository_ids")]
    public required string[] RepositoryIds { get; init; }
}

/// <summary>Body of CreateArtifactory.</summary>
internal sealed class CreateArtifactoryBodyDto
{
    [JsonPropertyName("format")]
    public required string Format { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("repository_name")]
    public required string RepositoryName { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("includes_pattern")]
    public required string IncludesPattern { get; init; }

    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    [JsonPropertyName("share_right")]
    public string? ShareRight { get; init; }
}

/// <summary><c>result</c> of CreateArtifactory: <c>{"artifactory": RepositoryBuildVO}</c>.</summary>
internal sealed class CreateArtifactoryResultDto
{
    [JsonPropertyName("artifactory")]
    public RepositoryBuildDto? Artifactory { get; set; }
}

/// <summary>Body of UpdateArtifactory.</summary>
internal sealed class UpdateArtifactoryBodyDto
{
    [JsonPropertyName("repo_name")]
    public required string RepoName { get; init; }

    [JsonPropertyName("format")]
    public required string Format { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("repository_ids")]
    public required string[] RepositoryIds { get; init; }

    [JsonPropertyName("includes_pattern")]
    public string? IncludesPattern { get; init; }

    [JsonPropertyName("deployment_policy")]
    public string? DeploymentPolicy { get; init; }

    [JsonPropertyName("auto_clean_snapshot")]
    public bool? AutoCleanSnapshot { get; init; }

    [JsonPropertyName("snapshot_alive_days")]
    public string? SnapshotAliveDays { get; init; }

    [JsonPropertyName("max_unique_snapshots")]
    public string? MaxUniqueSnapshots { get; init; }

    [JsonPropertyName("allow_anonymous")]
    public bool? AllowAnonymous { get; init; }
}

/// <summary>Body of CreateProjectRelatedRepository.</summary>
internal sealed class ProjectRepositoryBodyDto
{
    [JsonPropertyName("project_id")]
    public required string ProjectId { get; init; }

    [JsonPropertyName("ids")]
    public required string[] Ids { get; init; }
}

/// <summary><c>result</c> of ListAllRepositories.</summary>
internal sealed class RepositoryPageDto
{
    [JsonPropertyName("total")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Total { get; set; }

    [JsonPropertyName("repositories")]
    public List<RepositorySummaryDto?>? Repositories { get; set; }

    public RepositoryPage ToModel(TimeSpan serviceOffset)
    {
        var repositories = (Repositories ?? []).Where(r => r is not null).Select(r => r!.ToModel(serviceOffset)).ToArray();
        return new RepositoryPage
        {
            Total = (int)Math.Clamp(Total ?? repositories.Length, 0, int.MaxValue),
            Repositories = repositories,
        };
    }
}

/// <summary>The repository record of ListAllRepositories, ShowRepository and ShowProjectList: the common fields and its own.</summary>
internal sealed class RepositorySummaryDto : RepositoryRecordDto
{
    [JsonPropertyName("repoType")]
    public string? RepoType { get; set; }

    [JsonPropertyName("storageSummaryInfo")]
    public StorageSummaryDto? StorageSummaryInfo { get; set; }

    protected override string? RepositoryType => RepoType;

    public RepositorySummary ToModel(TimeSpan serviceOffset) => WithCommonFields(
        new RepositorySummary
        {
            Storage = StorageSummaryInfo is { } storage ? new RepositoryStorage(storage.FilesCount, storage.UsedSpace) : null,
        },
        serviceOffset);
}

internal sealed class StorageSummaryDto
{
    [JsonPropertyName("filesCount")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? FilesCount { get; set; }

    [JsonPropertyName("usedSpace")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? UsedSpace { get; set; }
}
