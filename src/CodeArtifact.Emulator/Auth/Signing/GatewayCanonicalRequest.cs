using System.Text;
using Microsoft.Extensions.Primitives;

namespace CodeArtifact.Emulator.Auth.Signing;

/// <summary>
/// The canonical request of the published <c>SDK-HMAC-SHA256</c> algorithm, rebuilt from what the
/// gateway received: <c>METHOD\nURI\nQUERY\nHEADERS\nSIGNED\nPAYLOAD</c>, where HEADERS is one
/// <c>name:value\n</c> line per signed header (so a blank line precedes SIGNED).
/// </summary>
internal static class GatewayCanonicalRequest
{
    /// <summary>
    /// The canonical URI: the raw path split at every <c>/</c>, each segment decoded and encoded
    /// again (<see cref="GatewayEncoding"/>), joined with <c>/</c>, and ending in <c>/</c>.
    /// An escaped <c>%2F</c> stays inside its segment.
    /// </summary>
    public static string Uri(string rawPath)
    {
        var segments = rawPath.Split('/').Select(GatewayEncoding.Canonical);
        var uri = string.Join('/', segments);
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    /// <summary>
    /// The canonical query: the raw query split at <c>&amp;</c> (empty parts ignored), each part at
    /// its first <c>=</c> (none: an empty value), key and value decoded and encoded again, sorted
    /// by encoded key and then encoded value (ordinal, so repeated keys sort by value), and written
    /// <c>key=value</c> joined by <c>&amp;</c>.
    /// </summary>
    public static string Query(string rawQuery)
    {
        var pairs = new List<(string Key, string Value)>();
        foreach (var part in rawQuery.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add((GatewayEncoding.Canonical(key), GatewayEncoding.Canonical(value)));
        }

        pairs.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(static p => p.Key + "=" + p.Value));
    }

    /// <summary>
    /// The HEADERS block for the names the client says it signed, in the order it gave them: for
    /// each, every received value trimmed, in ordinal order, one <c>name:value</c> line each.
    /// False, with the name, when a signed header was not received. A name with <c>_</c> never is:
    /// the gateway drops such headers before it checks the signature.
    /// </summary>
    public static bool TryHeaders(IReadOnlyList<string> signedHeaders, Func<string, StringValues> received, out string block, out string? missing)
    {
        var builder = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            var values = name.Contains('_', StringComparison.Ordinal) ? default : received(name);
            if (values.Count == 0)
            {
                block = string.Empty;
                missing = name;
                return false;
            }

            foreach (var value in values.Select(static v => (v ?? string.Empty).Trim()).Order(StringComparer.Ordinal))
            {
                builder.Append(name).Append(':').Append(value).Append('\n');
            }
        }

        block = builder.ToString();
        missing = null;
        return true;
    }

    /// <summary>
    /// Joins the six parts; <paramref name="headers"/> is the block <see cref="TryHeaders"/> built.
    /// The method is taken as received (HTTP methods are case-sensitive).
    /// </summary>
    public static string Compose(string method, string uri, string query, string headers, IReadOnlyList<string> signedHeaders, string payloadHash) =>
        string.Join('\n', method, uri, query, headers, string.Join(';', signedHeaders), payloadHash);
}
