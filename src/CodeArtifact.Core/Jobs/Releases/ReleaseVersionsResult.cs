using CodeArtifact.Core.Runner;

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

    /// <inheritdoc />
    /// <remarks>A pre-release newer than the latest release is named as such, so that it is not read as the latest.</remarks>
    public override string Summary
    {
        get
        {
            var what = $"Release versions of \"{Options.FileName}\": ";
            if (Versions.Count == 0)
            {
                return what + "none found.";
            }

            var found = Quantity.Of(Versions.Count, "version");
            var newest = Versions[^1];
            if (Latest is null)
            {
                return $"{what}{found}, newest {newest.Version}; none is a release, and pre-releases count as latest only with IncludePrerelease.";
            }

            var latest = VersionKey.Parse(Latest.Version).IsPrerelease ? $"latest {Latest.Version} (a pre-release)" : $"latest {Latest.Version}";
            var newer = newest != Latest && VersionKey.Parse(newest.Version).IsPrerelease
                ? $"; newest {newest.Version} is a pre-release"
                : string.Empty;
            return $"{what}{found}, {latest}{newer}.";
        }
    }

    /// <summary>No version found is a warning (CART0401): the name may be wrong, or nothing was released yet.</summary>
    public override IReadOnlyList<JobProblem> Problems =>
        Versions.Count == 0 ? [CodedText.Problem(ProblemSeverity.Warning, Options.FileName, Messages.Releases_NoVersion, Options.FileName)] : [];
}
