using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Env = CodeArtifact.Core.Auth.CodeArtifactEnvironment;

namespace CodeArtifact.Core.Auth;

/// <summary>
/// A build stamp: a keyed digest of a job's inputs together with everything <see cref="CredentialChain"/>
/// may take credentials from, secrets included. It decides whether a cached answer may be reused:
/// it changes when an input changes, or when a key is rotated, replaced or removed, so such a
/// change is never "up to date".
/// </summary>
/// <remarks>
/// <para>
/// It covers the sources, not the chain's choice among them: the identity settings (access key,
/// user, domain, credentials file), every credential variable of <see cref="CodeArtifactEnvironment"/>,
/// the home folder, and the bytes of the credentials file the chain would read. A change to any of
/// them changes the digest, even one the chain would not use (which costs one needless request):
/// it is never wrong to ask again, only to reuse an answer given to other credentials. Reading the
/// sources without resolving them keeps this cheap enough to run in every build.
/// </para>
/// <para>
/// HMAC-SHA256 keyed with a random key that never leaves the machine (<see cref="FingerprintKey"/>):
/// whoever reads a stamp without that key learns nothing about the secrets and cannot test guesses
/// against them offline.
/// </para>
/// </remarks>
public static class CredentialFingerprint
{
    /// <summary>The variables the chain reads credentials, or the place of the credentials file, from.</summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        Env.AccessKey, Env.SecretKey, Env.SecurityToken, Env.UserName, Env.DomainName, Env.Password, Env.AuthToken,
        Env.CredentialsFile, "HOME", "USERPROFILE",
    ];

    /// <summary>The stamp, 64 lower-case hex digits.</summary>
    /// <param name="inputs">The job's other inputs as text (never a secret), such as its settings joined.</param>
    /// <param name="settings">The connection settings (only <c>AccessKey</c>, <c>UserName</c>, <c>DomainName</c> and <c>CredentialsFile</c> count).</param>
    /// <param name="environment">Reads an environment variable; null: the process environment.</param>
    /// <param name="key">The HMAC key, <see cref="FingerprintKey.Length"/> bytes or more.</param>
    public static string Compute(string inputs, CodeArtifactConnectionSettings settings, Func<string, string?>? environment, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < FingerprintKey.Length)
        {
            throw new ArgumentException($"The key has {key.Length} bytes; at least {FingerprintKey.Length} are needed.", nameof(key));
        }

        environment ??= Environment.GetEnvironmentVariable;

        // Gathered first and hashed in one call: every no-op build runs this, and a one-shot HMAC
        // costs it less than an incremental one.
        using var message = new MemoryStream();
        Append(message, inputs);
        Append(message, settings.AccessKey);
        Append(message, settings.UserName);
        Append(message, settings.DomainName);
        Append(message, settings.CredentialsFile);
        foreach (var name in Variables)
        {
            Append(message, environment(name));
        }

        AppendFile(message, ProfilePath(settings, environment));
        return Convert.ToHexString(HMACSHA256.HashData(key, message.GetBuffer().AsSpan(0, (int)message.Length))).ToLowerInvariant();
    }

    /// <summary>The credentials file the chain would read, in its order: the setting, the variable, then the home folder's.</summary>
    private static string? ProfilePath(CodeArtifactConnectionSettings settings, Func<string, string?> environment)
    {
        if ((Text(settings.CredentialsFile) ?? Text(environment(Env.CredentialsFile))) is { } path)
        {
            return path;
        }

        var home = Text(environment("HOME")) ?? Text(environment("USERPROFILE"));
        return home is null ? null : Path.Combine(home, ".huaweicloud", "credentials");
    }

    // Each part with its length (or -1 for none), so that no two different sets of values give the same input.
    private static void Append(MemoryStream message, string? value) =>
        AppendBytes(message, value is null ? null : Encoding.UTF8.GetBytes(value));

    private static void AppendFile(MemoryStream message, string? path)
    {
        byte[]? content;
        try
        {
            content = path is not null && File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The job will say it cannot read the file; the stamp only has to differ from a readable one's.
            content = Encoding.UTF8.GetBytes("unreadable: " + ex.GetType().Name);
        }

        AppendBytes(message, content);
    }

    private static void AppendBytes(MemoryStream message, byte[]? bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes?.Length ?? -1);
        message.Write(length);
        if (bytes is not null)
        {
            message.Write(bytes);
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
