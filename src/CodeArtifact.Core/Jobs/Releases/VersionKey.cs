namespace CodeArtifact.Core.Jobs;

/// <summary>
/// A version string taken apart once, so that sorting compares parts instead of re-parsing.
/// SemVer 2.0 strings give three numeric release segments, their pre-release identifiers and
/// no build metadata; any other string gives its release segments (split on <c>.</c>, <c>-</c>,
/// <c>_</c>) and, when a <c>-</c> is followed by a letter, a pre-release part from there on.
/// Both kinds land in the same shape, which is what makes one comparison total over mixed input.
/// </summary>
internal sealed class VersionKey
{
    private static readonly string[] NoIdentifiers = [];

    private VersionKey(string original, string[] release, string[]? prerelease, bool isSemVer)
    {
        Original = original;
        Release = release;
        Prerelease = prerelease;
        IsSemVer = isSemVer;
    }

    public string Original { get; }

    /// <summary>Release segments; each is all digits (a number) or text.</summary>
    public IReadOnlyList<string> Release { get; }

    /// <summary>Pre-release identifiers, or null when the version is a release.</summary>
    public IReadOnlyList<string>? Prerelease { get; }

    public bool IsSemVer { get; }

    public bool IsPrerelease => Prerelease is not null;

    public static VersionKey Parse(string? version)
    {
        var original = version ?? string.Empty;
        var text = original.Trim();

        // "v1.2.3" is how many projects tag SemVer; reading past the "v" keeps it beside "1.2.3".
        var body = text.Length > 1 && text[0] is 'v' or 'V' && char.IsAsciiDigit(text[1]) ? text[1..] : text;
        return TryParseSemVer(body, original) ?? ParseLoose(body, original);
    }

    private static VersionKey? TryParseSemVer(string text, string original)
    {
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            var build = text[(plus + 1)..];
            if (!AreIdentifiers(build.Split('.'), numericMayHaveLeadingZero: true))
            {
                return null;
            }

            text = text[..plus];
        }

        string[]? prerelease = null;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            prerelease = text[(dash + 1)..].Split('.');
            if (!AreIdentifiers(prerelease, numericMayHaveLeadingZero: false))
            {
                return null;
            }

            text = text[..dash];
        }

        var release = text.Split('.');
        if (release.Length != 3 || !release.All(IsSemVerNumber))
        {
            return null;
        }

        return new VersionKey(original, release, prerelease, isSemVer: true);
    }

    private static VersionKey ParseLoose(string text, string original)
    {
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            text = text[..plus];
        }

        string[]? prerelease = null;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '-' && char.IsAsciiLetter(text[i + 1]))
            {
                prerelease = Split(text[(i + 1)..]);
                text = text[..i];
                break;
            }
        }

        return new VersionKey(original, Split(text), prerelease, isSemVer: false);
    }

    private static string[] Split(string text) =>
        text.Length == 0 ? NoIdentifiers : text.Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries);

    private static bool IsSemVerNumber(string s) =>
        s.Length > 0 && s.All(char.IsAsciiDigit) && (s.Length == 1 || s[0] != '0');

    private static bool AreIdentifiers(string[] identifiers, bool numericMayHaveLeadingZero)
    {
        foreach (var id in identifiers)
        {
            if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }

            if (!numericMayHaveLeadingZero && id.All(char.IsAsciiDigit) && id.Length > 1 && id[0] == '0')
            {
                return false;
            }
        }

        return true;
    }
}
