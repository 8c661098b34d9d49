using System.Diagnostics.CodeAnalysis;
using Semver;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// A version string taken apart once, so that sorting compares parts instead of re-parsing, and
/// the one parser of version strings in Core: release versions order by it, and cleanup finds the
/// version segment of a path with <see cref="TryParse"/>.
/// </summary>
/// <remarks>
/// <para>
/// A leading <c>v</c> or <c>V</c> before a digit is dropped (<c>v1.2</c> is <c>1.2</c>) and
/// surrounding white space ignored. What is left is read as SemVer 2.0 first, by the
/// <see href="https://github.com/WalkerCodeRanger/semver">Semver</see> library (strict: three
/// numbers without leading zeros, optional pre-release and build metadata); two SemVer versions
/// compare by the library's SemVer precedence.
/// </para>
/// <para>
/// Any other string is read loosely, by hand, into the same shape (release segments and optional
/// pre-release identifiers), so that one comparison is total over mixed input:
/// </para>
/// <list type="bullet">
/// <item>Build metadata after <c>+</c> is ignored.</item>
/// <item>The text is split on <c>.</c>, <c>-</c> and <c>_</c>, and again where digits meet letters
/// (<c>1.0rc1</c> is <c>1</c>, <c>0</c>, <c>rc</c>, <c>1</c>).</item>
/// <item>A pre-release starts at the first word that is a pre-release qualifier (<c>alpha</c>,
/// <c>beta</c>, <c>milestone</c>, <c>rc</c>, <c>cr</c>, <c>pre</c>, <c>preview</c>, <c>snapshot</c>,
/// <c>dev</c>, <c>ea</c>, and <c>a</c>, <c>b</c>, <c>m</c> glued to a number as in <c>1.0b2</c> or
/// <c>1.0.M2</c>), or
/// at any word after a <c>-</c> (<c>1.0-beta</c>, <c>1.0-SNAPSHOT</c>). Qualifiers are compared in
/// lower case, with <c>a</c>, <c>b</c>, <c>m</c>, <c>cr</c> read as <c>alpha</c>, <c>beta</c>,
/// <c>milestone</c>, <c>rc</c>: so <c>alpha &lt; beta &lt; milestone &lt; rc &lt; snapshot &lt;</c>
/// the release.</item>
/// <item>The release words <c>final</c>, <c>ga</c> and <c>release</c> are dropped:
/// <c>1.2.0.Final</c> and <c>1.2.0-RELEASE</c> are <c>1.2.0</c> (the latter although SemVer
/// would read <c>RELEASE</c> as a pre-release).</item>
/// <item>Any other word is a release segment; it sorts after every number
/// (<c>1.0.9 &lt; 1.0.x</c>) and words compare in lower case, ordinally.</item>
/// <item>Numbers compare by value, at any length, so date stamps order naturally
/// (<c>20240101.1 &lt; 20240101.2 &lt; 20240102.1</c>), and a missing segment counts as 0
/// (<c>1.2</c> ties with <c>1.2.0</c>).</item>
/// </list>
/// </remarks>
public sealed class VersionKey : IComparable<VersionKey>
{
    /// <summary>Longest text <see cref="TryParse"/> accepts as a version (the API's version field holds at most 100).</summary>
    public const int MaxLength = 128;

    private static readonly string[] NoIdentifiers = [];

    private static readonly HashSet<string> ReleaseWords = new(StringComparer.OrdinalIgnoreCase) { "final", "ga", "release" };

    private static readonly Dictionary<string, string> Qualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alpha"] = "alpha",
        ["beta"] = "beta",
        ["milestone"] = "milestone",
        ["rc"] = "rc",
        ["cr"] = "rc",
        ["pre"] = "pre",
        ["preview"] = "preview",
        ["snapshot"] = "snapshot",
        ["dev"] = "dev",
        ["ea"] = "ea",
    };

    // Single letters count as qualifiers only when glued to a number (1.0a1, 2.0b): alone, as in 1.0.a, they are words.
    private static readonly Dictionary<string, string> GluedQualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = "alpha",
        ["b"] = "beta",
        ["m"] = "milestone",
    };

    private VersionKey(string original, string[] release, string[]? prerelease, SemVersion? semVer)
    {
        Original = original;
        Release = release;
        Prerelease = prerelease;
        SemVer = semVer;
    }

    /// <summary>The string as given.</summary>
    public string Original { get; }

    /// <summary>Release segments; each is all digits (a number) or a word.</summary>
    public IReadOnlyList<string> Release { get; }

    /// <summary>Pre-release identifiers, or null when the version is a release.</summary>
    public IReadOnlyList<string>? Prerelease { get; }

    /// <summary>True when the version is valid SemVer 2.0 (a leading <c>v</c> allowed).</summary>
    public bool IsSemVer => SemVer is not null;

    /// <summary>True when the version has a pre-release part (<c>1.0.0-rc.1</c>, <c>1.0rc1</c>, <c>2.0-SNAPSHOT</c>).</summary>
    public bool IsPrerelease => Prerelease is not null;

    /// <summary>The order of keys: <see cref="VersionComparer.Instance"/>.</summary>
    public static IComparer<VersionKey> Comparer => VersionComparer.Instance;

    internal SemVersion? SemVer { get; }

    /// <summary>
    /// Reads any string as a version, for ordering versions the service reports whatever they
    /// look like: a string that is no version at all still gets a key (its words as release
    /// segments), so that sorting never fails.
    /// </summary>
    public static VersionKey Parse(string? version)
    {
        var original = version ?? string.Empty;
        var body = WithoutV(original.Trim());
        if (!SemVersion.TryParse(body, SemVersionStyles.Strict, out var semVer))
        {
            return ParseLoose(body, original);
        }

        // 1.2.0-RELEASE is valid SemVer with a pre-release "RELEASE", but nobody means it so.
        var releaseWord = semVer.PrereleaseIdentifiers.Count == 1 && ReleaseWords.Contains(semVer.PrereleaseIdentifiers[0].Value);
        return FromSemVer(original, releaseWord ? semVer.WithoutPrerelease() : semVer);
    }

    /// <summary>
    /// Reads <paramref name="text"/> as a version only when it looks like one: after an optional
    /// <c>v</c>, it starts with a digit, holds only letters, digits, <c>.</c>, <c>-</c>, <c>_</c>
    /// and <c>+</c>, and has at most <see cref="MaxLength"/> characters. <c>1.0.0</c>, <c>v2</c>,
    /// <c>1.0rc1</c>, <c>20240101.1</c> and <c>2025-04-01</c> are versions; <c>app</c>,
    /// <c>nightly</c> and <c>latest</c> are not. Use it to find the version segment of a path.
    /// </summary>
    /// <param name="text">A version, or a path segment that may be one.</param>
    /// <param name="key">The key, when the text is a version.</param>
    /// <returns>True when <paramref name="text"/> is a version.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out VersionKey? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        var body = WithoutV(text.Trim());
        if (body.Length == 0 || !char.IsAsciiDigit(body[0]) || !body.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+'))
        {
            return false;
        }

        key = Parse(text);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(VersionKey? other) => VersionComparer.Instance.Compare(this, other);

    /// <inheritdoc />
    public override string ToString() => Original;

    // "v1.2.3" is how many projects tag a version; reading past the "v" keeps it beside "1.2.3".
    private static string WithoutV(string text) =>
        text.Length > 1 && text[0] is 'v' or 'V' && char.IsAsciiDigit(text[1]) ? text[1..] : text;

    private static VersionKey FromSemVer(string original, SemVersion semVer)
    {
        string[] release = [Number(semVer.Major), Number(semVer.Minor), Number(semVer.Patch)];
        string[]? prerelease = semVer.IsPrerelease ? semVer.PrereleaseIdentifiers.Select(i => i.Value).ToArray() : null;
        return new VersionKey(original, release, prerelease, semVer);

        static string Number(System.Numerics.BigInteger value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static VersionKey ParseLoose(string text, string original)
    {
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            text = text[..plus];
        }

        var release = new List<string>();
        List<string>? prerelease = null;
        foreach (var token in Tokenize(text))
        {
            if (prerelease is not null)
            {
                prerelease.Add(token.IsNumber ? token.Text : Qualifier(token) ?? token.Text.ToLowerInvariant());
            }
            else if (token.IsNumber)
            {
                release.Add(token.Text);
            }
            else if (ReleaseWords.Contains(token.Text))
            {
                continue;
            }
            else if (Qualifier(token) is { } qualifier)
            {
                prerelease = [qualifier];
            }
            else if (token.AfterDash)
            {
                prerelease = [token.Text.ToLowerInvariant()];
            }
            else
            {
                release.Add(token.Text.ToLowerInvariant());
            }
        }

        return new VersionKey(original, release.Count == 0 ? NoIdentifiers : release.ToArray(), prerelease?.ToArray(), semVer: null);
    }

    private static string? Qualifier(Token token) =>
        Qualifiers.TryGetValue(token.Text, out var word) ? word
        : (token.AfterNumber || token.BeforeNumber) && GluedQualifiers.TryGetValue(token.Text, out var letter) ? letter
        : null;

    /// <summary>Splits on separators and where digits meet letters.</summary>
    private static IEnumerable<Token> Tokenize(string text)
    {
        var afterDash = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var atSeparator = i == text.Length || text[i] is '.' or '-' or '_';
            var atBoundary = !atSeparator && i > start && char.IsAsciiDigit(text[i]) != char.IsAsciiDigit(text[i - 1]);
            if (!atSeparator && !atBoundary)
            {
                continue;
            }

            if (i > start)
            {
                var piece = text[start..i];
                var afterNumber = start > 0 && char.IsAsciiDigit(text[start - 1]);
                var beforeNumber = i < text.Length && char.IsAsciiDigit(text[i]);
                yield return new Token(piece, piece.All(char.IsAsciiDigit), afterDash, afterNumber, beforeNumber);
                afterDash = false;
            }

            if (atSeparator)
            {
                afterDash = i < text.Length && text[i] == '-';
                start = i + 1;
            }
            else
            {
                start = i;
            }
        }
    }

    /// <param name="Text">The token.</param>
    /// <param name="IsNumber">All digits.</param>
    /// <param name="AfterDash">The separator before it is <c>-</c>.</param>
    /// <param name="AfterNumber">It follows a number with no separator between (<c>a</c> in <c>1.0a1</c>).</param>
    /// <param name="BeforeNumber">A number follows it with no separator between (<c>M</c> in <c>1.0.M2</c>).</param>
    private readonly record struct Token(string Text, bool IsNumber, bool AfterDash, bool AfterNumber, bool BeforeNumber);
}
