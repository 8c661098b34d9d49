using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly;

namespace CodeArtifact.Core.Http;

/// <summary>
/// The one place that decides what is worth another attempt (as Azure.Core's
/// <c>ResponseClassifier</c> and the predicates of Microsoft.Extensions.Http.Resilience):
/// 429, 502, 503 and 504; connection failures (reset, dropped mid-answer; refused, retried once
/// by <see cref="RetryHandler"/>); and attempts that ran out of their own time. Never the caller's
/// cancellation, never a host name that does not resolve, never a TLS or configuration failure,
/// never a 4xx other than 429.
/// </summary>
internal static class TransientFailures
{
    /// <summary>The longest <c>Retry-After</c> we wait for; a longer one fails at once with the service's answer.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// True for failures of the way to the service. <paramref name="callerToken"/> is the token the
    /// attempt ran under: a cancellation it caused is the caller's (or the total limit's), never transient.
    /// </summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken)
    {
        switch (exception)
        {
            case RequestTimeoutException timeout:
                return !timeout.IsTotal;
            case OperationCanceledException:
                // A cancellation nobody above us asked for: an inner time limit, as with HttpClient's own.
                return !callerToken.IsCancellationRequested;
            case HttpRequestException or SocketException when IsNameNotResolved(exception):
                // A name that does not resolve is a wrong Endpoint or Region far more often than a
                // passing DNS fault: retrying it only makes the user wait for the same advice.
                return false;
            case HttpRequestException http:
                return http.HttpRequestError is not (HttpRequestError.SecureConnectionError
                    or HttpRequestError.ConfigurationLimitExceeded
                    or HttpRequestError.UserAuthenticationError
                    or HttpRequestError.VersionNegotiationError);
            case IOException or SocketException:
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when the host name of the endpoint could not be resolved (DNS).</summary>
    public static bool IsNameNotResolved(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => true,
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => true,
        HttpRequestException { InnerException: SocketException inner } => IsNameNotResolved(inner),
        _ => false,
    };

    /// <summary>True when the host answered that nothing listens on the port (connection refused).</summary>
    public static bool IsConnectionRefused(Exception exception) => exception switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => true,
        HttpRequestException { InnerException: { } inner } => IsConnectionRefused(inner),
        _ => false,
    };

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) =>
        outcome.Exception is { } exception
            ? IsTransient(exception, callerToken)
            : outcome.Result is { } response && IsTransient(response.StatusCode);

    /// <summary>
    /// The wait the service asked for in <c>Retry-After</c> (seconds or an HTTP date), or null when
    /// it gave none (then the jittered exponential backoff decides).
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>A short, secret-free description of a failed attempt for the retry notice.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        RequestTimeoutException timeout => $"no answer within {FormatDuration(timeout.Limit)}",
        OperationCanceledException => "the attempt was cancelled by a time limit",
        { } refused when IsConnectionRefused(refused) => "the connection was refused",
        HttpRequestException http when http.HttpRequestError != HttpRequestError.Unknown => $"connection failed ({http.HttpRequestError})",
        HttpRequestException or IOException or SocketException => "the connection failed or was dropped",
        { } other => other.GetType().Name,
        null => $"HTTP {(int)outcome.Result!.StatusCode} {outcome.Result.ReasonPhrase}".TrimEnd(),
    };

    public static string FormatDuration(TimeSpan duration) => duration.TotalSeconds < 1
        ? $"{Math.Round(duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)} ms"
        : $"{Math.Round(duration.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture)} s";
}
