using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary>
/// The JSON fields that RepositoryBuildVO (<see cref="RepositoryBuildDto"/>) and the listing
/// record (<see cref="RepositorySummaryDto"/>) share, read with the same lenient converters:
/// <c>policy</c> in its three spellings, <c>status</c> and the times as string or number,
/// <c>disable</c> as boolean or string, times as epoch milliseconds or <c>yyyy-MM-dd HH:mm:ss</c>.
/// </summary>
internal abstract class RepositoryRecordDto
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("format")]
    public string? Format { get; set; }

    [JsonPropertyName("packageType")]
    public string? PackageType { get; set; }

    [JsonPropertyName("policy")]
    [JsonConverter(typeof(MavenPolicyConverter))]
    public string? Policy { get; set; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Status { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("includesPattern")]
    public string? IncludesPattern { get; set; }

    [JsonPropertyName("projectId")]
    public string? ProjectId { get; set; }

    [JsonPropertyName("shareRight")]
    public string? ShareRight { get; set; }

    [JsonPropertyName("deploymentPolicy")]
    public string? DeploymentPolicy { get; set; }

    [JsonPropertyName("tabId")]
    public string? TabId { get; set; }

    [JsonPropertyName("domainId")]
    public string? DomainId { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("disable")]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? Disable { get; set; }

    [JsonPropertyName("createdTime")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? CreatedTime { get; set; }

    [JsonPropertyName("createdUserName")]
    public string? CreatedUserName { get; set; }

    [JsonPropertyName("modifiedTime")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? ModifiedTime { get; set; }

    [JsonPropertyName("modifiedUserName")]
    public string? ModifiedUserName { get; set; }

    /// <summary><c>hosted</c>, <c>remote</c> or <c>virtual</c>: the two records spell the field differently.</summary>
    protected abstract string? RepositoryType { get; }

    /// <summary>Sets the common fields on a model whose own fields are already set.</summary>
    protected TModel WithCommonFields<TModel>(TModel model, TimeSpan serviceOffset)
        where TModel : RepositoryRecord
    {
        RepositoryRecord record = model;
        return (TModel)(record with
        {
            Id = Name ?? string.Empty,
            RepositoryName = RepositoryName,
            DisplayName = DisplayName,
            Description = Description,
            Format = Format,
            Type = RepositoryType,
            PackageType = PackageType,
            Policy = Policy,
            Status = Status,
            Url = Url,
            IncludesPattern = IncludesPattern,
            ProjectId = ProjectId,
            ShareRight = ShareRight,
            DeploymentPolicy = DeploymentPolicy,
            TabId = TabId,
            DomainId = DomainId,
            Region = Region,
            Disabled = Disable ?? false,
            Created = ServiceTime.Parse(CreatedTime, serviceOffset),
            CreatedBy = CreatedUserName,
            Modified = ServiceTime.Parse(ModifiedTime, serviceOffset),
            ModifiedBy = ModifiedUserName,
        });
    }
}
