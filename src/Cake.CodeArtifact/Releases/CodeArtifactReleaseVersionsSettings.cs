namespace Cake.CodeArtifact;

/// <summary>
/// How <see cref="CodeArtifactAliases.CodeArtifactGetReleaseFileVersions"/> and
/// <see cref="CodeArtifactAliases.CodeArtifactGetLatestReleaseFileVersion"/> look up versions.
/// The project is <see cref="CodeArtifactSettings.ProjectId"/>.
/// </summary>
public class CodeArtifactReleaseVersionsSettings : CodeArtifactSettings
{
    /// <summary>Creates settings that take every connection value from the environment.</summary>
    public CodeArtifactReleaseVersionsSettings()
    {
    }

    /// <summary>Creates settings with the connection values of <paramref name="connection"/>.</summary>
    /// <param name="connection">The shared connection settings.</param>
    public CodeArtifactReleaseVersionsSettings(CodeArtifactSettings connection)
        : base(connection)
    {
    }

    /// <summary>
    /// A glob matched against each record's repository path, such as <c>/release/app/*/app-*.zip</c>
    /// or <c>**/*.tar.gz</c> (case-sensitive): only matching records count. Use it when the file name
    /// alone is ambiguous (<c>CART0403</c> lists the names found); unset: every path.
    /// </summary>
    public string? PathFilter { get; set; }

    /// <summary>At most this many versions (the highest ones); all when unset.</summary>
    public int? MaxResults { get; set; }

    /// <summary>Let a pre-release version (<c>2.0.0-rc.1</c>) be the latest.</summary>
    public bool IncludePrerelease { get; set; }
}
