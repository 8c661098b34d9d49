using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Model;

/// <summary>
/// A repository as the repository-management operations describe it (<c>ShowRepositoryInfo</c>,
/// <c>CreateArtifactory</c>): the common fields and the pair, remote, access and cleanup settings.
/// </summary>
public sealed record RepositoryInfo : RepositoryRecord
{
    /// <summary>For a Maven pair: the release repository name.</summary>
    public string? Release { get; init; }

    /// <summary>For a Maven pair: the snapshot repository name.</summary>
    public string? Snapshot { get; init; }

    public string? ReleaseStatus { get; init; }

    public string? SnapshotStatus { get; init; }

    public string? RemoteUrl { get; init; }

    public string? RemoteType { get; init; }

    public string? ParentRepoName { get; init; }

    /// <summary>The repository account (<c>username</c> or <c>userName</c>, whichever is set).</summary>
    public string? UserName { get; init; }

    /// <summary>The repository password when the service sends one.</summary>
    public Secret? Password { get; init; }

    public bool? AllowAnonymous { get; init; }

    public bool? AutoCleanSnapshot { get; init; }

    public string? SnapshotAliveDays { get; init; }

    public string? MaxUniqueSnapshots { get; init; }

    /// <summary>For a virtual repository: the repositories it aggregates.</summary>
    public IReadOnlyList<string> RepositoryIds { get; init; } = Array.Empty<string>();
}
