using System.Buffers;
using System.Security.Cryptography;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Hashes a file in one pass, computing only the digests asked for. Memory is two pooled
/// buffers of <see cref="BufferSize"/> whatever the file size: the next block is read while the
/// current one is hashed.
/// </summary>
public static class FileHasher
{
    /// <summary>The read size: large enough that a read costs little per byte, small enough to pool.</summary>
    public const int BufferSize = 1 << 20;

    /// <summary>Hashes the file at <paramref name="path"/> with each of <paramref name="algorithms"/>.</summary>
    /// <exception cref="IOException">The file cannot be read (also <see cref="UnauthorizedAccessException"/>).</exception>
    public static async Task<FileDigests> HashFileAsync(string path, IEnumerable<ChecksumAlgorithm> algorithms, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,

            // Our own buffer is the only one: FileStream's would add a copy per read.
            BufferSize = 0,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });
        await using (stream.ConfigureAwait(false))
        {
            return await HashStreamAsync(stream, algorithms, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Hashes what is left of <paramref name="stream"/> with each of <paramref name="algorithms"/>.</summary>
    public static async Task<FileDigests> HashStreamAsync(Stream stream, IEnumerable<ChecksumAlgorithm> algorithms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(algorithms);
        var wanted = algorithms.Where(a => a != ChecksumAlgorithm.Auto).Distinct().ToArray();
        var hashes = wanted.Select(a => IncrementalHash.CreateHash(a.ToHashAlgorithmName())).ToArray();
        var current = ArrayPool<byte>.Shared.Rent(BufferSize);
        var next = ArrayPool<byte>.Shared.Rent(BufferSize);
        ValueTask<int> pendingRead = default;
        var readPending = false;
        try
        {
            long length = 0;
            var read = await stream.ReadAsync(current.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false);
            while (read > 0)
            {
                pendingRead = stream.ReadAsync(next.AsMemory(0, BufferSize), cancellationToken);
                readPending = true;
                foreach (var hash in hashes)
                {
                    hash.AppendData(current, 0, read);
                }

                length += read;
                readPending = false;
                read = await pendingRead.ConfigureAwait(false);
                (current, next) = (next, current);
            }

            var digests = new Dictionary<ChecksumAlgorithm, string>(wanted.Length);
            for (var i = 0; i < wanted.Length; i++)
            {
                digests[wanted[i]] = Convert.ToHexString(hashes[i].GetHashAndReset()).ToLowerInvariant();
            }

            return new FileDigests(length, digests);
        }
        finally
        {
            if (readPending)
            {
                // A buffer goes back to the pool only once no read can still write into it.
                try
                {
                    await pendingRead.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The first failure is the one being reported.
                }
            }

            foreach (var hash in hashes)
            {
                hash.Dispose();
            }

            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }
}

/// <summary>The digests of one file, as lower-case hex, and its length in bytes.</summary>
public sealed class FileDigests
{
    private readonly IReadOnlyDictionary<ChecksumAlgorithm, string> _digests;

    public FileDigests(long length, IReadOnlyDictionary<ChecksumAlgorithm, string> digests)
    {
        ArgumentNullException.ThrowIfNull(digests);
        Length = length;
        _digests = digests;
    }

    /// <summary>Bytes hashed.</summary>
    public long Length { get; }

    /// <summary>The algorithms computed.</summary>
    public IEnumerable<ChecksumAlgorithm> Algorithms => _digests.Keys;

    /// <summary>The lower-case hex digest, or null when it was not computed.</summary>
    public string? this[ChecksumAlgorithm algorithm] => _digests.TryGetValue(algorithm, out var hex) ? hex : null;
}
