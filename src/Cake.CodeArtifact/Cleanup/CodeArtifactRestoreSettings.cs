namespace Cake.CodeArtifact;

/// <summary>Where <see cref="CodeArtifactAliases.CodeArtifactRestoreFiles"/> restores files from the recycle bin.</summary>
public class CodeArtifactRestoreSettings : CodeArtifactSettings
{
    /// <summary>Creates settings that take every connection value from the environment.</summary>
    public CodeArtifactRestoreSettings()
    {
    }

    /// <summary>Creates settings with the connection values of <paramref name="connection"/>.</summary>
    /// <param name="connection">The shared connection settings.</param>
    public CodeArtifactRestoreSettings(CodeArtifactSettings connection)
        : base(connection)
    {
    }

    /// <summary>The repository id the files were deleted from (required).</summary>
    public string? Repository { get; set; }

    /// <summary>The repository format, when known (default: read from the repository id, else <c>generic</c>).</summary>
    public string? Format { get; set; }
}
