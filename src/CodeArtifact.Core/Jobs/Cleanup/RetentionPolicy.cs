using System.Globalization;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CodeArtifact.Core.Jobs;

/// <summary>A file as the retention policy sees it.</summary>
/// <param name="Path">Repository-relative, with a leading <c>/</c>.</param>
/// <param name="Modified">Its last modification, when known.</param>
public sealed record RetentionFile(string Path, DateTimeOffset? Modified);

/// <summary>What the policy decided for one file.</summary>
/// <param name="File">The file.</param>
/// <param name="IsCandidate">True when the file is to be deleted.</param>
/// <param name="Reason">For a kept file: <c>not-included</c>, <c>excluded</c>, <c>protected</c>, <c>keep-latest</c>, <c>too-new</c> or <c>age-unknown</c>.</param>
public sealed record RetentionDecision(RetentionFile File, bool IsCandidate, string? Reason);

/// <summary>
/// Decides which files a cleanup deletes. A file is a candidate when all of these hold: its path
/// relative to the root matches an include glob (default <c>**/*</c>) and no exclude glob; it
/// matches no protect glob; it is not among the <see cref="KeepLatest"/> newest files of its
/// folder; and, when <see cref="OlderThanDays"/> is set, it was modified more than that many days
/// before now (a file whose time is unknown is kept).
/// </summary>
/// <remarks>
/// Globs are those of Microsoft.Extensions.FileSystemGlobbing, matched case-sensitively against
/// the path relative to the root with <c>/</c> between segments (<c>app/1.0/app.zip</c>); a
/// leading <c>/</c> in a glob is ignored. The newest files of a folder are ranked among the files
/// that the include and exclude globs select (the files the policy is about), by modified time,
/// then by name; a protected file counts in that ranking. A file's folder is the folder the tree
/// listed it in. The policy never selects a folder.
/// </remarks>
public sealed class RetentionPolicy
{
    private const string DefaultInclude = "**/*";

    // The in-memory matcher needs a rooted directory; any fixed one does, since it only serves
    // to make the relative paths rooted and is stripped again from the matches.
    private static readonly string MatchRoot = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "codeartifact-retention"));

    private readonly Matcher _included;
    private readonly Matcher _selected;
    private readonly Matcher? _protected;

    public RetentionPolicy(
        IReadOnlyList<string>? include = null,
        IReadOnlyList<string>? exclude = null,
        IReadOnlyList<string>? protect = null,
        int keepLatest = 0,
        double? olderThanDays = null)
    {
        Include = Globs(include, nameof(CleanupOptions.Include));
        Exclude = Globs(exclude, nameof(CleanupOptions.Exclude));
        Protect = Globs(protect, nameof(CleanupOptions.Protect));
        if (keepLatest < 0)
        {
            throw CodeArtifactException.Invalid(nameof(CleanupOptions.KeepLatest), $"Invalid KeepLatest {keepLatest.ToString(CultureInfo.InvariantCulture)}: it is 0 or more (the newest files to keep in each folder).");
        }

        if (olderThanDays is { } days && (double.IsNaN(days) || days < 0 || days > 365_000))
        {
            throw CodeArtifactException.Invalid(nameof(CleanupOptions.OlderThanDays), $"Invalid OlderThanDays {days.ToString(CultureInfo.InvariantCulture)}: it is a number of days from 0 to 365000, or unset for any age.");
        }

        KeepLatest = keepLatest;
        OlderThanDays = olderThanDays;

        IReadOnlyList<string> includes = Include.Count == 0 ? [DefaultInclude] : Include;
        _included = new Matcher(StringComparison.Ordinal);
        _included.AddIncludePatterns(includes);

        // Exclude globs stay matcher excludes, so that excluding a folder excludes what is in it.
        _selected = new Matcher(StringComparison.Ordinal);
        _selected.AddIncludePatterns(includes);
        _selected.AddExcludePatterns(Exclude);
        if (Protect.Count > 0)
        {
            _protected = new Matcher(StringComparison.Ordinal);
            _protected.AddIncludePatterns(Protect);
        }
    }

    public IReadOnlyList<string> Include { get; }

    public IReadOnlyList<string> Exclude { get; }

    public IReadOnlyList<string> Protect { get; }

    public int KeepLatest { get; }

    public double? OlderThanDays { get; }

    /// <summary>The policy of a cleanup's options.</summary>
    public static RetentionPolicy FromOptions(CleanupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RetentionPolicy(options.Include, options.Exclude, options.Protect, options.KeepLatest, options.OlderThanDays);
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

        var included = Matching(_included, relative);
        var selected = Exclude.Count == 0 ? included : Matching(_selected, relative);
        var isProtected = _protected is null ? new HashSet<string>(StringComparer.Ordinal) : Matching(_protected, relative);
        var keptAsNewest = NewestPerFolder(files, relative, selected);
        DateTimeOffset? cutoff = OlderThanDays is { } days ? now - TimeSpan.FromDays(days) : null;

        var decisions = new RetentionDecision[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var reason =
                !included.Contains(relative[i]) ? "not-included"
                : !selected.Contains(relative[i]) ? "excluded"
                : isProtected.Contains(relative[i]) ? "protected"
                : keptAsNewest.Contains(i) ? "keep-latest"
                : cutoff is null ? null
                : file.Modified is not { } modified ? "age-unknown"
                : modified >= cutoff ? "too-new"
                : null;
            decisions[i] = new RetentionDecision(file, reason is null, reason);
        }

        return decisions;
    }

    private HashSet<int> NewestPerFolder(IReadOnlyList<RetentionFile> files, string[] relative, HashSet<string> selected)
    {
        var kept = new HashSet<int>();
        if (KeepLatest == 0)
        {
            return kept;
        }

        var byFolder = Enumerable.Range(0, files.Count)
            .Where(i => selected.Contains(relative[i]))
            .GroupBy(i => RepositoryPaths.Parent(files[i].Path), StringComparer.Ordinal);
        foreach (var folder in byFolder)
        {
            var newest = folder
                .OrderByDescending(i => files[i].Modified ?? DateTimeOffset.MinValue)
                .ThenByDescending(i => files[i].Path, StringComparer.Ordinal)
                .Take(KeepLatest);
            kept.UnionWith(newest);
        }

        return kept;
    }

    private static HashSet<string> Matching(Matcher matcher, IReadOnlyList<string> relativePaths)
    {
        // The in-memory directory resolves relative file names against the current directory,
        // not against its root, so each file is given rooted.
        var result = matcher.Match(MatchRoot, relativePaths.Select(p => MatchRoot + "/" + p));
        return result.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
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
