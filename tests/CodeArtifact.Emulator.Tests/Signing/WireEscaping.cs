using System.Text.RegularExpressions;

namespace CodeArtifact.Emulator.Tests.Signing;

/// <summary>How a client may escape a path segment or query component on the wire; every style is legal and means the same.</summary>
internal enum WireStyle
{
    /// <summary>Everything but <c>A-Z a-z 0-9 - _ . ~</c> escaped (what our client sends).</summary>
    Strict,

    /// <summary>Characters that RFC 3986 allows unescaped in that place are sent raw (<c>:@!$'()*,;</c> …).</summary>
    Loose,

    /// <summary>Strict, with lower-case hex digits.</summary>
    LowerHex,
}

/// <summary>Escapes with the BCL's RFC 3986 escaper, a third implementation beside the client's and the emulator's.</summary>
internal static partial class WireEscaping
{
    private const string RawInSegment = "!$&'()*+,;=:@";
    private const string RawInQuery = "!$'()*,;:@/?";

    public static string Segment(string text, WireStyle style) => Escape(text, style, RawInSegment);

    public static string QueryComponent(string text, WireStyle style) => Escape(text, style, RawInQuery);

    private static string Escape(string text, WireStyle style, string rawAllowed)
    {
        var strict = Uri.EscapeDataString(text);
        return style switch
        {
            WireStyle.Loose => Escaped().Replace(strict, m =>
            {
                var c = (char)Convert.ToInt32(m.Value[1..], 16);
                return rawAllowed.Contains(c, StringComparison.Ordinal) ? c.ToString() : m.Value;
            }),
            WireStyle.LowerHex => Escaped().Replace(strict, m => m.Value.ToLowerInvariant()),
            _ => strict,
        };
    }

    [GeneratedRegex("%[0-9A-F]{2}")]
    private static partial Regex Escaped();
}
