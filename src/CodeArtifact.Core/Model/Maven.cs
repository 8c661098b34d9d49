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

/// <summary>
/// A Maven repository with the account to use it, from <c>ShowMavenInfo</c>: the fields every
/// repository record carries (<see cref="RepositoryRecord"/>), and the account.
/// </summary>
public sealed record MavenRepositoryInfo : RepositoryRecord
{
    /// <summary>The repository account (<c>username</c> or <c>userName</c>, whichever is set).</summary>
    public string? UserName { get; init; }

    /// <summary>The repository password; the service sends it in clear text, and it prints as <c>***</c>.</summary>
    public Secret? Password { get; init; }
}
