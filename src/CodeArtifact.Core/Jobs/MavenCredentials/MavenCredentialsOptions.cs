namespace CodeArtifact.Core.Jobs;

/// <summary>Inputs of <see cref="MavenCredentialsJob"/>; names as the MSBuild task's parameters.</summary>
public sealed record MavenCredentialsOptions
{
    /// <summary>Only repositories of this project (default: every project of the tenant).</summary>
    public string? ProjectId { get; init; }

    /// <summary><c>release</c> or <c>snapshot</c> (<c>releases</c> is read as <c>release</c>); null for both.</summary>
    public string? Policy { get; init; }

    /// <summary><c>r</c> (read, the default) or <c>rw</c> (read and write).</summary>
    public string Access { get; init; } = "r";

    /// <summary>Only the default repositories.</summary>
    public bool DefaultOnly { get; init; }

    /// <summary>Only these repository ids.</summary>
    public IReadOnlyList<string> RepositoryIds { get; init; } = [];

    /// <summary>When set, the job also writes a Maven <c>settings.xml</c> there (see <see cref="MavenSettingsWriter"/>).</summary>
    public string? SettingsFile { get; init; }

    /// <summary>
    /// A Maven settings file to start from, such as <c>~/.m2/settings.xml</c>: the written
    /// <see cref="SettingsFile"/> keeps everything in it (local repository, mirrors, proxies,
    /// servers, profiles, active profiles, comments) and adds or replaces only our servers and our
    /// profile. It is read before any request is sent and never modified. Needs <see cref="SettingsFile"/>.
    /// </summary>
    public string? BaseSettingsFile { get; init; }

    /// <summary>
    /// Replace what the user wrote: a <see cref="SettingsFile"/> that this product did not write
    /// (else CART0201), and, in <see cref="BaseSettingsFile"/>, a server with one of our ids and
    /// other credentials or a profile named <c>codeartifact</c> (else CART0205).
    /// </summary>
    public bool Overwrite { get; init; }
}
