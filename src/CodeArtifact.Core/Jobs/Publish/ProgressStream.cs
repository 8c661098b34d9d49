using System.Security.Cryptography;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// A read-only, seekable view of a file being uploaded. It reports each byte the first time it is
/// read, so that progress counts a retried upload (which rewinds and reads again) once; and, when
/// asked, it hashes what is read (SHA-256), starting over at each rewind, so that after a
/// successful upload the digest is the one of the bytes the last attempt sent, without reading
/// the file once more.
/// </summary>
internal sealed class ProgressStream(Stream inner, Action<long> firstRead, bool hash = false) : Stream
{
    private readonly IncrementalHash? _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    private long _highWater;
    private long _hashedUpTo;
    private bool _hashInOrder = true;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set
        {
            inner.Position = value;
            Moved(value);
        }
    }

    /// <summary>
    /// The lower-case hex SHA-256 and the length of the bytes read since the last rewind, when
    /// they were read in order from the start to the end; else null (or when not hashing).
    /// </summary>
    public (string Sha256, long Length)? Digest =>
        _hash is not null && _hashInOrder && _hashedUpTo == inner.Length
            ? (Convert.ToHexString(_hash.GetCurrentHash()).ToLowerInvariant(), _hashedUpTo)
            : null;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var start = inner.Position;
        var read = inner.Read(buffer, offset, count);
        return Counted(start, buffer.AsSpan(offset, read));
    }

    public override int Read(Span<byte> buffer)
    {
        var start = inner.Position;
        var read = inner.Read(buffer);
        return Counted(start, buffer[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var start = inner.Position;
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Counted(start, buffer.Span[..read]);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = inner.Seek(offset, origin);
        Moved(position);
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("The upload stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The upload stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash?.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _hash?.Dispose();
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void Moved(long position)
    {
        if (_hash is null)
        {
            return;
        }

        if (position == 0)
        {
            // A new attempt: the digest starts over.
            _hash.GetHashAndReset();
            _hashedUpTo = 0;
            _hashInOrder = true;
        }
        else if (position != _hashedUpTo)
        {
            _hashInOrder = false;
        }
    }

    private int Counted(long start, ReadOnlySpan<byte> read)
    {
        if (_hash is not null && _hashInOrder)
        {
            if (start == _hashedUpTo)
            {
                _hash.AppendData(read);
                _hashedUpTo += read.Length;
            }
            else
            {
                _hashInOrder = false;
            }
        }

        var end = start + read.Length;
        if (end > _highWater)
        {
            firstRead(end - _highWater);
            _highWater = end;
        }

        return read.Length;
    }
}
