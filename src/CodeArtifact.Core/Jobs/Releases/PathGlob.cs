using Microsoft.Extensions.FileSystemGlobbing;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// One glob of Microsoft.Extensions.FileSystemGlobbing matched against repository paths, as the
/// cleanup's retention policy matches its globs: case-sensitively, with <c>/</c> between
/// segments, a leading <c>/</c> on either side ignored (<c>app/*/app-*.zip</c> and
/// <c>/app/*/app-*.zip</c> match <c>/app/1.0/app-1.0.zip</c>).
/// </summary>
internal sealed class PathGlob
{
    // The in-memory matcher needs a rooted directory; any fixed one does, since it only makes the
    // relative paths rooted and is stripped again from the matches.
    private static readonly string MatchRoot = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "codeartifact-glob"));

    private readonly Matcher _matcher = new(StringComparison.Ordinal);

    private PathGlob(string glob)
    {
        Glob = glob;
        _matcher.AddInclude(glob.TrimStart('/'));
    }

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

        return new PathGlob(trimmed);
    }

    /// <summary>The paths among <paramref name="paths"/> that the glob matches, as given.</summary>
    public HashSet<string> Matching(IEnumerable<string> paths)
    {
        var given = paths.Distinct(StringComparer.Ordinal).ToList();
        var result = _matcher.Match(MatchRoot, given.Select(p => MatchRoot + "/" + p.TrimStart('/')));
        var matched = result.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return given.Where(p => matched.Contains(p.TrimStart('/'))).ToHashSet(StringComparer.Ordinal);
    }
}
