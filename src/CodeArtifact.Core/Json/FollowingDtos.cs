using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary>Body of CreateAttention: <c>attention</c> "1" follows, "0" unfollows.</summary>
internal sealed class AttentionBodyDto
{
    [JsonPropertyName("attention")]
    public required string Attention { get; init; }

    [JsonPropertyName("ids")]
    public required string[] Ids { get; init; }

    [JsonPropertyName("format")]
    public string? Format { get; init; }
}

/// <summary><c>result</c> of ListAttentions.</summary>
internal sealed class FollowedPageDto
{
    [JsonPropertyName("data")]
    public List<FollowedArtifactDto?>? Data { get; set; }

    [JsonPropertyName("totalRecords")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? TotalRecords { get; set; }

    [JsonPropertyName("totalPages")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? TotalPages { get; set; }

    public FollowedArtifactPage ToModel(TimeSpan serviceOffset)
    {
        var data = (Data ?? []).Where(d => d is not null).Select(d => d!.ToModel(serviceOffset)).ToArray();
        return new FollowedArtifactPage
        {
            Data = data,
            TotalRecords = (int)Math.Clamp(TotalRecords ?? data.Length, 0, int.MaxValue),
            TotalPages = (int)Math.Clamp(TotalPages ?? 0, 0, int.MaxValue),
        };
    }
}

internal sealed class FollowedArtifactDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("domainId")]
    public string? DomainId { get; set; }

    [JsonPropertyName("repositoryId")]
    public string? RepositoryId { get; set; }

    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    [JsonPropertyName("format")]
    public string? Format { get; set; }

    [JsonPropertyName("policy")]
    [JsonConverter(typeof(MavenPolicyConverter))]
    public string? Policy { get; set; }

    [JsonPropertyName("artifactId")]
    public string? ArtifactId { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("modifiedUserName")]
    public string? ModifiedUserName { get; set; }

    [JsonPropertyName("modifiedUserId")]
    public string? ModifiedUserId { get; set; }

    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    [JsonPropertyName("modifiedTime")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? ModifiedTime { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    public FollowedArtifact ToModel(TimeSpan serviceOffset) => new()
    {
        Id = Id,
        DomainId = DomainId,
        RepositoryId = RepositoryId,
        RepositoryName = RepositoryName,
        Format = Format,
        Policy = Policy,
        ArtifactId = ArtifactId,
        Path = Path,
        ModifiedBy = ModifiedUserName,
        ModifiedByUserId = ModifiedUserId,
        UserId = UserId,
        Modified = ServiceTime.Parse(ModifiedTime, serviceOffset),
        Region = Region,
    };
}
