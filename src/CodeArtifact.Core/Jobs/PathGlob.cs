using Microsoft.Extensions.FileSystemGlobbing;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Globs of Microsoft.Extensions.FileSystemGlobbing matched against repository paths, the one way
/// the jobs match them (release versions' <c>PathFilter</c>, the cleanup's include, exclude and
/// protect globs): case-sensitively, with <c>/</c> between segments, a leading <c>/</c> on either
/// side ignored (<c>app/*/app-*.zip</c> and <c>/app/*/app-*.zip</c> match
/// <c>/app/1.0/app-1.0.zip</c>). Exclude globs stay the matcher's excludes, so that excluding a
/// folder excludes what is in it.
/// </summary>
internal sealed class PathGlob
{
    // The in-memory matcher resolves relative file names against the current directory, not
    // against its root, so each path is given rooted under a fixed folder that is stripped again
    // from the matches (nothing is read from it).
    private static readonly string MatchRoot = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "codeartifact-glob"));

    private readonly Matcher _matcher = new(StringComparison.Ordinal);

    /// <summary>Paths that match one of <paramref name="includes"/> and none of <paramref name="excludes"/>.</summary>
    public PathGlob(IEnumerable<string> includes, IEnumerable<string>? excludes = null)
    {
        var included = includes.ToArray();
        Glob = string.Join(", ", included);
        _matcher.AddIncludePatterns(included.Select(g => g.TrimStart('/')));
        _matcher.AddExcludePatterns((excludes ?? []).Select(g => g.TrimStart('/')));
    }

    /// <summary>The include globs, as a message names them.</summary>
    public string Glob { get; }

    /// <summary>The glob of an option, or null when it is unset; a bad glob is a coded error naming <paramref name="parameterName"/>.</summary>
    public static PathGlob? Optional(string? glob, string parameterName)
    {
        if (glob is null)
        {
            return null;
        }

        var trimmed = glob.Trim();
        if (trimmed.Length == 0 || trimmed.Length > Validation.Argument.MaxPathLength || trimmed.Any(char.IsControl) || trimmed.Replace('\\', '/').Split('/').Contains(".."))
        {
            throw Validation.Argument.Invalid(parameterName, glob, "a glob such as **/app-*.zip or /release/app/*/app.zip is not empty, has at most 1,280 characters, no control character and no '..' segment");
        }

        return new PathGlob([trimmed]);
    }

    /// <summary>The paths among <paramref name="paths"/> that the globs select, as given.</summary>
    public HashSet<string> Matching(IEnumerable<string> paths)
    {
        var given = paths.Distinct(StringComparer.Ordinal).ToList();
        var result = _matcher.Match(MatchRoot, given.Select(p => MatchRoot + "/" + p.TrimStart('/')));
        var matched = result.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return given.Where(p => matched.Contains(p.TrimStart('/'))).ToHashSet(StringComparer.Ordinal);
    }
}
