using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary><c>result</c> of ResetUserPassword.</summary>
internal sealed class RepositoryUserDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Status { get; set; }

    [JsonPropertyName("domainId")]
    public string? DomainId { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("createdTime")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? CreatedTime { get; set; }

    [JsonPropertyName("modifiedTime")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? ModifiedTime { get; set; }

    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    [JsonPropertyName("userName")]
    public string? UserNameCamel { get; set; }

    [JsonPropertyName("username")]
    public string? UserNameLower { get; set; }

    [JsonPropertyName("userType")]
    public string? UserType { get; set; }

    [JsonPropertyName("repoUserName")]
    public string? RepoUserName { get; set; }

    [JsonPropertyName("repoNumber")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? RepoNumber { get; set; }

    [JsonPropertyName("innerRepoUserName")]
    public string? InnerRepoUserName { get; set; }

    public RepositoryUser ToModel(TimeSpan serviceOffset) => new()
    {
        Id = Id,
        UserId = UserId,
        UserName = TwoSpellings.Either(UserNameCamel, UserNameLower),
        UserType = UserType,
        RepositoryUserName = RepoUserName,
        InnerRepositoryUserName = InnerRepoUserName,
        RepositoryCount = RepoNumber,
        Status = Status,
        DomainId = DomainId,
        Region = Region,
        Created = ServiceTime.Parse(CreatedTime, serviceOffset),
        Modified = ServiceTime.Parse(ModifiedTime, serviceOffset),
    };
}
