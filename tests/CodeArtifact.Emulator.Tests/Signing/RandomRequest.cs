using System.Text;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Emulator.Tests.Signing;

/// <summary>How the body enters the signature.</summary>
internal enum PayloadMode
{
    /// <summary>The SHA-256 of the body.</summary>
    Hashed,

    /// <summary><c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c>: the body is not signed.</summary>
    Unsigned,

    /// <summary><c>X-Sdk-Content-Sha256</c> carries the body's own hash.</summary>
    Declared,
}

/// <summary>
/// One generated request, in decoded form (path segments, query pairs, headers, body), that
/// renders to the wire in a chosen escaping style and is signed with Core's public signer.
/// </summary>
internal sealed record RandomRequest(
    string Method,
    IReadOnlyList<string> Segments,
    bool TrailingSlash,
    IReadOnlyList<QueryPair> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    PayloadMode Payload,
    WireStyle Style)
{
    public string Path => "/" + string.Join('/', Segments.Select(s => WireEscaping.Segment(s, Style))) + (TrailingSlash ? "/" : string.Empty);

    public string QueryString => string.Join('&', Query.Select(p => p.Render(Style)));

    public string Target => Query.Count == 0 ? Path : Path + "?" + QueryString;

    public string Date => Headers.First(h => h.Key == SdkHmacSigner.DateHeader).Value;

    /// <summary>Signs as the client does (Core's <see cref="SdkHmacSigner"/> over the escaped path and the parsed query) and renders the wire request.</summary>
    public WireRequest Sign(string accessKey, string secretKey)
    {
        var signed = SdkHmacSigner.Sign(
            Method, Path, SdkHmacSigner.ParseQuery(QueryString), Headers, Body, accessKey, Encoding.UTF8.GetBytes(secretKey));
        return Render() with { Headers = [.. Headers, new("Authorization", signed.Authorization)] };
    }

    /// <summary>The wire form without an Authorization header.</summary>
    public WireRequest Render() => new(Method, Target, Headers, Body);

    public bool HasUnicode => Segments.Concat(Query.SelectMany(p => new[] { p.Key, p.Value })).Any(s => s.Any(c => c > 127));

    public bool HasSpace => Segments.Concat(Query.SelectMany(p => new[] { p.Key, p.Value })).Any(s => s.Contains(' ', StringComparison.Ordinal));

    public bool HasReserved => Segments.Concat(Query.SelectMany(p => new[] { p.Key, p.Value })).Any(s => s.Any(c => "!$&'()*+,;=:@/?#[]%".Contains(c, StringComparison.Ordinal)));

    public bool HasRepeatedKey => Query.GroupBy(p => p.Key).Any(g => g.Count() > 1);

    public bool HasEmptyValue => Query.Any(p => p.Value.Length == 0);

    public bool HasUnderscoreHeader => Headers.Any(h => h.Key.Contains('_', StringComparison.Ordinal));
}

/// <summary>One query parameter, decoded; an empty value is written <c>k=</c> or, when <see cref="OmitEquals"/>, just <c>k</c>.</summary>
internal sealed record QueryPair(string Key, string Value, bool OmitEquals = false)
{
    public string Render(WireStyle style) =>
        OmitEquals && Value.Length == 0
            ? WireEscaping.QueryComponent(Key, style)
            : WireEscaping.QueryComponent(Key, style) + "=" + WireEscaping.QueryComponent(Value, style);
}
