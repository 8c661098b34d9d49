using System.Security.Cryptography;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>A local file written for a publish test, with its SHA-256 computed apart from the product's hasher.</summary>
public sealed record LocalFile(string LocalPath, string RemotePath, long Size, string Sha256);

/// <summary>Deterministic test files in a temp folder: the same index gives the same bytes on every run.</summary>
public static class PublishTestFiles
{
    /// <summary>Writes one file of <paramref name="size"/> pseudo-random bytes seeded by <paramref name="seed"/>.</summary>
    public static LocalFile Write(string folder, string name, string remotePath, long size, int seed)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(seed);
        var block = new byte[1 << 20];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            for (long written = 0; written < size; written += block.Length)
            {
                var count = (int)Math.Min(block.Length, size - written);
                random.NextBytes(block.AsSpan(0, count));
                file.Write(block, 0, count);
                hash.AppendData(block, 0, count);
            }
        }

        return new LocalFile(path, remotePath, size, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
    }

    /// <summary>Replaces a file's bytes (same size, other content) and returns its new description.</summary>
    public static LocalFile Change(LocalFile file, int seed) => Write(Path.GetDirectoryName(file.LocalPath)!, Path.GetFileName(file.LocalPath), file.RemotePath, file.Size, seed);

    public static IReadOnlyList<PublishFileRequest> Requests(IEnumerable<LocalFile> files) =>
        files.Select(f => new PublishFileRequest(f.LocalPath, f.RemotePath)).ToArray();

    /// <summary>A unique folder of a repository, so tests never see each other's files.</summary>
    public static string UniqueRoot(string prefix) => "/" + prefix + "-" + Guid.NewGuid().ToString("N")[..10];
}
