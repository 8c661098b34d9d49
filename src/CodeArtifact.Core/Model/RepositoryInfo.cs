using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Model;

/// <summary>
/// A repository as the repository-management operations describe it (<c>ShowRepositoryInfo</c>,
/// <c>CreateArtifactory</c>).
/// </summary>
public sealed class RepositoryInfo
{
    /// <summary>The repository id (the <c>name</c> field).</summary>
    public string Id { get; init; } = string.Empty;

    public string? RepositoryName { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public string? Format { get; init; }

    /// <summary><c>hosted</c>, <c>remote</c> or <c>virtual</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>release</c> or <c>snapshot</c> for Maven.</summary>
    public string? Policy { get; init; }

    public string? Status { get; init; }

    public string? Region { get; init; }

    public string? DomainId { get; init; }

    public string? ProjectId { get; init; }

    /// <summary>The tab id that groups a Maven release/snapshot pair; the key of <c>ModifyRepository</c>.</summary>
    public string? TabId { get; init; }

    public string? PackageType { get; init; }

    public string? Url { get; init; }

    public string? IncludesPattern { get; init; }

    public string? DeploymentPolicy { get; init; }

    public string? ShareRight { get; init; }

    /// <summary>For a Maven pair: the release repository name.</summary>
    public string? Release { get; init; }

    /// <summary>For a Maven pair: the snapshot repository name.</summary>
    public string? Snapshot { get; init; }

    public string? ReleaseStatus { get; init; }

    public string? SnapshotStatus { get; init; }

    public string? RemoteUrl { get; init; }

    public string? RemoteType { get; init; }

    public string? ParentRepoName { get; init; }

    public string? UserName { get; init; }

    /// <summary>The repository password when the service sends one.</summary>
    public Secret? Password { get; init; }

    public bool Disabled { get; init; }

    public bool? AllowAnonymous { get; init; }

    public bool? AutoCleanSnapshot { get; init; }

    public string? SnapshotAliveDays { get; init; }

    public string? MaxUniqueSnapshots { get; init; }

    /// <summary>For a virtual repository: the repositories it aggregates.</summary>
    public IReadOnlyList<string> RepositoryIds { get; init; } = Array.Empty<string>();

    public DateTimeOffset? Created { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? ModifiedBy { get; init; }
}
