namespace Cake.CodeArtifact;

/// <summary>How <see cref="CodeArtifactAliases.CodeArtifactVerifyChecksums"/> compares local files with the repository.</summary>
public class CodeArtifactVerifySettings : CodeArtifactSettings
{
    /// <summary>Creates settings that take every connection value from the environment.</summary>
    public CodeArtifactVerifySettings()
    {
    }

    /// <summary>Creates settings with the connection values of <paramref name="connection"/>.</summary>
    /// <param name="connection">The shared connection settings.</param>
    public CodeArtifactVerifySettings(CodeArtifactSettings connection)
        : base(connection)
    {
    }

    /// <summary>The repository id that holds the files, in the documented shape <c>{region}_{domainId}_{format}_{sequence}</c> (checked before any request).</summary>
    public string? Repository { get; set; }

    /// <summary>The repository format (default <c>generic</c>).</summary>
    public string Format { get; set; } = "generic";

    /// <summary>
    /// <c>Auto</c> (the default: SHA-256 when the repository reports it, else the strongest it reports),
    /// <c>SHA512</c>, <c>SHA256</c>, <c>SHA1</c> or <c>MD5</c>.
    /// </summary>
    public string Algorithm { get; set; } = "Auto";

    /// <summary>
    /// Fail when a file's digest (or size) differs from the repository's, or when the repository holds
    /// no digest of the algorithm asked for (default true); false makes both warnings. A remote error
    /// or an unreadable local file always fails.
    /// </summary>
    public bool FailOnMismatch { get; set; } = true;

    /// <summary>Fail when a file is not in the repository (default true).</summary>
    public bool FailOnMissing { get; set; } = true;
}
