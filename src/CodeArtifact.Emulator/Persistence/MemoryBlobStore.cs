using System.Buffers;
using System.Collections.Concurrent;

namespace CodeArtifact.Emulator.Persistence;

/// <summary>Bodies in memory, for tests: gone when the server stops.</summary>
internal sealed class MemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public async Task<StoredBlob> WriteAsync(Stream content, CancellationToken cancellationToken)
    {
        using var hasher = new MultiHasher();
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await content.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hasher.Append(chunk.AsSpan(0, read));
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var key = Guid.NewGuid().ToString("N");
        _blobs[key] = buffer.ToArray();
        return new StoredBlob(key, hasher.Length, hasher.Finish());
    }

    public StoredBlob Write(ReadOnlySpan<byte> content)
    {
        var key = Guid.NewGuid().ToString("N");
        _blobs[key] = content.ToArray();
        return new StoredBlob(key, content.Length, MultiHasher.Of(content));
    }

    public Stream? OpenRead(string key) =>
        _blobs.TryGetValue(key, out var bytes) ? new MemoryStream(bytes, writable: false) : null;

    public void Delete(string key) => _blobs.TryRemove(key, out _);

    public void Clean() => _blobs.Clear();
}
