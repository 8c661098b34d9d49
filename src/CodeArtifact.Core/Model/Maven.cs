using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Model;

/// <summary>What <c>ShowMavenInfo</c> asks for; every part is optional.</summary>
public sealed class MavenInfoQuery
{
    /// <summary>The project (32 letters or digits); the client's project when null.</summary>
    public string? ProjectId { get; init; }

    /// <summary><c>release</c> or <c>snapshot</c> (<c>releases</c> is read as <c>release</c>).</summary>
    public string? Policy { get; init; }

    /// <summary><c>r</c> (the service's default) or <c>rw</c>.</summary>
    public string? Access { get; init; }

    /// <summary>True for the default repositories only.</summary>
    public bool? Default { get; init; }

    /// <summary>Repository ids to limit the answer to (at most 512 characters joined).</summary>
    public IReadOnlyList<string> Ids { get; init; } = Array.Empty<string>();
}

/// <summary>A Maven repository with the account to use it, from <c>ShowMavenInfo</c>.</summary>
public sealed class MavenRepositoryInfo
{
    /// <summary>The repository id (the <c>name</c> field).</summary>
    public string Id { get; init; } = string.Empty;

    public string? RepositoryName { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The URL Maven uses.</summary>
    public string? Url { get; init; }

    /// <summary><c>release</c> or <c>snapshot</c>.</summary>
    public string? Policy { get; init; }

    /// <summary>The repository account (<c>username</c> or <c>userName</c>, whichever is set).</summary>
    public string? UserName { get; init; }

    /// <summary>The repository password; the service sends it in clear text.</summary>
    public Secret? Password { get; init; }

    /// <summary><c>maven2</c>.</summary>
    public string? Format { get; init; }

    /// <summary><c>hosted</c>, <c>remote</c> or <c>virtual</c>.</summary>
    public string? Type { get; init; }

    public string? ProjectId { get; init; }

    public string? Status { get; init; }

    public string? Region { get; init; }

    public string? DomainId { get; init; }

    public string? TabId { get; init; }

    public string? PackageType { get; init; }

    public string? Description { get; init; }

    public string? ShareRight { get; init; }

    public bool Disabled { get; init; }
}
