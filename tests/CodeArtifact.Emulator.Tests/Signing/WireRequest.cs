using CodeArtifact.Emulator.Auth.Signing;
using Microsoft.Extensions.Primitives;

namespace CodeArtifact.Emulator.Tests.Signing;

/// <summary>A request as it goes on the wire: method, escaped target, headers (incl. Authorization) and body.</summary>
internal sealed record WireRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public WireRequest WithHeader(string name, string value) =>
        this with { Headers = [.. Headers.Where(h => !string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)), new(name, value)] };

    public WireRequest WithoutHeader(string name) =>
        this with { Headers = [.. Headers.Where(h => !string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))] };

    /// <summary>What the emulator's verifier sees of this request (the body hashed unless declared unsigned, as the authenticator does).</summary>
    public GatewayRequest ToGateway()
    {
        StringValues Lookup(string name) =>
            new([.. Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)]);
        var bodyHash = SignatureVerifier.NeedsBodyHash(Lookup) ? SignatureVerifier.HexSha256(Body) : null;
        return new GatewayRequest(Method, Target, Lookup, bodyHash);
    }

    /// <summary>Checks the signature with the emulator's verifier; null when it is accepted.</summary>
    public string? Verify(string secretKey, DateTimeOffset now) =>
        SignatureClaim.Parse(Header("Authorization")) is { } claim
            ? SignatureVerifier.Verify(ToGateway(), claim, secretKey, now)
            : "no SDK-HMAC-SHA256 Authorization header";
}
