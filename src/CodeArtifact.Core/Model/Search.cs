namespace CodeArtifact.Core.Model;

/// <summary>What <c>SearchByChecksum</c> looks for.</summary>
public sealed class ChecksumSearchQuery
{
    /// <summary>The hex digest (MD5, SHA-1, SHA-256 or SHA-512); required.</summary>
    public string Checksum { get; init; } = string.Empty;

    public int? PageNumber { get; init; }

    /// <summary>1–100.</summary>
    public int? PageSize { get; init; }

    /// <summary>A repository format to limit the search to.</summary>
    public string? Format { get; init; }

    /// <summary>True to search the repositories of <see cref="ProjectId"/> only.</summary>
    public bool? InProject { get; init; }

    /// <summary>The project when <see cref="InProject"/> is true; the client's project when null.</summary>
    public string? ProjectId { get; init; }
}

/// <summary>What <c>SearchArtifacts</c> (advanced search) looks for.</summary>
public sealed class ArtifactSearchQuery
{
    /// <summary>The artifact name (required, at most 200 characters).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>A package type: maven2, npm, go, pypi, rpm, composer, debian, conan, nuget, docker2, cocoapods, ohpm.</summary>
    public string? Format { get; init; }

    /// <summary>From 1 (the service's default).</summary>
    public int? PageNumber { get; init; }

    /// <summary>1–100 (the service's default is 10).</summary>
    public int? PageSize { get; init; }

    /// <summary>True to search in a project's repositories.</summary>
    public bool? InProject { get; init; }

    /// <summary>The project when <see cref="InProject"/> is true; the client's project when null.</summary>
    public string? ProjectId { get; init; }
}

/// <summary>An artifact found by a search.</summary>
public sealed class ArtifactSearchResult
{
    public string Name { get; init; } = string.Empty;

    /// <summary>The path inside the repository, as sent (<c>1/1/mod.txt</c>).</summary>
    public string? RelativePath { get; init; }

    /// <summary>The repository id (<c>repo</c>).</summary>
    public string? Repository { get; init; }

    public string? RepositoryName { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The package type (<c>repoType</c>).</summary>
    public string? Format { get; init; }

    /// <summary>The creator's id.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>The creator's name.</summary>
    public string? CreatedByName { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Modified { get; init; }

    /// <summary>The old repository id (<c>oldRepoId</c> or <c>oldRepoid</c>).</summary>
    public string? OldRepositoryId { get; init; }
}
