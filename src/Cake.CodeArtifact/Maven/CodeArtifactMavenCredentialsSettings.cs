using Cake.Core.IO;

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
    /// For <see cref="CodeArtifactAliases.CodeArtifactWriteMavenSettings"/>: a Maven settings file
    /// to start from, such as the user's <c>~/.m2/settings.xml</c>. The written file keeps
    /// everything in it (local repository, mirrors, proxies, servers, profiles) and adds or
    /// replaces only the servers and the profile this addin owns. It is read before any request
    /// and never modified. A mirror in it that would catch one of the repositories is warning
    /// <c>CART0206</c>.
    /// </summary>
    public FilePath? BaseSettingsFile { get; set; }

    /// <summary>
    /// Replace what the user wrote: a <c>settings.xml</c> that this addin did not write, and a
    /// server of <see cref="BaseSettingsFile"/> with one of the repositories' ids and other
    /// credentials (or a profile named <c>codeartifact</c>). Without it the alias fails
    /// (<c>CART0201</c>, <c>CART0205</c>) and writes nothing, so that a hand-written file or
    /// server is never lost.
    /// </summary>
    public bool Overwrite { get; set; }
}
