namespace CodeArtifact.Core.Http;

/// <summary>
/// A time limit over everything inside it, measured on the options' <see cref="TimeProvider"/>.
/// When the limit (not the caller's token) ends the request, it raises
/// <see cref="RequestTimeoutException"/>, which the retry step treats as transient for one
/// attempt and final for the whole request.
/// </summary>
internal sealed class TimeoutHandler : DelegatingHandler
{
    private readonly TimeSpan _limit;
    private readonly TimeProvider _timeProvider;
    private readonly bool _isTotal;

    private TimeoutHandler(TimeSpan limit, TimeProvider timeProvider, bool isTotal)
    {
        _limit = limit;
        _timeProvider = timeProvider;
        _isTotal = isTotal;
    }

    /// <summary>The limit over all attempts and the waits between them.</summary>
    public static TimeoutHandler Total(TimeSpan limit, TimeProvider timeProvider) => new(limit, timeProvider, isTotal: true);

    /// <summary>The limit of one attempt (until the headers, and the body when it is buffered).</summary>
    public static TimeoutHandler PerAttempt(TimeSpan limit, TimeProvider timeProvider) => new(limit, timeProvider, isTotal: false);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_limit == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var deadline = new CancellationTokenSource(_limit, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && ex is OperationCanceledException or HttpRequestException or IOException)
        {
            throw new RequestTimeoutException(_isTotal, _limit, ex);
        }
    }
}
