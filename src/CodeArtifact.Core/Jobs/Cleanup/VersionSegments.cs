namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Where a file's version is in its path, for <c>KeepLatestVersions</c>: the first folder below the
/// root whose name reads as a version, read and ordered by the release versions job's own parser
/// and order (<see cref="VersionKey"/>, <see cref="VersionComparer"/>).
/// </summary>
/// <remarks>
/// A folder name reads as a version when <see cref="VersionKey.TryParse"/> takes it and it has a
/// dotted number or is a number:
/// <c>1.2.3</c>, <c>2.0.0-rc.1</c>, <c>v1.2</c>, <c>20240101.1</c>, <c>1.0rc1</c>. Names such as
/// <c>app</c>, <c>x86</c> or <c>64bit</c> do not. Only folders count: a file's own name is never its
/// version, so a flat folder of files (<c>tools/tool-1.0.zip</c>) has none.
/// </remarks>
internal static class VersionSegments
{
    /// <summary>True when <paramref name="segment"/>, one folder name, reads as a version.</summary>
    public static bool IsVersion(string segment)
    {
        if (!VersionKey.TryParse(segment, out _))
        {
            return false;
        }

        // TryParse takes any name that starts with a digit; a folder such as "64bit" is a name, not
        // a version. A version folder has a dotted number ("1.2", "20240101.1") or is a number ("1", "v10").
        var body = segment[0] is 'v' or 'V' ? segment[1..] : segment;
        return body.Contains('.', StringComparison.Ordinal) || body.All(char.IsAsciiDigit);
    }

    /// <summary>
    /// The package and version of a path relative to the root (<c>app/1.2.0/app.zip</c> gives
    /// package <c>app</c>, version <c>1.2.0</c>; <c>1.2.0/app.zip</c> gives package <c>""</c>, the
    /// root itself), or null when no folder of the path reads as a version.
    /// </summary>
    public static PackageVersion? Locate(string relativePath)
    {
        var segments = relativePath.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (IsVersion(segments[i]))
            {
                return new PackageVersion(string.Join('/', segments, 0, i), segments[i]);
            }
        }

        return null;
    }
}

/// <summary>A package (the path below the root before its version folder) and one of its versions.</summary>
internal sealed record PackageVersion(string Package, string Version);
