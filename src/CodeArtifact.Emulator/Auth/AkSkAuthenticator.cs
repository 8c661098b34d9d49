using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CodeArtifact.Emulator.Auth;

/// <summary>
/// <c>SDK-HMAC-SHA256</c> verification as the gateway does it: the canonical request is rebuilt
/// from the raw request target (not ASP.NET's decoded path), the <c>Host</c> header as received,
/// the headers the <c>Authorization</c> header says were signed, and the SHA-256 of the body;
/// <c>X-Sdk-Date</c> must be within 15 minutes of the server clock; temporary keys must come
/// with their <c>X-Security-Token</c>, signed.
/// </summary>
internal sealed class AkSkAuthenticator(EmulatorContext emulator, AccessKeyLockout lockout) : IAuthenticator
{
    /// <summary>The gateway's limit for AK/SK-signed bodies.</summary>
    public const long MaxSignedBodyBytes = 12 * 1024 * 1024;

    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    public async ValueTask<AuthOutcome> AuthenticateAsync(HttpContext context, ApiOperation operation)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(SdkHmacSigner.Algorithm, StringComparison.Ordinal))
        {
            return AuthOutcome.NotMine;
        }

        if (!SdkHmacSigner.TryParseAuthorization(authorization, out var accessKey, out var signedHeaders, out var signature))
        {
            return AuthOutcome.Reject(EmulatorErrors.BadSignature("verify aksk signature fail, malformed Authorization header"));
        }

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

        var failure = await VerifyAsync(context, key, signedHeaders, signature).ConfigureAwait(false);
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

    private async ValueTask<ApiError?> VerifyAsync(HttpContext context, Identity.AccessKeyRecord key, IReadOnlyList<string> signedHeaders, string signature)
    {
        var request = context.Request;
        var sdkDate = request.Headers[SdkHmacSigner.DateHeader].ToString();
        if (!SdkHmacSigner.TryParseDate(sdkDate, out var signedAt))
        {
            return EmulatorErrors.BadSignature("verify aksk signature fail, X-Sdk-Date is missing or not yyyyMMddTHHmmssZ");
        }

        var now = emulator.Now;
        if ((now - signedAt).Duration() > SdkHmacSigner.MaxClockSkew)
        {
            return EmulatorErrors.BadSignature("verify aksk signature fail, X-Sdk-Date is more than 15 minutes from the server time");
        }

        if (!signedHeaders.Contains("host") || !signedHeaders.Contains("x-sdk-date"))
        {
            return EmulatorErrors.BadSignature("verify aksk signature fail, host and x-sdk-date must be signed");
        }

        if (key.SecurityToken is not null)
        {
            if (key.ExpiresAt <= now)
            {
                return EmulatorErrors.BadSignature("verify aksk signature fail, the security token has expired");
            }

            var token = request.Headers["X-Security-Token"].ToString();
            if (!signedHeaders.Contains("x-security-token") || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(key.SecurityToken)))
            {
                return EmulatorErrors.BadSignature("verify aksk signature fail, X-Security-Token is missing, unsigned or wrong");
            }
        }

        var headers = new List<KeyValuePair<string, string>>(signedHeaders.Count);
        foreach (var name in signedHeaders)
        {
            var lower = name.ToLowerInvariant();
            var value = lower == "host" ? request.Headers.Host.ToString() : request.Headers[lower].ToString();
            if (value.Length == 0 && !request.Headers.ContainsKey(lower))
            {
                return EmulatorErrors.BadSignature($"verify aksk signature fail, signed header '{lower}' is not in the request");
            }

            headers.Add(new(lower, value.Trim()));
        }

        var payloadHash = request.Headers["X-Sdk-Content-Sha256"].ToString() == UnsignedPayload
            ? UnsignedPayload
            : await HashBodyAsync(request, context.RequestAborted).ConfigureAwait(false);

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];

        var canonical = SdkHmacSigner.CanonicalRequest(request.Method, rawPath, SdkHmacSigner.ParseQuery(rawQuery), headers, payloadHash);
        var expected = SdkHmacSigner.Signature(Encoding.UTF8.GetBytes(key.SecretKey), SdkHmacSigner.StringToSign(sdkDate, canonical));
        return SdkHmacSigner.SignaturesEqual(expected, signature)
            ? null
            : EmulatorErrors.BadSignature("verify aksk signature fail");
    }

    /// <summary>Hashes the body and rewinds it for the handler; over 12 MB is the gateway's 413.</summary>
    private static async ValueTask<string> HashBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return SdkHmacSigner.EmptyPayloadHash;
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
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }
}
