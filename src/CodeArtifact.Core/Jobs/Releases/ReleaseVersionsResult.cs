namespace CodeArtifact.Core.Jobs;

/// <summary>One version of a release file.</summary>
/// <param name="Version">The version string as the service gave it.</param>
/// <param name="Path">The file's path in the release repository.</param>
/// <param name="DownloadUrl">Where to download it.</param>
public sealed record ReleaseVersion(string Version, string Path, string DownloadUrl);

/// <summary>The outcome of <see cref="ReleaseVersionsJob"/>.</summary>
public sealed class ReleaseVersionsResult : JobResult
{
    /// <inheritdoc />
    public override string JobName => "release-versions";

    /// <summary>The inputs (they hold no secret).</summary>
    public required ReleaseVersionsOptions Options { get; init; }

    /// <summary>The versions, lowest first (see <see cref="VersionComparer"/>), at most MaxResults of the highest.</summary>
    public required IReadOnlyList<ReleaseVersion> Versions { get; init; }

    /// <summary>The highest version without a pre-release part (or with one, when IncludePrerelease), or null.</summary>
    public ReleaseVersion? Latest { get; init; }

    /// <summary>The number of records the service said match.</summary>
    public int TotalRecords { get; init; }

    /// <summary>Distinct (version, path) records received, before MaxResults.</summary>
    public int RecordsReceived { get; init; }

    /// <summary>Pages requested.</summary>
    public int PagesFetched { get; init; }

    /// <summary>False when fewer records came back than the service said match (warning CART0402).</summary>
    public bool Complete { get; init; } = true;
}
