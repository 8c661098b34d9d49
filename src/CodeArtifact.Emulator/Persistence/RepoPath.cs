namespace CodeArtifact.Emulator.Persistence;

/// <summary>
/// Repository-relative paths in one canonical form: no leading or trailing slash, no empty,
/// <c>.</c> or <c>..</c> segment; the root is the empty string.
/// </summary>
internal static class RepoPath
{
    public const int MaxLength = 1280;

    /// <summary>
    /// Normalises <paramref name="path"/>; false when it is too long, has a dot segment, or holds an
    /// encoded separator (<c>%2F</c>, <c>%5C</c>): Kestrel decodes every escape of a URL path but
    /// those, so such a name is a traversal attempt rather than a file name.
    /// </summary>
    public static bool TryNormalize(string? path, out string normalized)
    {
        normalized = string.Empty;
        if (path is null || path.Length > MaxLength
            || path.Contains("%2F", StringComparison.OrdinalIgnoreCase)
            || path.Contains("%5C", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".."))
        {
            return false;
        }

        normalized = string.Join('/', segments);
        return true;
    }

    public static string ParentOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    public static string NameOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>Every ancestor folder of a file path, outermost first (not the root).</summary>
    public static IEnumerable<string> AncestorsOf(string path)
    {
        for (var i = path.IndexOf('/'); i >= 0; i = path.IndexOf('/', i + 1))
        {
            yield return path[..i];
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it.</summary>
    public static bool IsAtOrBelow(string path, string folder) =>
        folder.Length == 0 || path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);
}
