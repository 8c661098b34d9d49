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

    /// <summary>Replace a <see cref="SettingsFile"/> that this product did not write.</summary>
    public bool Overwrite { get; init; }
}
