using System.Globalization;
using System.Numerics;

namespace CodeArtifact.Emulator.Domain.Maven;

/// <summary>
/// Orders versions as Maven's <c>ComparableVersion</c> does for the cases that occur in practice,
/// so that generated metadata names the same <c>latest</c> and <c>release</c> as a repository
/// manager would: items split at <c>.</c>, <c>-</c> and digit/letter changes; numbers compare as
/// numbers; qualifiers rank <c>alpha</c> &lt; <c>beta</c> &lt; <c>milestone</c> &lt; <c>rc</c> =
/// <c>cr</c> &lt; <c>snapshot</c> &lt; release (<c>""</c>, <c>ga</c>, <c>final</c>,
/// <c>release</c>) &lt; <c>sp</c> &lt; any other qualifier (alphabetically); a number ranks above
/// any qualifier; a missing item counts as <c>0</c> against a number and as a release against a
/// qualifier (so <c>1.0</c> = <c>1.0.0</c> &gt; <c>1.0-SNAPSHOT</c>).
/// </summary>
internal sealed class MavenVersionComparer : IComparer<string>
{
    public static MavenVersionComparer Instance { get; } = new();

    private static readonly string[] Ranked = ["alpha", "beta", "milestone", "rc", "snapshot", string.Empty, "sp"];

    public int Compare(string? x, string? y)
    {
        var left = Items(x ?? string.Empty);
        var right = Items(y ?? string.Empty);
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var result = CompareItem(i < left.Count ? left[i] : null, i < right.Count ? right[i] : null);
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    private static int CompareItem(object? left, object? right) => (left, right) switch
    {
        (BigInteger a, BigInteger b) => a.CompareTo(b),
        (BigInteger, string) => 1,
        (string, BigInteger) => -1,
        (string a, string b) => CompareQualifiers(a, b),
        (null, BigInteger b) => BigInteger.Zero.CompareTo(b),
        (BigInteger a, null) => a.CompareTo(BigInteger.Zero),
        (null, string b) => CompareQualifiers(string.Empty, b),
        (string a, null) => CompareQualifiers(a, string.Empty),
        _ => 0,
    };

    private static int CompareQualifiers(string a, string b)
    {
        var rankA = Rank(a);
        var rankB = Rank(b);
        return rankA != rankB ? rankA.CompareTo(rankB) : rankA == Ranked.Length ? string.CompareOrdinal(a, b) : 0;
    }

    private static int Rank(string qualifier)
    {
        var normalized = qualifier switch
        {
            "a" => "alpha",
            "b" => "beta",
            "m" => "milestone",
            "cr" => "rc",
            "ga" or "final" or "release" => string.Empty,
            _ => qualifier,
        };
        var index = Array.IndexOf(Ranked, normalized);
        return index < 0 ? Ranked.Length : index;
    }

    private static List<object> Items(string version)
    {
        var items = new List<object>();
        var start = 0;
        for (var i = 0; i <= version.Length; i++)
        {
            var end = i == version.Length || version[i] is '.' or '-'
                || (i > start && char.IsAsciiDigit(version[i]) != char.IsAsciiDigit(version[i - 1]));
            if (!end)
            {
                continue;
            }

            if (i > start)
            {
                var token = version[start..i];
                items.Add(char.IsAsciiDigit(token[0]) ? BigInteger.Parse(token, CultureInfo.InvariantCulture) : token.ToLowerInvariant());
            }

            start = i < version.Length && version[i] is '.' or '-' ? i + 1 : i;
        }

        return items;
    }
}
