using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace CodeArtifact.Emulator.Auth.Signing;

/// <summary>
/// Checks an <c>SDK-HMAC-SHA256</c> signature as the API gateway does, from the published
/// algorithm: string to sign <c>SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex sha256(canonical request)}</c>,
/// signature the lower-case hex HMAC-SHA256 of it keyed with the secret key. A pure function of the
/// received request, so that tests can check thousands of signatures without a server.
/// </summary>
internal static class SignatureVerifier
{
    public const string DateHeader = "X-Sdk-Date";
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The gateway refuses a request signed further than this from its clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>False when the request declares an unsigned payload: its body is not part of the signature.</summary>
    public static bool NeedsBodyHash(Func<string, StringValues> headers) =>
        DeclaredPayloadHash(headers) != UnsignedPayload;

    /// <summary>Null when the signature is valid, else why it is not (for the <c>APIGW.0301</c> message; no secret in it).</summary>
    public static string? Verify(GatewayRequest request, SignatureClaim claim, string secretKey, DateTimeOffset now)
    {
        var sdkDate = request.Headers(DateHeader).ToString();
        if (!DateTimeOffset.TryParseExact(sdkDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            return "X-Sdk-Date is missing or not yyyyMMddTHHmmssZ";
        }

        if ((now - signedAt).Duration() > MaxClockSkew)
        {
            return "X-Sdk-Date is more than 15 minutes from the server time";
        }

        if (!claim.SignedHeaders.Contains("host") || !claim.SignedHeaders.Contains("x-sdk-date"))
        {
            return "host and x-sdk-date must be signed";
        }

        if (!GatewayCanonicalRequest.TryHeaders(claim.SignedHeaders, request.Headers, out var headers, out var missing))
        {
            return $"signed header '{missing}' is not in the request";
        }

        var payloadHash = PayloadHash(request, out var payloadFailure);
        if (payloadFailure is not null)
        {
            return payloadFailure;
        }

        var canonical = GatewayCanonicalRequest.Compose(
            request.Method,
            GatewayCanonicalRequest.Uri(request.RawPath),
            GatewayCanonicalRequest.Query(request.RawQuery),
            headers,
            claim.SignedHeaders,
            payloadHash!);
        var stringToSign = SignatureClaim.Algorithm + "\n" + sdkDate + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonical));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(claim.Signature))
            ? null
            : "signature mismatch";
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>
    /// The payload hash of the canonical request: a declared <c>X-Sdk-Content-Sha256</c> value as
    /// the official SDKs send it (<c>UNSIGNED-PAYLOAD</c>, or the body's hash, which must then match
    /// the body received), else the SHA-256 of the body.
    /// </summary>
    private static string? PayloadHash(GatewayRequest request, out string? failure)
    {
        failure = null;
        var declared = DeclaredPayloadHash(request.Headers);
        if (declared == UnsignedPayload)
        {
            return declared;
        }

        var body = request.BodySha256 ?? throw new InvalidOperationException("The body must be hashed unless the payload is declared unsigned.");
        if (declared is not null && !string.Equals(declared, body, StringComparison.OrdinalIgnoreCase))
        {
            failure = "X-Sdk-Content-Sha256 does not match the body";
        }

        return declared ?? body;
    }

    private static string? DeclaredPayloadHash(Func<string, StringValues> headers) =>
        headers(ContentSha256Header) is { Count: > 0 } values ? values.ToString().Trim() : null;
}
