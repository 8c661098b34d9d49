using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using CodeArtifact.Emulator.Auth.Signing;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CodeArtifact.Emulator.Auth;

/// <summary>
/// <c>SDK-HMAC-SHA256</c> verification as the gateway does it, with the emulator's own
/// canonicaliser (<see cref="SignatureVerifier"/>), never the client's signer: the canonical
/// request is rebuilt from the raw request target (not ASP.NET's decoded path), the headers the
/// <c>Authorization</c> header says were signed, and the SHA-256 of the body (or the declared
/// <c>X-Sdk-Content-Sha256</c>); <c>X-Sdk-Date</c> must be within 15 minutes of the server clock;
/// temporary keys must come with their <c>X-Security-Token</c>, signed.
/// </summary>
internal sealed class AkSkAuthenticator(EmulatorContext emulator, AccessKeyLockout lockout) : IAuthenticator
{
    /// <summary>The gateway's limit for AK/SK-signed bodies.</summary>
    public const long MaxSignedBodyBytes = 12 * 1024 * 1024;

    public async ValueTask<AuthOutcome> AuthenticateAsync(HttpContext context, ApiOperation operation)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        if (!SignatureClaim.IsOfScheme(authorization))
        {
            return AuthOutcome.NotMine;
        }

        if (SignatureClaim.Parse(authorization) is not { } claim)
        {
            return AuthOutcome.Reject(EmulatorErrors.BadSignature("verify aksk signature fail, malformed Authorization header"));
        }

        var accessKey = claim.AccessKey;

        // The gateway refuses an oversized signed body before it looks at the signature.
        if (request.ContentLength > MaxSignedBodyBytes)
        {
            return AuthOutcome.Reject(EmulatorErrors.BodyTooLarge());
        }

        if (lockout.IsLocked(accessKey))
        {
            return AuthOutcome.Reject(EmulatorErrors.AccessKeyLocked());
        }

        var key = emulator.Identities.FindAccessKey(accessKey);
        if (key is null)
        {
            return AuthOutcome.Reject(EmulatorErrors.BadSignature("Get secretKey failed"));
        }

        var failure = await VerifyAsync(context, key, claim).ConfigureAwait(false);
        if (failure is not null)
        {
            lockout.Failed(accessKey);
            return AuthOutcome.Reject(failure);
        }

        lockout.Succeeded(accessKey);
        var user = emulator.Identities.FindUser(key.UserId);
        return user is null
            ? AuthOutcome.Reject(EmulatorErrors.BadSignature("Get secretKey failed"))
            : AuthOutcome.Accept(emulator.Identities.CallerFor(user, key.SecurityToken is null ? "aksk" : "aksk-temporary"));
    }

    private async ValueTask<ApiError?> VerifyAsync(HttpContext context, Identity.AccessKeyRecord key, SignatureClaim claim)
    {
        var request = context.Request;
        var now = emulator.Now;
        if (key.SecurityToken is not null)
        {
            if (key.ExpiresAt <= now)
            {
                return EmulatorErrors.BadSignature("verify aksk signature fail, the security token has expired");
            }

            var token = request.Headers["X-Security-Token"].ToString();
            if (!claim.SignedHeaders.Contains("x-security-token") || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(key.SecurityToken)))
            {
                return EmulatorErrors.BadSignature("verify aksk signature fail, X-Security-Token is missing, unsigned or wrong");
            }
        }

        Func<string, Microsoft.Extensions.Primitives.StringValues> headers = name => request.Headers[name];
        var bodyHash = SignatureVerifier.NeedsBodyHash(headers)
            ? await HashBodyAsync(request, context.RequestAborted).ConfigureAwait(false)
            : null;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var failure = SignatureVerifier.Verify(new GatewayRequest(request.Method, rawTarget, headers, bodyHash), claim, key.SecretKey, now);
        return failure is null ? null : EmulatorErrors.BadSignature("verify aksk signature fail, " + failure);
    }

    /// <summary>Hashes the body and rewinds it for the handler; over 12 MB is the gateway's 413.</summary>
    private static async ValueTask<string> HashBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return SignatureVerifier.EmptyBodySha256;
        }

        if (request.ContentLength > MaxSignedBodyBytes)
        {
            throw EmulatorErrors.BodyTooLarge();
        }

        request.EnableBuffering(bufferThreshold: 1024 * 1024);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxSignedBodyBytes)
                {
                    throw EmulatorErrors.BodyTooLarge();
                }

                sha.AppendData(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
