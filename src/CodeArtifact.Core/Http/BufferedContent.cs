namespace CodeArtifact.Core.Http;

/// <summary>
/// An answer's body read into memory inside the attempt, so that a connection dropped in the
/// middle of the body is a failed attempt (and retried), and so that readers after the pipeline
/// get the bytes without another copy.
/// </summary>
internal sealed class BufferedContent : ByteArrayContent
{
    private BufferedContent(byte[] bytes)
        : base(bytes)
    {
        Bytes = bytes;
    }

    public byte[] Bytes { get; }

    /// <summary>Reads the body of <paramref name="response"/> and puts it back as a <see cref="BufferedContent"/>.</summary>
    public static async Task<byte[]> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is BufferedContent done)
        {
            return done.Bytes;
        }

        var original = response.Content;
        var bytes = await original.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var buffered = new BufferedContent(bytes);
        foreach (var header in original.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = buffered;
        original.Dispose();
        return bytes;
    }

    /// <summary>The bytes of an answer's body, buffered already or read now.</summary>
    public static Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content is BufferedContent buffered ? Task.FromResult(buffered.Bytes) : BufferAsync(response, cancellationToken);
}
