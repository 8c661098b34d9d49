using System.Buffers;

namespace CodeArtifact.Emulator.Persistence;

/// <summary>
/// Bodies as files under <c>{data}/blobs/{key[0..2]}/{key}</c>. A body is written to
/// <c>{data}/blobs/tmp</c> first and moved into place whole, so a crash never leaves half a body
/// under a key the metadata points to.
/// </summary>
internal sealed class DiskBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly string _temp;

    public DiskBlobStore(string dataDirectory)
    {
        _root = Path.Combine(dataDirectory, "blobs");
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
    }

    public async Task<StoredBlob> WriteAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        var temp = Path.Combine(_temp, key);
        using var hasher = new MultiHasher();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hasher.Append(chunk.AsSpan(0, read));
                    await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            MoveIntoPlace(temp, key);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new StoredBlob(key, hasher.Length, hasher.Finish());
    }

    public StoredBlob Write(ReadOnlySpan<byte> content)
    {
        var key = Guid.NewGuid().ToString("N");
        var temp = Path.Combine(_temp, key);
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
        }

        MoveIntoPlace(temp, key);
        return new StoredBlob(key, content.Length, MultiHasher.Of(content));
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public void Clean()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        Directory.CreateDirectory(_temp);
    }

    private void MoveIntoPlace(string temp, string key)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(temp, target);
    }

    private string PathOf(string key)
    {
        // Keys are our own GUIDs; refuse anything else so a key can never address a path outside the store.
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower))
        {
            return Path.Combine(_root, "invalid");
        }

        return Path.Combine(_root, key[..2], key);
    }
}
