namespace CodeArtifact.Core.Model;

/// <summary>
/// The fields that every repository record of the API carries with the same meaning, whether it
/// comes from a listing (<see cref="RepositorySummary"/>) or from the repository-management
/// operations (<see cref="RepositoryInfo"/>).
/// </summary>
public abstract record RepositoryRecord
{
    /// <summary>The repository id (the <c>name</c> field).</summary>
    public string Id { get; init; } = string.Empty;

    public string? RepositoryName { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public string? Format { get; init; }

    /// <summary><c>hosted</c>, <c>remote</c> or <c>virtual</c> (<c>type</c>, or <c>repoType</c> in listings).</summary>
    public string? Type { get; init; }

    public string? PackageType { get; init; }

    /// <summary><c>release</c> or <c>snapshot</c> for Maven (the service also writes <c>releases</c>).</summary>
    public string? Policy { get; init; }

    public string? Status { get; init; }

    public string? Url { get; init; }

    /// <summary>Path whitelist, such as <c>**/*</c>.</summary>
    public string? IncludesPattern { get; init; }

    public string? ProjectId { get; init; }

    /// <summary>Sharing, such as <c>PROJECT</c>.</summary>
    public string? ShareRight { get; init; }

    /// <summary>Deployment policy, such as <c>allowRedeploy</c>.</summary>
    public string? DeploymentPolicy { get; init; }

    /// <summary>The tab id that groups a Maven release/snapshot pair; the key of <c>ModifyRepository</c>.</summary>
    public string? TabId { get; init; }

    public string? DomainId { get; init; }

    public string? Region { get; init; }

    public bool Disabled { get; init; }

    public DateTimeOffset? Created { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? ModifiedBy { get; init; }
}
