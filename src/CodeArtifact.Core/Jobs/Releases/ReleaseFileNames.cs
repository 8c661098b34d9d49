namespace CodeArtifact.Core.Jobs;

/// <summary>
/// How release records become files. The release API answers records of (version, path); the
/// records of one file differ only in the version, so a file is its path with the version taken
/// out: <c>/app/1.2.0/app-1.2.0.zip</c> of version <c>1.2.0</c> belongs to the file
/// <c>/app/{version}/app-{version}.zip</c>, named <c>app.zip</c>.
/// </summary>
/// <remarks>
/// The version is replaced wherever it stands as a whole token (not inside a longer number:
/// version <c>1.0</c> is not found in <c>1.0.1</c>), with or without a leading <c>v</c>. A path that
/// does not hold its version at all (a build-number folder) has its version-like folder segments
/// (<see cref="VersionKey.TryParse"/>) replaced instead, so that its records still come together.
/// </remarks>
public static class ReleaseFileNames
{
    /// <summary>What stands for the version in a file's path pattern.</summary>
    public const string VersionPlaceholder = "{version}";

    /// <summary>Checksum and signature files published beside a release file; never a version's file.</summary>
    public static IReadOnlyList<string> SidecarExtensions { get; } = [".sha256", ".sha512", ".sha1", ".md5", ".asc", ".sig"];

    /// <summary>True for a checksum or signature sidecar (<c>app-1.0.zip.sha256</c>, <c>app.zip.asc</c>), by its extension, in any case.</summary>
    public static bool IsSidecar(string? path) =>
        path is not null && SidecarExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The path pattern of the file a record belongs to: its path with the version replaced by <see cref="VersionPlaceholder"/>.</summary>
    public static string FilePattern(string path, string? version)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!string.IsNullOrEmpty(version))
        {
            var replaced = ReplaceToken(path, version);
            if (replaced is null && version.Length > 1 && version[0] is 'v' or 'V')
            {
                replaced = ReplaceToken(path, version[1..]);
            }

            if (replaced is not null)
            {
                return replaced;
            }
        }

        // The version is not in the path: version-like folders (a build number) stand for it.
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (VersionKey.TryParse(segments[i], out _))
            {
                segments[i] = VersionPlaceholder;
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>
    /// The name of a file from its pattern: the last segment without the version and the one
    /// separator joining it (<c>app-{version}.zip</c> is <c>app.zip</c>).
    /// </summary>
    public static string Name(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var name = pattern[(pattern.LastIndexOf('/') + 1)..];
        int at;
        while ((at = name.IndexOf(VersionPlaceholder, StringComparison.Ordinal)) >= 0)
        {
            var end = at + VersionPlaceholder.Length;
            if (at > 0 && name[at - 1] is '-' or '_' or '.')
            {
                at--;
            }
            else if (end < name.Length && name[end] is '-' or '_')
            {
                end++;
            }

            name = name[..at] + name[end..];
        }

        return name;
    }

    /// <summary>
    /// True when a file is named as asked: its name is <paramref name="fileName"/>, or
    /// <paramref name="fileName"/> followed by extensions (<c>app</c> names <c>app.zip</c> and
    /// <c>app.tar.gz</c>, not <c>app-tools.zip</c> or <c>my-app.zip</c>). Case-sensitive.
    /// </summary>
    public static bool IsNamed(string pattern, string fileName)
    {
        var name = Name(pattern);
        return name == fileName || name.StartsWith(fileName + ".", StringComparison.Ordinal);
    }

    /// <summary>True when one of the file's folders is named <paramref name="fileName"/> (<c>/app/{version}/package.zip</c> for <c>app</c>).</summary>
    public static bool IsInFolderNamed(string pattern, string fileName)
    {
        var segments = pattern.Split('/');
        return segments.Take(segments.Length - 1).Contains(fileName, StringComparer.Ordinal);
    }

    // Replaces every whole-token occurrence; null when there is none.
    private static string? ReplaceToken(string path, string version)
    {
        var found = false;
        var text = new System.Text.StringBuilder(path.Length);
        var i = 0;
        while (i < path.Length)
        {
            var at = path.IndexOf(version, i, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            if (IsTokenBoundary(path, at - 1, before: true) && IsTokenBoundary(path, at + version.Length, before: false))
            {
                text.Append(path, i, at - i).Append(VersionPlaceholder);
                found = true;
            }
            else
            {
                text.Append(path, i, at - i + 1);
                i = at + 1;
                continue;
            }

            i = at + version.Length;
        }

        return found ? text.Append(path, i, path.Length - i).ToString() : null;
    }

    // A token ends at the text's edge or at a character that is not a letter or digit; a '.' ends
    // it only when no digit stands on its other side (1.0 is not a token of 1.0.1 or of 2.1.0).
    private static bool IsTokenBoundary(string path, int index, bool before)
    {
        if (index < 0 || index >= path.Length)
        {
            return true;
        }

        var c = path[index];
        if (char.IsAsciiLetterOrDigit(c))
        {
            return false;
        }

        if (c != '.')
        {
            return true;
        }

        var beyond = before ? index - 1 : index + 1;
        return beyond < 0 || beyond >= path.Length || !char.IsAsciiDigit(path[beyond]);
    }
}
