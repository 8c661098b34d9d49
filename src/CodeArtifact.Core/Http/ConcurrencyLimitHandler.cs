namespace CodeArtifact.Core.Http;

/// <summary>
/// At most <c>MaxConcurrency</c> attempts on the wire at once, over all operations of one
/// client. It sits inside the retry step, so a request waiting for its next attempt holds no
/// slot; a streamed answer keeps its slot until its body is disposed.
/// </summary>
internal sealed class ConcurrencyLimitHandler : DelegatingHandler
{
    private readonly SemaphoreSlim _slots;

    public ConcurrencyLimitHandler(SemaphoreSlim slots) => _slots = slots;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            throw;
        }

        if (response.Content is BufferedContent)
        {
            _slots.Release();
        }
        else
        {
            response.Content = new SlotReleasingContent(response.Content, () => _slots.Release());
        }

        return response;
    }
}

/// <summary>
/// Reads the answer's body inside the attempt for requests that want it buffered (every API
/// call): a body cut off midway then fails the attempt, which the retry step can repeat.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!RequestState.Of(request).BufferResponse)
        {
            return response;
        }

        try
        {
            await BufferedContent.BufferAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
