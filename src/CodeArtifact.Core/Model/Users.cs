namespace CodeArtifact.Core.Model;

/// <summary>The caller's repository account, as <c>ResetUserPassword</c> answers it.</summary>
public sealed class RepositoryUser
{
    public string? Id { get; init; }

    /// <summary>The IAM user id.</summary>
    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public string? UserType { get; init; }

    /// <summary>The account name used against the repositories.</summary>
    public string? RepositoryUserName { get; init; }

    /// <summary>The account name with the region prefix.</summary>
    public string? InnerRepositoryUserName { get; init; }

    public long? RepositoryCount { get; init; }

    public string? Status { get; init; }

    public string? DomainId { get; init; }

    public string? Region { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Modified { get; init; }
}
