using System.Text;

namespace CodeArtifact.Emulator.Auth.Signing;

/// <summary>
/// The percent-encoding of the published <c>SDK-HMAC-SHA256</c> algorithm, as the API gateway
/// applies it to what it received: every raw component is first decoded to its bytes, then every
/// byte other than <c>A-Z a-z 0-9 - _ . ~</c> is written as <c>%XX</c> in upper-case hex. Decoding
/// first makes the canonical form independent of how the client chose to escape (raw
/// <c>:@!$'()*,;=</c>, lower-case hex), as the gateway is. Written from the algorithm, not from
/// the client's signer, so that a canonicalisation bug in the client cannot hide here too.
/// </summary>
internal static class GatewayEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Decodes and re-encodes one raw path segment, query key or query value.</summary>
    public static string Canonical(string raw) => Escape(Unescape(raw));

    /// <summary>
    /// The bytes a raw component stands for: each <c>%XX</c> (either case) is one byte; a <c>%</c>
    /// not followed by two hex digits is a literal <c>%</c>; <c>+</c> is a plus sign, not a space
    /// (the algorithm encodes a space as <c>%20</c>); characters beyond ASCII, which a lenient
    /// client may send unescaped, count as their UTF-8 bytes.
    /// </summary>
    public static byte[] Unescape(string raw)
    {
        var text = Encoding.UTF8.GetBytes(raw);
        var bytes = new byte[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && HexValue(text[i + 1]) is var high and >= 0 && HexValue(text[i + 2]) is var low and >= 0)
            {
                bytes[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                bytes[length++] = text[i];
            }
        }

        return bytes[..length];
    }

    /// <summary>Writes bytes in the canonical form: unreserved ASCII as is, every other byte as <c>%XX</c>.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
