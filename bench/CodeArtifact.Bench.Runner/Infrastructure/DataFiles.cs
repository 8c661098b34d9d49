using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CodeArtifact.Bench.Runner.Infrastructure;

/// <summary>Test data written quickly: pseudo-random blocks (no two alike), sparse files, their SHA-256.</summary>
internal static class DataFiles
{
    private const int Block = 1 << 20;

    /// <summary>Writes <paramref name="length"/> pseudo-random bytes and returns their lower-case hex SHA-256.</summary>
    public static string WriteRandom(string path, long length, int seed)
    {
        var block = new byte[Block];
        new Random(seed).NextBytes(block);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        long index = 0;
        for (long written = 0; written < length; written += Block, index++)
        {
            // The block number in the first bytes makes every block distinct at no cost.
            BinaryPrimitives.WriteInt64LittleEndian(block, index);
            BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(8), seed);
            var count = (int)Math.Min(Block, length - written);
            stream.Write(block, 0, count);
            sha.AppendData(block, 0, count);
        }

        return Hex(sha.GetHashAndReset());
    }

    /// <summary>Small distinct contents, for files that are published to the emulator.</summary>
    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, seed);
        return bytes;
    }

    /// <summary>A file of <paramref name="length"/> zero bytes that takes no disk space (a hole).</summary>
    public static void CreateSparse(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        stream.SetLength(length);
    }

    /// <summary>The SHA-256 of <paramref name="length"/> zero bytes.</summary>
    public static string Sha256OfZeros(long length)
    {
        var zeros = new byte[Block];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (long done = 0; done < length; done += Block)
        {
            sha.AppendData(zeros, 0, (int)Math.Min(Block, length - done));
        }

        return Hex(sha.GetHashAndReset());
    }

    public static string Sha256(byte[] content) => Hex(SHA256.HashData(content));

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}
