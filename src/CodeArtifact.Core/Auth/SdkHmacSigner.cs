using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CodeArtifact.Core.Auth;

/// <summary>
/// The <c>SDK-HMAC-SHA256</c> request signature of Huawei Cloud's API gateway, computed as the
/// official SDKs compute it. Pure functions, proven by the SDKs' public vectors. The emulator
/// verifies with its own canonicaliser, written separately from the published algorithm, so
/// that a bug here cannot be copied into the server that tests the client.
/// </summary>
public static class SdkHmacSigner
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>
    /// The header that declares the payload hash instead of the body's SHA-256: the official SDKs
    /// send <see cref="UnsignedPayload"/> in it for a body that is streamed unsigned.
    /// </summary>
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";

    /// <summary>The payload hash of a body that is not part of the signature.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>Lower-case hex SHA-256 of an empty body.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The gateway rejects a request whose <c>X-Sdk-Date</c> is further than this from its clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>Formats a UTC instant as the gateway expects in <c>X-Sdk-Date</c>.</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses an <c>X-Sdk-Date</c> value; false when it is not exactly <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static bool TryParseDate(string? value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    /// <summary>
    /// Percent-encodes as the gateway does: keeps <c>A-Z a-z 0-9 - _ . ~</c>, every other UTF-8
    /// byte becomes <c>%XX</c> in upper-case hex (a space is <c>%20</c>, never <c>+</c>).
    /// </summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.All(IsUnreserved))
        {
            return value;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b < 0x80 && IsUnreserved((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The canonical URI: every segment of the (possibly already escaped) path is unescaped, then
    /// encoded with <see cref="Encode"/>, and a trailing <c>/</c> is appended when missing.
    /// </summary>
    public static string CanonicalUri(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        var encoded = string.Join('/', segments.Select(s => Encode(Uri.UnescapeDataString(s))));
        if (encoded.Length == 0 || encoded[^1] != '/')
        {
            encoded += "/";
        }

        return encoded;
    }

    /// <summary>
    /// The canonical query: keys sorted ordinally, each key's values sorted ordinally,
    /// <c>enc(k)=enc(v)</c> joined by <c>&amp;</c>. Values are given unescaped.
    /// </summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var ordered = pairs
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value ?? string.Empty)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', ordered.Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>Splits a raw query string (with or without the leading <c>?</c>) into unescaped pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string? query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query))
        {
            return pairs;
        }

        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add(new(Uri.UnescapeDataString(key), Uri.UnescapeDataString(value)));
        }

        return pairs;
    }

    /// <summary>
    /// Picks and orders the headers to sign: names lower-cased and sorted ordinally, names with
    /// <c>_</c> skipped (the gateway drops them), values trimmed.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SignableHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers
            .Where(h => !h.Key.Contains('_', StringComparison.Ordinal))
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), (h.Value ?? string.Empty).Trim()))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The canonical request: <c>METHOD\nURI\nQUERY\nHEADERS\nSIGNED\nPAYLOAD</c>, where HEADERS
    /// ends with its own newline (so a blank line precedes SIGNED). <paramref name="headers"/>
    /// must be exactly the headers to sign, as <see cref="SignableHeaders"/> returns them.
    /// </summary>
    public static string CanonicalRequest(
        string method,
        string path,
        IEnumerable<KeyValuePair<string, string>> query,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalUri(path)).Append('\n');
        builder.Append(CanonicalQuery(query)).Append('\n');
        foreach (var header in headers)
        {
            builder.Append(header.Key).Append(':').Append(header.Value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(SignedHeaderNames(headers)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>The <c>SignedHeaders</c> list: lower-case names joined by <c>;</c>.</summary>
    public static string SignedHeaderNames(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        string.Join(';', headers.Select(h => h.Key));

    /// <summary>The string to sign: algorithm, the <c>X-Sdk-Date</c> value and the hex SHA-256 of the canonical request.</summary>
    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        Algorithm + "\n" + sdkDate + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>Lower-case hex HMAC-SHA256 of the string to sign, keyed with the secret key.</summary>
    public static string Signature(ReadOnlySpan<byte> secretKey, string stringToSign) =>
        Convert.ToHexString(HMACSHA256.HashData(secretKey, Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();

    /// <summary>The <c>Authorization</c> header value.</summary>
    public static string AuthorizationHeader(string accessKey, string signedHeaders, string signature) =>
        $"{Algorithm} Access={accessKey}, SignedHeaders={signedHeaders}, Signature={signature}";

    /// <summary>Lower-case hex SHA-256 of a body.</summary>
    public static string HexSha256(ReadOnlySpan<byte> body) =>
        body.IsEmpty ? EmptyPayloadHash : Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant();

    /// <summary>
    /// Signs a request in one call. <paramref name="headers"/> are all headers that will be sent
    /// (they must include <c>host</c> and <c>X-Sdk-Date</c>); the ones the gateway can sign are signed.
    /// When they include <c>X-Sdk-Content-Sha256</c>, its value is the payload hash and
    /// <paramref name="body"/> is not hashed, as in every official SDK (Java
    /// <c>AKSKSigner.buildPayloadHash</c>, Go, Node): <c>UNSIGNED-PAYLOAD</c> for a streamed body.
    /// </summary>
    public static SignedRequest Sign(
        string method,
        string path,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        string accessKey,
        ReadOnlySpan<byte> secretKey)
    {
        var signable = SignableHeaders(headers);
        var date = signable.FirstOrDefault(h => h.Key == "x-sdk-date").Value
            ?? throw new ArgumentException("The headers to sign must include X-Sdk-Date.", nameof(headers));
        var declared = signable.FirstOrDefault(h => h.Key == "x-sdk-content-sha256").Value;
        var canonical = CanonicalRequest(method, path, query, signable, declared ?? HexSha256(body));
        var signature = Signature(secretKey, StringToSign(date, canonical));
        var names = SignedHeaderNames(signable);
        return new SignedRequest(names, signature, AuthorizationHeader(accessKey, names, signature));
    }

    /// <summary>
    /// Parses an <c>Authorization</c> header of this scheme. False when it is of another scheme
    /// or malformed.
    /// </summary>
    public static bool TryParseAuthorization(string? value, out string accessKey, out IReadOnlyList<string> signedHeaders, out string signature)
    {
        accessKey = signature = string.Empty;
        signedHeaders = Array.Empty<string>();
        if (value is null || !value.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }

        var fields = value[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Access", out var ak) || !fields.TryGetValue("SignedHeaders", out var names)
            || !fields.TryGetValue("Signature", out var sig) || ak.Length == 0 || sig.Length == 0)
        {
            return false;
        }

        accessKey = ak;
        signedHeaders = names.Split(';', StringSplitOptions.RemoveEmptyEntries);
        signature = sig;
        return true;
    }

    /// <summary>Constant-time comparison of two hex signatures.</summary>
    public static bool SignaturesEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';
}

/// <summary>The outcome of signing: what goes into the <c>Authorization</c> header.</summary>
/// <param name="SignedHeaders">The lower-case names joined by <c>;</c>.</param>
/// <param name="Signature">Lower-case hex; not a secret (it is sent), but never logged either.</param>
/// <param name="Authorization">The whole header value.</param>
public sealed record SignedRequest(string SignedHeaders, string Signature, string Authorization)
{
    /// <inheritdoc />
    public override string ToString() => $"SignedRequest {{ SignedHeaders = {SignedHeaders} }}";
}
