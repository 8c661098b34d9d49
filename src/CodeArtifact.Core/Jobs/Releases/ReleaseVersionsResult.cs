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

    /// <summary>
    /// The file the versions are of, as its path with the version replaced by <c>{version}</c>
    /// (<c>/app/{version}/app-{version}.zip</c>); null when no version was found.
    /// </summary>
    public string? File { get; init; }

    /// <summary>The versions, lowest first (see <see cref="VersionComparer"/>), at most MaxResults of the highest.</summary>
    public required IReadOnlyList<ReleaseVersion> Versions { get; init; }

    /// <summary>The highest version without a pre-release part (or with one, when IncludePrerelease), or null.</summary>
    public ReleaseVersion? Latest { get; init; }

    /// <summary>The other files the fuzzy search returned (as path patterns), left out.</summary>
    public IReadOnlyList<string> OtherFiles { get; init; } = [];

    /// <summary>Checksum and signature records (<c>.sha256</c>, <c>.asc</c> …) left out.</summary>
    public int SidecarsLeftOut { get; init; }

    /// <summary>Records left out because PathFilter does not match their path.</summary>
    public int FilteredOut { get; init; }

    /// <summary>The number of records the service said match (its <c>total_records</c>; a hint only).</summary>
    public int TotalRecords { get; init; }

    /// <summary>Distinct (version, path) records received, of every file, before MaxResults.</summary>
    public int RecordsReceived { get; init; }

    /// <summary>Pages requested.</summary>
    public int PagesFetched { get; init; }

    /// <summary>
    /// False when fewer records came back than the service said match, or when the page ceiling
    /// (<see cref="ReleaseVersionsJob.MaxPages"/>) stopped the reading (warning CART0402).
    /// </summary>
    public bool Complete { get; init; } = true;

    /// <inheritdoc />
    /// <remarks>A pre-release newer than the latest release is named as such, so that it is not read as the latest.</remarks>
    public override string Summary
    {
        get
        {
            var file = File is null ? $"\"{Options.FileName}\"" : ReleaseFileNames.Name(File);
            var leftOut = new List<string>();
            if (OtherFiles.Count > 0)
            {
                leftOut.Add(Quantity.Of(OtherFiles.Count, "other file"));
            }

            if (SidecarsLeftOut > 0)
            {
                leftOut.Add(Quantity.Of(SidecarsLeftOut, "checksum or signature file"));
            }

            var tail = (leftOut.Count == 0 ? string.Empty : $" ({string.Join(" and ", leftOut)} left out)")
                + (Complete ? string.Empty : "; the list may be incomplete");
            var what = $"Release versions of {file}: ";
            if (Versions.Count == 0)
            {
                return $"{what}none found{tail}.";
            }

            var found = Quantity.Of(Versions.Count, "version");
            var newest = Versions[^1];
            if (Latest is null)
            {
                return $"{what}{found}, newest {newest.Version}; none is a release, and pre-releases count as latest only with IncludePrerelease{tail}.";
            }

            var latest = VersionKey.Parse(Latest.Version).IsPrerelease ? $"latest {Latest.Version} (a pre-release)" : $"latest {Latest.Version}";
            var newer = newest != Latest && VersionKey.Parse(newest.Version).IsPrerelease
                ? $"; newest {newest.Version} is a pre-release"
                : string.Empty;
            return $"{what}{found}, {latest}{newer}{tail}.";
        }
    }

    /// <summary>No version found is a warning (CART0401): the name may be wrong, or nothing was released yet.</summary>
    public override IReadOnlyList<JobProblem> Problems =>
        Versions.Count == 0 ? [CodedText.Problem(ProblemSeverity.Warning, Options.FileName, Messages.Releases_NoVersion, Options.FileName)] : [];
}
