using Microsoft.Extensions.Primitives;

namespace CodeArtifact.Emulator.Auth.Signing;

/// <summary>
/// A request as the gateway received it, which is all a signature is checked against.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as it came on the wire (escaped path, <c>?</c>, escaped query).</param>
/// <param name="Headers">The values of a header by name (any case); empty when it was not sent.</param>
/// <param name="BodySha256">
/// Lower-case hex SHA-256 of the body as received; null only when the request declares
/// <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c>, so that such bodies need not be read
/// (see <see cref="SignatureVerifier.NeedsBodyHash"/>).
/// </param>
internal sealed record GatewayRequest(string Method, string RawTarget, Func<string, StringValues> Headers, string? BodySha256)
{
    /// <summary>The escaped path: the target before <c>?</c>.</summary>
    public string RawPath => RawTarget.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? RawTarget[..q] : RawTarget;

    /// <summary>The escaped query: the target after the first <c>?</c>, or empty.</summary>
    public string RawQuery => RawTarget.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? RawTarget[(q + 1)..] : string.Empty;
}
