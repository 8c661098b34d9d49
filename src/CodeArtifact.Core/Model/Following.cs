namespace CodeArtifact.Core.Model;

/// <summary>One page of <c>ListAttentions</c>.</summary>
public sealed class FollowedArtifactPage
{
    public IReadOnlyList<FollowedArtifact> Data { get; init; } = Array.Empty<FollowedArtifact>();

    public int TotalRecords { get; init; }

    public int TotalPages { get; init; }
}

/// <summary>An artifact the caller follows.</summary>
public sealed class FollowedArtifact
{
    public string? Id { get; init; }

    public string? RepositoryId { get; init; }

    public string? RepositoryName { get; init; }

    public string? Format { get; init; }

    public string? Policy { get; init; }

    /// <summary>The artifact id, <c>&lt;repoId&gt;/&lt;path&gt;</c>.</summary>
    public string? ArtifactId { get; init; }

    /// <summary><c>&lt;repoId&gt;/&lt;path&gt;</c>.</summary>
    public string? Path { get; init; }

    public string? UserId { get; init; }

    public string? ModifiedBy { get; init; }

    public string? ModifiedByUserId { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? DomainId { get; init; }

    public string? Region { get; init; }
}
