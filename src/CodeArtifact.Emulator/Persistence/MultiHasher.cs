using System.Security.Cryptography;

namespace CodeArtifact.Emulator.Persistence;

/// <summary>Computes MD5, SHA-1, SHA-256 and SHA-512 in one pass over a body.</summary>
internal sealed class MultiHasher : IDisposable
{
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly IncrementalHash _sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash _sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        _md5.AppendData(data);
        _sha1.AppendData(data);
        _sha256.AppendData(data);
        _sha512.AppendData(data);
        Length += data.Length;
    }

    public FileChecksums Finish() => new(
        Hex(_md5.GetHashAndReset()), Hex(_sha1.GetHashAndReset()), Hex(_sha256.GetHashAndReset()), Hex(_sha512.GetHashAndReset()));

    /// <summary>The four digests of bytes already in memory (one-shot hashing: no hash objects to create).</summary>
    public static FileChecksums Of(ReadOnlySpan<byte> data) => new(
        Hex(MD5.HashData(data)), Hex(SHA1.HashData(data)), Hex(SHA256.HashData(data)), Hex(SHA512.HashData(data)));

    public void Dispose()
    {
        _md5.Dispose();
        _sha1.Dispose();
        _sha256.Dispose();
        _sha512.Dispose();
    }

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}
