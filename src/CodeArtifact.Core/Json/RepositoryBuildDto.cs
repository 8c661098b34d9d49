using System.Text.Json.Serialization;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary>
/// RepositoryBuildVO: the repository record of ShowMavenInfo, ShowRepositoryInfo and
/// CreateArtifactory. It carries both <c>userName</c> and <c>username</c> (the Maven info example
/// sends <c>"userName": null</c> beside a set <c>username</c>).
/// </summary>
internal sealed class RepositoryBuildDto
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

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("policy")]
    [JsonConverter(typeof(MavenPolicyConverter))]
    public string? Policy { get; set; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Status { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("domainId")]
    public string? DomainId { get; set; }

    [JsonPropertyName("projectId")]
    public string? ProjectId { get; set; }

    [JsonPropertyName("tabId")]
    public string? TabId { get; set; }

    [JsonPropertyName("packageType")]
    public string? PackageType { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("includesPattern")]
    public string? IncludesPattern { get; set; }

    [JsonPropertyName("deploymentPolicy")]
    public string? DeploymentPolicy { get; set; }

    [JsonPropertyName("shareRight")]
    public string? ShareRight { get; set; }

    [JsonPropertyName("release")]
    public string? Release { get; set; }

    [JsonPropertyName("snapshot")]
    public string? Snapshot { get; set; }

    [JsonPropertyName("releaseStatus")]
    public string? ReleaseStatus { get; set; }

    [JsonPropertyName("snapshotStatus")]
    public string? SnapshotStatus { get; set; }

    [JsonPropertyName("remoteUrl")]
    public string? RemoteUrl { get; set; }

    [JsonPropertyName("remoteType")]
    public string? RemoteType { get; set; }

    [JsonPropertyName("parentRepoName")]
    public string? ParentRepoName { get; set; }

    [JsonPropertyName("userName")]
    public string? UserNameCamel { get; set; }

    [JsonPropertyName("username")]
    public string? UserNameLower { get; set; }

    [JsonPropertyName("password")]
    public string? Password { get; set; }

    [JsonPropertyName("disable")]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? Disable { get; set; }

    [JsonPropertyName("allowAnonymous")]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? AllowAnonymous { get; set; }

    [JsonPropertyName("autoCleanSnapshot")]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? AutoCleanSnapshot { get; set; }

    [JsonPropertyName("snapshotAliveDays")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? SnapshotAliveDays { get; set; }

    [JsonPropertyName("maxUniqueSnapshots")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? MaxUniqueSnapshots { get; set; }

    [JsonPropertyName("repositoryIds")]
    public List<string?>? RepositoryIds { get; set; }

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

    public string? UserName => TwoSpellings.Either(UserNameLower, UserNameCamel);

    public MavenRepositoryInfo ToMavenModel() => new()
    {
        Id = Name ?? string.Empty,
        RepositoryName = RepositoryName,
        DisplayName = DisplayName,
        Url = Url,
        Policy = Policy,
        UserName = UserName,
        Password = Secret.FromNullable(Password),
        Format = Format,
        Type = Type,
        ProjectId = ProjectId,
        Status = Status,
        Region = Region,
        DomainId = DomainId,
        TabId = TabId,
        PackageType = PackageType,
        Description = Description,
        ShareRight = ShareRight,
        Disabled = Disable ?? false,
    };

    public RepositoryInfo ToModel(TimeSpan serviceOffset) => new()
    {
        Id = Name ?? string.Empty,
        RepositoryName = RepositoryName,
        DisplayName = DisplayName,
        Description = Description,
        Format = Format,
        Type = Type,
        Policy = Policy,
        Status = Status,
        Region = Region,
        DomainId = DomainId,
        ProjectId = ProjectId,
        TabId = TabId,
        PackageType = PackageType,
        Url = Url,
        IncludesPattern = IncludesPattern,
        DeploymentPolicy = DeploymentPolicy,
        ShareRight = ShareRight,
        Release = Release,
        Snapshot = Snapshot,
        ReleaseStatus = ReleaseStatus,
        SnapshotStatus = SnapshotStatus,
        RemoteUrl = RemoteUrl,
        RemoteType = RemoteType,
        ParentRepoName = ParentRepoName,
        UserName = UserName,
        Password = Secret.FromNullable(Password),
        Disabled = Disable ?? false,
        AllowAnonymous = AllowAnonymous,
        AutoCleanSnapshot = AutoCleanSnapshot,
        SnapshotAliveDays = SnapshotAliveDays,
        MaxUniqueSnapshots = MaxUniqueSnapshots,
        RepositoryIds = (RepositoryIds ?? []).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).ToArray(),
        Created = ServiceTime.Parse(CreatedTime, serviceOffset),
        CreatedBy = CreatedUserName,
        Modified = ServiceTime.Parse(ModifiedTime, serviceOffset),
        ModifiedBy = ModifiedUserName,
    };
}
