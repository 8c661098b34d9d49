using System.Net;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Wraps a streamed answer's body so that the concurrency slot its request holds is given
/// back when the body is disposed (read to the end by a caller that disposes, or dropped),
/// not when the headers arrive: a download in progress still counts against MaxConcurrency.
/// </summary>
internal sealed class SlotReleasingContent : HttpContent
{
    private readonly HttpContent _inner;
    private Action? _release;

    public SlotReleasingContent(HttpContent inner, Action release)
    {
        _inner = inner;
        _release = release;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _inner.CopyToAsync(stream, context);

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(stream, context, cancellationToken);

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        _inner.ReadAsStreamAsync(cancellationToken);

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength.HasValue;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            Interlocked.Exchange(ref _release, null)?.Invoke();
        }

        base.Dispose(disposing);
    }
}
