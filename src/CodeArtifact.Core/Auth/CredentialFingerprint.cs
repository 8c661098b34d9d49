using System.Security.Cryptography;
using System.Text;

namespace CodeArtifact.Core.Auth;

/// <summary>
/// A keyed digest of the credentials <see cref="CredentialChain"/> resolves, secret included, for
/// the build stamps that decide whether a cached answer may be reused: it changes when a key is
/// rotated, replaced or removed, so such a change is never "up to date".
/// </summary>
/// <remarks>
/// HMAC-SHA256 keyed with a random key that never leaves the machine (<see cref="FingerprintKey"/>):
/// whoever reads a stamp without that key learns nothing about the secret and cannot test guesses
/// against it offline. Credentials that cannot be resolved (none, or a key without its secret)
/// give a fingerprint of that failure's code, so the stamp changes with them too and the job
/// itself reports the coded error.
/// </remarks>
public static class CredentialFingerprint
{
    /// <summary>The fingerprint, 64 lower-case hex digits.</summary>
    /// <param name="settings">The connection settings (only the credential ones count).</param>
    /// <param name="environment">Reads an environment variable; null: the process environment.</param>
    /// <param name="key">The HMAC key, at least 32 bytes.</param>
    public static string Compute(CodeArtifactConnectionSettings settings, Func<string, string?>? environment, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (key.Length < FingerprintKey.Length)
        {
            throw new ArgumentException($"The key has {key.Length} bytes; at least {FingerprintKey.Length} are needed.", nameof(key));
        }

        string canonical;
        try
        {
            canonical = Canonical(CredentialChain.ResolveCredentials(settings, environment));
        }
        catch (CodeArtifactException ex)
        {
            // The code and the setting at fault only: an exception's text never goes into a digest that is kept.
            canonical = Join("unresolved", ex.Code, ex.ParameterName);
        }

        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
    }

    private static string Canonical(CodeArtifactCredentials credentials) => credentials switch
    {
        AccessKeyCredentials k => Join("aksk", k.AccessKey, k.SecretKey.Reveal(), k.SecurityToken?.Reveal()),
        IamPasswordCredentials p => Join("iam-password", p.UserName, p.DomainName, p.Password.Reveal()),
        TokenCredentials t => Join("token", t.Token.Reveal()),
        _ => throw new ArgumentException($"Unknown credentials {credentials.GetType().Name}.", nameof(credentials)),
    };

    // Each part with its length, so that no two different sets of values join to the same text.
    private static string Join(params string?[] parts) =>
        string.Concat(parts.Select(p => p is null ? "-1:" : $"{p.Length}:{p}|"));
}
