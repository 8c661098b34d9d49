namespace Cake.CodeArtifact;

/// <summary>
/// Where and how <see cref="CodeArtifactAliases.CodeArtifactPublishFiles(Cake.Core.ICakeContext, IDictionary{Cake.Core.IO.FilePath, string}, CodeArtifactPublishSettings)"/>
/// uploads files. The uploads go as the repository user of the account (the one Maven info
/// returns, or <c>CODEARTIFACT_REPOSITORY_USER</c> and <c>CODEARTIFACT_REPOSITORY_PASSWORD</c> from
/// the environment); there is no setting for the password.
/// </summary>
public class CodeArtifactPublishSettings : CodeArtifactSettings
{
    /// <summary>Creates settings that take every connection value from the environment.</summary>
    public CodeArtifactPublishSettings()
    {
    }

    /// <summary>Creates settings with the connection values of <paramref name="connection"/>.</summary>
    /// <param name="connection">The shared connection settings.</param>
    public CodeArtifactPublishSettings(CodeArtifactSettings connection)
        : base(connection)
    {
    }

    /// <summary>The repository id (required; non-Maven repositories only).</summary>
    public string? Repository { get; set; }

    /// <summary>The repository format (default: the one the repository reports); a Maven format is refused.</summary>
    public string? Format { get; set; }

    /// <summary>Replace a file at the path that differs from the local one (default false: such a file fails the alias with <c>CART0606</c> and is left as it is).</summary>
    public bool Overwrite { get; set; }

    /// <summary>Compare each uploaded file's SHA-256 with the one the repository then reports (default true).</summary>
    public bool Verify { get; set; } = true;

    /// <summary>Only list what would be uploaded, left unchanged or refused; nothing is uploaded.</summary>
    public bool DryRun { get; set; }
}
