namespace CodeArtifact.Core.Http;

/// <summary>
/// Raised inside the pipeline when one of our own time limits, not the caller's token, ended a
/// request. The attempt limit is transient (retried); the total limit ends the request.
/// <see cref="ErrorTranslator"/> turns both into CART0107.
/// </summary>
internal sealed class RequestTimeoutException : TimeoutException
{
    public RequestTimeoutException(bool isTotal, TimeSpan limit, Exception? innerException = null)
        : base(isTotal ? "The request did not finish within its total time limit." : "The attempt did not finish within its time limit.", innerException)
    {
        IsTotal = isTotal;
        Limit = limit;
    }

    /// <summary>True for the limit over all attempts; false for one attempt's limit.</summary>
    public bool IsTotal { get; }

    public TimeSpan Limit { get; }
}
