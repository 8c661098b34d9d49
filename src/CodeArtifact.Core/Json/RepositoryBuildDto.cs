using System.Text.Json.Serialization;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Json.Converters;
using CodeArtifact.Core.Model;

namespace CodeArtifact.Core.Json;

/// <summary>
/// RepositoryBuildVO: the repository record of ShowMavenInfo, ShowRepositoryInfo and
/// CreateArtifactory: the common fields and its own. It carries both <c>userName</c> and
/// <c>username</c> (the Maven info example sends <c>"userName": null</c> beside a set <c>username</c>).
/// </summary>
internal sealed class RepositoryBuildDto : RepositoryRecordDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

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

    public string? UserName => TwoSpellings.Either(UserNameLower, UserNameCamel);

    protected override string? RepositoryType => Type;

    public MavenRepositoryInfo ToMavenModel(TimeSpan serviceOffset) => WithCommonFields(
        new MavenRepositoryInfo
        {
            UserName = UserName,
            Password = Secret.FromNullable(Password),
        },
        serviceOffset);

    public RepositoryInfo ToModel(TimeSpan serviceOffset) => WithCommonFields(
        new RepositoryInfo
        {
            Release = Release,
            Snapshot = Snapshot,
            ReleaseStatus = ReleaseStatus,
            SnapshotStatus = SnapshotStatus,
            RemoteUrl = RemoteUrl,
            RemoteType = RemoteType,
            ParentRepoName = ParentRepoName,
            UserName = UserName,
            Password = Secret.FromNullable(Password),
            AllowAnonymous = AllowAnonymous,
            AutoCleanSnapshot = AutoCleanSnapshot,
            SnapshotAliveDays = SnapshotAliveDays,
            MaxUniqueSnapshots = MaxUniqueSnapshots,
            RepositoryIds = (RepositoryIds ?? []).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).ToArray(),
        },
        serviceOffset);
}
