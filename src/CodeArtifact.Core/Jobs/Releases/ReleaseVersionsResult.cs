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
    public override string Summary
    {
        get
        {
            var file = File is null ? $"\"{Options.FileName}\"" : ReleaseFileNames.Name(File);
            var found = Versions.Count == 0 ? "no version" : Quantity.Of(Versions.Count, "version");
            var latest = Latest is null ? string.Empty : $", latest {Latest.Version}";
            var leftOut = new List<string>();
            if (OtherFiles.Count > 0)
            {
                leftOut.Add(Quantity.Of(OtherFiles.Count, "other file"));
            }

            if (SidecarsLeftOut > 0)
            {
                leftOut.Add(Quantity.Of(SidecarsLeftOut, "checksum or signature file"));
            }

            var tail = leftOut.Count == 0 ? string.Empty : $" ({string.Join(" and ", leftOut)} left out)";
            return $"Release versions of {file}: {found}{latest}{tail}{(Complete ? string.Empty : "; the list may be incomplete")}.";
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<JobProblem> Problems => Versions.Count > 0
        ? []
        : [new JobProblem(ProblemSeverity.Warning, ErrorCodes.NoReleaseVersion, $"No release version of {Options.FileName} was found. Check FileName (the service matches it as part of a file name), PathFilter and ProjectId.")];
}
