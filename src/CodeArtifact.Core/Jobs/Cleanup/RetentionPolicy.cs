using System.Globalization;

namespace CodeArtifact.Core.Jobs;

/// <summary>A file as the retention policy sees it.</summary>
/// <param name="Path">Repository-relative, with a leading <c>/</c>.</param>
/// <param name="Modified">Its last modification, when known.</param>
public sealed record RetentionFile(string Path, DateTimeOffset? Modified);

/// <summary>What the policy decided for one file.</summary>
/// <param name="File">The file.</param>
/// <param name="IsCandidate">True when the file is to be deleted.</param>
/// <param name="Reason">For a kept file, the first rule that keeps it (see <see cref="RetentionReasons"/>).</param>
public sealed record RetentionDecision(RetentionFile File, bool IsCandidate, string? Reason);

/// <summary>
/// Decides which files a cleanup deletes. A file is a candidate when all of these hold: its path
/// relative to the root matches an include glob (default <c>**/*</c>) and no exclude glob; it
/// matches no protect glob; it is not among the <see cref="KeepLatest"/> newest files of its
/// folder; it is not a file of the <see cref="KeepLatestVersions"/> highest versions of its
/// package; when <see cref="OlderThanDays"/> is set, it was modified more than that many days
/// before now; and, when <see cref="NotDownloadedForDays"/> is set, it was neither downloaded nor
/// uploaded within that many days (a file never downloaded counts from its upload).
/// </summary>
/// <remarks>
/// <para>
/// Globs are those of Microsoft.Extensions.FileSystemGlobbing, matched case-sensitively against
/// the path relative to the root with <c>/</c> between segments (<c>app/1.0/app.zip</c>); a
/// leading <c>/</c> in a glob is ignored. The newest files of a folder are ranked among the files
/// that the include and exclude globs select (the files the policy is about), by modified time,
/// then by name; a protected file counts in that ranking. A file's folder is the folder the tree
/// listed it in. The policy never selects a folder.
/// </para>
/// <para>
/// Versions (<see cref="VersionSegments"/>): a file's version is the first folder below the root
/// whose name reads as a version, its package the path before it. All files of the N highest
/// versions of each package are kept, and with N ≥ 1 also those of the highest release version;
/// a file in no versioned folder is kept (<c>no-version</c>).
/// </para>
/// <para>
/// Unknown times are never a reason to delete: with any of <c>KeepLatest</c>,
/// <c>KeepLatestVersions</c> or <c>OlderThanDays</c>, a file whose modified time is unknown is kept
/// (<c>time-unknown</c>); with <c>NotDownloadedForDays</c>, a file whose last download, creation and
/// modification are all unknown is kept (<c>usage-unknown</c>). Usage is only in the file detail, so
/// <see cref="Evaluate"/> decides everything else and <see cref="JudgeUsage"/> the usage rule.
/// </para>
/// </remarks>
public sealed class RetentionPolicy
{
    private const string DefaultInclude = "**/*";

    // The in-memory matcher needs a rooted directory; any fixed one does, since it only serves
    // to make the relative paths rooted and is stripped again from the matches.
    private readonly PathGlob _included;
    private readonly PathGlob _selected;
    private readonly PathGlob? _protected;

    public RetentionPolicy(
        IReadOnlyList<string>? include = null,
        IReadOnlyList<string>? exclude = null,
        IReadOnlyList<string>? protect = null,
        int keepLatest = 0,
        double? olderThanDays = null,
        int keepLatestVersions = 0,
        double? notDownloadedForDays = null)
    {
        Include = Globs(include, nameof(CleanupOptions.Include));
        Exclude = Globs(exclude, nameof(CleanupOptions.Exclude));
        Protect = Globs(protect, nameof(CleanupOptions.Protect));
        if (keepLatest < 0)
        {
            throw CodeArtifactException.Invalid(nameof(CleanupOptions.KeepLatest), $"Invalid KeepLatest {keepLatest.ToString(CultureInfo.InvariantCulture)}: it is 0 or more (the newest files to keep in each folder).");
        }

        if (keepLatestVersions < 0)
        {
            throw CodeArtifactException.Invalid(nameof(CleanupOptions.KeepLatestVersions), $"Invalid KeepLatestVersions {keepLatestVersions.ToString(CultureInfo.InvariantCulture)}: it is 0 or more (the highest versions to keep of each package; 0 turns the rule off).");
        }

        Days(olderThanDays, nameof(CleanupOptions.OlderThanDays), "or unset for any age");
        Days(notDownloadedForDays, nameof(CleanupOptions.NotDownloadedForDays), "or unset to ignore downloads");
        KeepLatest = keepLatest;
        OlderThanDays = olderThanDays;
        KeepLatestVersions = keepLatestVersions;
        NotDownloadedForDays = notDownloadedForDays;

        IReadOnlyList<string> includes = Include.Count == 0 ? [DefaultInclude] : Include;
        _included = new PathGlob(includes);
        _selected = new PathGlob(includes, Exclude);
        _protected = Protect.Count > 0 ? new PathGlob(Protect) : null;
    }

    public IReadOnlyList<string> Include { get; }

    public IReadOnlyList<string> Exclude { get; }

    public IReadOnlyList<string> Protect { get; }

    public int KeepLatest { get; }

    public double? OlderThanDays { get; }

    public int KeepLatestVersions { get; }

    public double? NotDownloadedForDays { get; }

    /// <summary>True when the usage rule is on, so candidates need their file detail before they are final.</summary>
    public bool JudgesUsage => NotDownloadedForDays is not null;

    /// <summary>The policy of a cleanup's options.</summary>
    public static RetentionPolicy FromOptions(CleanupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RetentionPolicy(options.Include, options.Exclude, options.Protect, options.KeepLatest, options.OlderThanDays, options.KeepLatestVersions, options.NotDownloadedForDays);
    }

    /// <summary>
    /// Decides for each file under <paramref name="rootPath"/>, in the order given. A file outside
    /// the root fails the whole evaluation (CART0503): nothing is decided for a confused listing.
    /// </summary>
    public IReadOnlyList<RetentionDecision> Evaluate(string rootPath, IReadOnlyList<RetentionFile> files, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(files);
        var root = RepositoryPaths.NormalizeRoot(rootPath);
        var relative = new string[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            RepositoryPaths.EnsureUnderRoot(root, files[i].Path);
            relative[i] = RepositoryPaths.RelativeToRoot(root, files[i].Path);
        }

        var included = _included.Matching(relative);
        var selected = Exclude.Count == 0 ? included : _selected.Matching(relative);
        var isProtected = _protected is null ? new HashSet<string>(StringComparer.Ordinal) : _protected.Matching(relative);
        var keptAsNewest = NewestPerFolder(files, relative, selected);
        var byVersion = KeepLatestVersions > 0 ? VersionRanking.Judge(relative, i => selected.Contains(relative[i]), KeepLatestVersions) : null;
        var timeMatters = KeepLatest > 0 || KeepLatestVersions > 0 || OlderThanDays is not null;
        DateTimeOffset? cutoff = OlderThanDays is { } days ? now - TimeSpan.FromDays(days) : null;

        var decisions = new RetentionDecision[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var reason =
                !included.Contains(relative[i]) ? RetentionReasons.NotIncluded
                : !selected.Contains(relative[i]) ? RetentionReasons.Excluded
                : isProtected.Contains(relative[i]) ? RetentionReasons.Protected
                : timeMatters && file.Modified is null ? RetentionReasons.TimeUnknown
                : byVersion?[i] is { } versionReason ? versionReason
                : keptAsNewest.Contains(i) ? RetentionReasons.KeepLatest
                : cutoff is not null && file.Modified >= cutoff ? RetentionReasons.TooNew
                : null;
            decisions[i] = new RetentionDecision(file, reason is null, reason);
        }

        return decisions;
    }

    /// <summary>
    /// The usage rule for a file the other rules select: null when neither a download nor an upload
    /// (creation, or a new upload over it) happened within <see cref="NotDownloadedForDays"/> days
    /// before <paramref name="now"/>, so a file never downloaded counts from its upload and a fresh
    /// upload is never unused; else why it is kept (<c>recently-downloaded</c>,
    /// <c>recently-uploaded</c>, <c>usage-unknown</c> when no time at all is known). Always null
    /// when the rule is off.
    /// </summary>
    public string? JudgeUsage(DateTimeOffset? lastDownloaded, DateTimeOffset? created, DateTimeOffset? modified, DateTimeOffset now)
    {
        if (NotDownloadedForDays is not { } days)
        {
            return null;
        }

        var cutoff = now - TimeSpan.FromDays(days);
        DateTimeOffset? uploaded = created is null ? modified : modified is null ? created : (created > modified ? created : modified);
        return lastDownloaded >= cutoff ? RetentionReasons.RecentlyDownloaded
            : uploaded >= cutoff ? RetentionReasons.RecentlyUploaded
            : lastDownloaded is null && uploaded is null ? RetentionReasons.UsageUnknown
            : null;
    }

    private HashSet<int> NewestPerFolder(IReadOnlyList<RetentionFile> files, string[] relative, HashSet<string> selected)
    {
        var kept = new HashSet<int>();
        if (KeepLatest == 0)
        {
            return kept;
        }

        // Only files of known time are ranked: an unknown time is kept for that reason, and must
        // neither take a place among the newest nor count as the oldest.
        var byFolder = Enumerable.Range(0, files.Count)
            .Where(i => selected.Contains(relative[i]) && files[i].Modified is not null)
            .GroupBy(i => RepositoryPaths.Parent(files[i].Path), StringComparer.Ordinal);
        foreach (var folder in byFolder)
        {
            var newest = folder
                .OrderByDescending(i => files[i].Modified)
                .ThenByDescending(i => files[i].Path, StringComparer.Ordinal)
                .Take(KeepLatest);
            kept.UnionWith(newest);
        }

        return kept;
    }

    private static void Days(double? value, string parameterName, string unset)
    {
        if (value is { } days && (double.IsNaN(days) || days < 0 || days > 365_000))
        {
            throw CodeArtifactException.Invalid(parameterName, $"Invalid {parameterName} {days.ToString(CultureInfo.InvariantCulture)}: it is a number of days from 0 to 365000, {unset}.");
        }
    }

    private static List<string> Globs(IReadOnlyList<string>? globs, string parameterName)
    {
        var list = new List<string>();
        if (globs is null)
        {
            return list;
        }

        for (var i = 0; i < globs.Count; i++)
        {
            var glob = globs[i]?.Trim();
            if (string.IsNullOrEmpty(glob) || glob.Any(char.IsControl) || glob.Replace('\\', '/').Split('/').Contains(".."))
            {
                throw CodeArtifactException.Invalid($"{parameterName}[{i}]", $"Invalid {parameterName}[{i}]: a glob such as **/*.zip is not empty, has no control character and no '..' segment (it is matched below RootPath).");
            }

            list.Add(glob.TrimStart('/'));
        }

        return list;
    }
}
