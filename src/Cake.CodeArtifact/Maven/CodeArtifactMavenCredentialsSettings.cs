namespace Cake.CodeArtifact;

/// <summary>
/// Which Maven repositories to resolve credentials for, used by
/// <see cref="CodeArtifactAliases.CodeArtifactResolveMavenCredentials"/> and
/// <see cref="CodeArtifactAliases.CodeArtifactWriteMavenSettings"/>.
/// </summary>
public class CodeArtifactMavenCredentialsSettings : CodeArtifactSettings
{
    /// <summary>Creates settings that take every connection value from the environment.</summary>
    public CodeArtifactMavenCredentialsSettings()
    {
    }

    /// <summary>Creates settings with the connection values of <paramref name="connection"/>.</summary>
    /// <param name="connection">The shared connection settings.</param>
    public CodeArtifactMavenCredentialsSettings(CodeArtifactSettings connection)
        : base(connection)
    {
    }

    /// <summary>Only repositories of this policy: <c>release</c> or <c>snapshot</c>; all when unset.</summary>
    public string? Policy { get; set; }

    /// <summary>The access the credentials need: <c>r</c> (read, the default) or <c>rw</c> (read and write).</summary>
    public string Access { get; set; } = "r";

    /// <summary>Only the project's default repositories.</summary>
    public bool DefaultOnly { get; set; }

    /// <summary>Only these repository ids; all when empty.</summary>
    public ICollection<string> RepositoryIds { get; set; } = new List<string>();

    /// <summary>
    /// Replace a <c>settings.xml</c> that this addin did not write. Without it such a file is
    /// left alone and the alias fails, so that a hand-written file is never lost.
    /// </summary>
    public bool Overwrite { get; set; }
}
