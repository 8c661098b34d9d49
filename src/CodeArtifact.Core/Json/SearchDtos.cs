using System.Text.Json.Serialization;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary>
/// Body of SearchArtifacts. The 2023 reference types page_no/page_size/in_project as String; the
/// newer advanced-search page types them Integer and Boolean and its example sends them so.
/// </summary>
internal sealed class SearchArtifactsBodyDto
{
    [JsonPropertyName("artifact_name")]
    public required string ArtifactName { get; init; }

    [JsonPropertyName("artifact_type")]
    public string? ArtifactType { get; init; }

    [JsonPropertyName("page_no")]
    public int? PageNo { get; init; }

    [JsonPropertyName("page_size")]
    public int? PageSize { get; init; }

    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    [JsonPropertyName("in_project")]
    public bool? InProject { get; init; }
}

/// <summary><c>result</c> of SearchArtifacts.</summary>
internal sealed class SearchArtifactsResultDto
{
    [JsonPropertyName("artifacts")]
    public List<ArtifactSearchResultDto?>? Artifacts { get; set; }
}

/// <summary>
/// One search hit (SearchArtifacts and SearchByChecksum). <c>created</c> comes as epoch
/// milliseconds in a string, <c>modified</c> as ISO 8601; the old repository id under two spellings.
/// </summary>
internal sealed class ArtifactSearchResultDto
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("relativePath")]
    public string? RelativePath { get; set; }

    [JsonPropertyName("repo")]
    public string? Repo { get; set; }

    [JsonPropertyName("repoName")]
    public string? RepoName { get; set; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; set; }

    [JsonPropertyName("repoType")]
    public string? RepoType { get; set; }

    [JsonPropertyName("createdBy")]
    public string? CreatedBy { get; set; }

    [JsonPropertyName("createdUserName")]
    public string? CreatedUserName { get; set; }

    [JsonPropertyName("created")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Created { get; set; }

    [JsonPropertyName("modified")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Modified { get; set; }

    [JsonPropertyName("oldRepoId")]
    public string? OldRepoId { get; set; }

    [JsonPropertyName("oldRepoid")]
    public string? OldRepoid { get; set; }

    public ArtifactSearchResult ToModel(TimeSpan serviceOffset) => new()
    {
        Name = Name ?? string.Empty,
        RelativePath = RelativePath,
        Repository = Repo,
        RepositoryName = RepoName,
        DisplayName = DisplayName,
        Format = RepoType,
        CreatedBy = CreatedBy,
        CreatedByName = CreatedUserName,
        Created = ServiceTime.Parse(Created, serviceOffset),
        Modified = ServiceTime.Parse(Modified, serviceOffset),
        OldRepositoryId = TwoSpellings.Either(OldRepoId, OldRepoid),
    };
}
