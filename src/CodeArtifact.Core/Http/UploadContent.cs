using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace CodeArtifact.Core.Http;

/// <summary>
/// A request body streamed from a <see cref="Stream"/> (a file upload), never buffered in
/// memory. A seekable stream is rewound before every attempt, so it can be retried and its
/// SHA-256 can be computed for an AK/SK signature; a stream that cannot seek is sent once.
/// </summary>
internal sealed class UploadContent : HttpContent
{
    private const int BufferSize = 81920;
    private readonly Stream _stream;
    private readonly long _start;
    private readonly bool _leaveOpen;
    private string? _sha256;
    private bool _sent;

    /// <param name="stream">The body; read from its current position.</param>
    /// <param name="mediaType">The <c>Content-Type</c>; <c>application/octet-stream</c> when null.</param>
    /// <param name="leaveOpen">True to leave the stream open when the content is disposed.</param>
    public UploadContent(Stream stream, string? mediaType = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The upload stream must be readable.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _start = stream.CanSeek ? stream.Position : 0;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType ?? "application/octet-stream");
    }

    /// <summary>True when the body can be sent again (the stream can seek back to where it started).</summary>
    public bool IsRewindable => _stream.CanSeek;

    /// <summary>Lower-case hex SHA-256 of the body, read once in a stream pass; null when the stream cannot seek.</summary>
    internal async Task<string?> ComputeSha256Async(CancellationToken cancellationToken)
    {
        if (_sha256 is not null || !IsRewindable)
        {
            return _sha256;
        }

        _stream.Position = _start;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        _stream.Position = _start;
        _sha256 = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
        return _sha256;
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc />
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (IsRewindable)
        {
            _stream.Position = _start;
        }
        else if (_sent)
        {
            throw new InvalidOperationException("The upload stream cannot seek, so its body cannot be sent a second time.");
        }

        _sent = true;
        await _stream.CopyToAsync(stream, BufferSize, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        if (IsRewindable)
        {
            length = _stream.Length - _start;
            return true;
        }

        length = 0;
        return false;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
