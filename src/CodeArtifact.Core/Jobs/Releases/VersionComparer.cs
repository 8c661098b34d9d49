using Semver;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Orders version strings (see <see cref="VersionKey"/> for how a string is read). Two SemVer 2.0
/// versions compare by SemVer precedence, as the Semver library implements it (build metadata
/// ignored, pre-release identifiers compared as the spec says); other versions compare segment by
/// segment with numeric segments as numbers, so <c>1.10.0 &gt; 1.9.12 &gt; 1.2.10 &gt; 1.2.9</c>,
/// <c>1.0rc1 &lt; 1.0</c> and <c>1.2.0.Final = 1.2.0</c>.
/// </summary>
/// <remarks>
/// Every version is read into one shape (release segments, optional pre-release identifiers) and
/// compared the same way, so the order is total and consistent over a mix of SemVer and other
/// strings: a missing release segment counts as 0 (<c>1.2</c> ties with <c>1.2.0</c>), a number
/// sorts before a word, a release sorts after its pre-releases. For two SemVer versions that shape
/// comparison and the library's precedence agree, which is what keeps the mixed order transitive.
/// Versions of equal precedence (<c>1.0.0+a</c>, <c>1.0.0+b</c>, <c>v1.2</c> and <c>1.2</c>) are
/// finally ordered by their text, ordinally, so that sorting is deterministic; use
/// <see cref="ComparePrecedence(string?, string?)"/> for precedence alone.
/// </remarks>
public sealed class VersionComparer : IComparer<string>, IComparer<VersionKey>
{
    /// <summary>The one instance (the comparer has no state).</summary>
    public static VersionComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        return Compare(VersionKey.Parse(x), VersionKey.Parse(y));
    }

    /// <inheritdoc />
    public int Compare(VersionKey? x, VersionKey? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byPrecedence = ComparePrecedence(x, y);
        return byPrecedence != 0 ? byPrecedence : Math.Sign(string.CompareOrdinal(x.Original, y.Original));
    }

    /// <summary>Precedence only: 0 for versions that differ only in build metadata or spelling (<c>1.2</c>, <c>1.2.0</c>, <c>v1.2</c>).</summary>
    public static int ComparePrecedence(string? x, string? y) => ComparePrecedence(VersionKey.Parse(x), VersionKey.Parse(y));

    /// <summary>Precedence only, of two parsed versions.</summary>
    public static int ComparePrecedence(VersionKey x, VersionKey y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.SemVer is { } a && y.SemVer is { } b)
        {
            return Math.Sign(SemVersion.ComparePrecedence(a, b));
        }

        var length = Math.Max(x.Release.Count, y.Release.Count);
        for (var i = 0; i < length; i++)
        {
            var bySegment = CompareIdentifiers(
                i < x.Release.Count ? x.Release[i] : "0",
                i < y.Release.Count ? y.Release[i] : "0");
            if (bySegment != 0)
            {
                return bySegment;
            }
        }

        return (x.Prerelease, y.Prerelease) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => ComparePrereleases(x.Prerelease, y.Prerelease),
        };
    }

    /// <summary>True when the version has a pre-release part (<c>1.0.0-rc.1</c>, <c>2.0-beta</c>, <c>1.0rc1</c>).</summary>
    public static bool IsPrerelease(string? version) => VersionKey.Parse(version).IsPrerelease;

    /// <summary>True when the version is valid SemVer 2.0 (a leading <c>v</c> allowed).</summary>
    public static bool IsSemVer(string? version) => VersionKey.Parse(version).IsSemVer;

    // SemVer §11.4: identifier by identifier; a longer list wins when all before are equal.
    private static int ComparePrereleases(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        var length = Math.Min(x.Count, y.Count);
        for (var i = 0; i < length; i++)
        {
            var byIdentifier = CompareIdentifiers(x[i], y[i]);
            if (byIdentifier != 0)
            {
                return byIdentifier;
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    // Numbers by value (any length), numbers before text, text by ASCII order.
    private static int CompareIdentifiers(string x, string y)
    {
        var xNumeric = IsNumeric(x);
        var yNumeric = IsNumeric(y);
        if (xNumeric && yNumeric)
        {
            var xDigits = x.AsSpan().TrimStart('0');
            var yDigits = y.AsSpan().TrimStart('0');
            return xDigits.Length != yDigits.Length
                ? xDigits.Length.CompareTo(yDigits.Length)
                : Math.Sign(xDigits.SequenceCompareTo(yDigits));
        }

        if (xNumeric != yNumeric)
        {
            return xNumeric ? -1 : 1;
        }

        return Math.Sign(string.CompareOrdinal(x, y));
    }

    private static bool IsNumeric(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
