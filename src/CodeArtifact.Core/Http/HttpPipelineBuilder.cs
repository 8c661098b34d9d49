using System.Net;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Assembles the one handler chain every request of a client goes through, in a fixed order
/// (as Azure.Core's <c>HttpPipelineBuilder</c>). Outermost first:
/// <list type="number">
/// <item>total time limit: bounds all attempts and the waits between them;</item>
/// <item>retry: Polly, on <see cref="TransientFailures"/>, honouring <c>Retry-After</c>;</item>
/// <item>per-attempt time limit: inside the retry, so a slow attempt is retried;</item>
/// <item>concurrency limit: inside the retry, so waiting for the next attempt holds no slot;</item>
/// <item>response buffering: API answers are read inside the attempt (and the slot);</item>
/// <item>authentication: inside the retry, so every attempt is signed afresh;</item>
/// <item>reserved names: a host under <c>.invalid</c> fails as unresolved without a DNS query;</item>
/// <item>transport: <see cref="SocketsHttpHandler"/>, or the options' test seam.</item>
/// </list>
/// </summary>
internal static class HttpPipelineBuilder
{
    /// <summary>
    /// Builds the chain over <paramref name="transport"/>. Without <paramref name="slots"/> there is
    /// no concurrency step, and without <paramref name="authenticator"/> no authentication step:
    /// the IAM token request uses such a chain, so that a request holding a slot while it waits for
    /// its token can never wait for a slot of its own.
    /// </summary>
    public static HttpMessageHandler Build(
        CodeArtifactClientOptions options,
        HttpMessageHandler transport,
        SemaphoreSlim? slots,
        RequestAuthenticator? authenticator,
        Action<CodeArtifactLogEvent> log)
    {
        var handlers = new List<DelegatingHandler>
        {
            TimeoutHandler.Total(EffectiveTotalTimeout(options), options.TimeProvider),
            new RetryHandler(options, log),
            TimeoutHandler.PerAttempt(options.Timeout, options.TimeProvider),
        };
        if (slots is not null)
        {
            handlers.Add(new ConcurrencyLimitHandler(slots));
        }

        handlers.Add(new ResponseBufferingHandler());
        if (authenticator is not null)
        {
            handlers.Add(new SigningHandler(authenticator));
        }

        handlers.Add(new InvalidDomainHandler());

        HttpMessageHandler inner = transport;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }

    /// <summary>The real network: pooled connections renewed every few minutes (DNS changes), no automatic redirects (credentials must not follow them to another host).</summary>
    public static SocketsHttpHandler CreateTransport(CodeArtifactClientOptions options) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = options.Timeout < TimeSpan.FromSeconds(30) ? options.Timeout : TimeSpan.FromSeconds(30),
        MaxConnectionsPerServer = options.MaxConcurrency,
    };

    /// <summary>The total limit: as set, or enough for every attempt to time out and every wait to be the longest.</summary>
    public static TimeSpan EffectiveTotalTimeout(CodeArtifactClientOptions options)
    {
        if (options.TotalTimeout is { } total)
        {
            return total;
        }

        var longestWait = options.MaxRetryDelay > TransientFailures.MaxRetryAfter ? options.MaxRetryDelay : TransientFailures.MaxRetryAfter;
        return (options.Timeout * (options.MaxRetries + 1)) + (longestWait * options.MaxRetries);
    }
}
