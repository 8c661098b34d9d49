using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Json;

/// <summary>
/// The one source-generated JSON context; the options live only here. Each API group keeps its DTOs
/// in its own file (<c>FileDtos.cs</c>, <c>RecycleBinDtos.cs</c> …), but every
/// <c>[JsonSerializable]</c> attribute must sit on this one declaration: the net8.0 generator runs
/// once per partial declaration that carries the attribute and then fails with CS8785 (duplicate
/// hint names such as <c>CodeArtifactJsonContext.Boolean.g.cs</c>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
// Files: ShowFileTree, ListArtifactoryComponent, DeleteArtifactFile.
[JsonSerializable(typeof(FileTreeDto))]
[JsonSerializable(typeof(FileDetailDto))]
[JsonSerializable(typeof(PathBodyDto))]
// Recycle bin: BatchRestoreRepo, BatchDeleteTrashes.
[JsonSerializable(typeof(RecycleBinItemDto[]))]
[JsonSerializable(typeof(TrashcanResultDto))]
// Maven and repositories: ShowMavenInfo, ShowRepositoryInfo, CreateArtifactory (RepositoryBuildVO).
[JsonSerializable(typeof(RepositoryBuildDto))]
[JsonSerializable(typeof(List<RepositoryBuildDto?>))]
// Releases: ShowProjectReleaseFiles (v2, no envelope).
[JsonSerializable(typeof(ReleaseFilesResponseDto))]
// Repository management, association and details.
[JsonSerializable(typeof(CreateMavenRepoBodyDto))]
[JsonSerializable(typeof(ModifyRepositoryBodyDto))]
[JsonSerializable(typeof(MavenPairDto))]
[JsonSerializable(typeof(CreateDockerBodyDto))]
[JsonSerializable(typeof(DeleteRepositoryBodyDto))]
[JsonSerializable(typeof(CreateArtifactoryBodyDto))]
[JsonSerializable(typeof(CreateArtifactoryResultDto))]
[JsonSerializable(typeof(UpdateArtifactoryBodyDto))]
[JsonSerializable(typeof(ProjectRepositoryBodyDto))]
[JsonSerializable(typeof(RepositoryPageDto))]
[JsonSerializable(typeof(RepositorySummaryDto))]
[JsonSerializable(typeof(List<RepositorySummaryDto?>))]
// Capacity: ShowStorage, ListArtifactoryStorageStatistic.
[JsonSerializable(typeof(StorageUsageDto))]
[JsonSerializable(typeof(List<StorageTrendPointDto?>))]
// Search: SearchByChecksum, SearchArtifacts.
[JsonSerializable(typeof(SearchArtifactsBodyDto))]
[JsonSerializable(typeof(SearchArtifactsResultDto))]
[JsonSerializable(typeof(List<ArtifactSearchResultDto?>))]
// Users, audit, following.
[JsonSerializable(typeof(RepositoryUserDto))]
[JsonSerializable(typeof(AuditPageDto))]
[JsonSerializable(typeof(AttentionBodyDto))]
[JsonSerializable(typeof(FollowedPageDto))]
internal sealed partial class CodeArtifactJsonContext : JsonSerializerContext
{
}

/// <summary>
/// Every error shape the service and its gateway send: v5 <c>{error_code, error_msg, status, trace_id}</c>,
/// gateway <c>{error_code, error_msg, request_id}</c>, and the SDKs' fallback <c>{code, message}</c>.
/// </summary>
internal sealed class ErrorBody
{
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("trace_id")]
    public string? TraceId { get; set; }

    [JsonPropertyName("request_id")]
    public string? RequestId { get; set; }
}
