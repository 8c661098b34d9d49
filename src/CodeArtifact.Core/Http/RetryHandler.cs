using System.Globalization;
using Polly;
using Polly.Retry;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Runs each attempt inside a Polly <see cref="ResiliencePipeline{T}"/> (as the
/// <c>ResilienceHandler</c> of Microsoft.Extensions.Http.Resilience): jittered exponential
/// backoff, <c>Retry-After</c> honoured over the backoff, at most <c>MaxRetries</c> retries,
/// waits on the options' <see cref="TimeProvider"/>. What is retried is decided by
/// <see cref="TransientFailures"/>; a body that cannot be sent twice is never retried.
/// Each retry is announced as a CART0111 message, never a warning: a retry that then succeeds
/// is no problem (and must not fail a <c>-warnaserror</c> build); only the final failure is.
/// A refused connection is retried once: a second refusal means nothing listens there.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("CodeArtifact.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public RetryHandler(CodeArtifactClientOptions options, Action<CodeArtifactLogEvent> log)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.MaxRetries > 0)
        {
            var timeProvider = options.TimeProvider;
            var maxAttempts = options.MaxRetries + 1;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber, timeProvider)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(TransientFailures.RetryAfter(args.Outcome.Result, timeProvider)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    var state = RequestState.Of(request);
                    if (args.Outcome.Exception is not null)
                    {
                        state.UnansweredAttempts++;
                    }

                    log(new CodeArtifactLogEvent(
                        LogSeverity.Info,
                        string.Format(
                            CultureInfo.InvariantCulture,
                            "{0}: {1}; retrying in {2} (attempt {3} of {4}).",
                            state.Operation,
                            TransientFailures.Describe(args.Outcome),
                            TransientFailures.FormatDuration(args.RetryDelay),
                            args.AttemptNumber + 2,
                            maxAttempts),
                        ErrorCodes.Retrying));

                    // The failed answer is not needed any more; free its connection before waiting.
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    RequestState.Of(state.request).Attempts++;
                    try
                    {
                        return Outcome.FromResult(await state.handler.SendAttemptAsync(state.request, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (handler: this, request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber, TimeProvider timeProvider)
    {
        if (!TransientFailures.IsTransient(outcome, context.CancellationToken))
        {
            return false;
        }

        var request = context.Properties.GetValue(RequestKey, null!);
        var state = RequestState.Of(request);
        if (attemptNumber > 0 && outcome.Exception is { } failure && TransientFailures.IsConnectionRefused(failure))
        {
            // Refused twice: nothing listens there, and waiting longer will not change that.
            state.NotRetriedBecause = "the connection was refused twice";
            return false;
        }

        if (!IsReplayable(request.Content))
        {
            state.NotRetriedBecause = "the request body is a stream that cannot be rewound, so it cannot be sent again";
            return false;
        }

        if (TransientFailures.RetryAfter(outcome.Result, timeProvider) is { } wait && wait > TransientFailures.MaxRetryAfter)
        {
            state.NotRetriedBecause = $"the service asked to wait {TransientFailures.FormatDuration(wait)} (Retry-After), longer than the {TransientFailures.FormatDuration(TransientFailures.MaxRetryAfter)} this client waits";
            return false;
        }

        return true;
    }

    /// <summary>True when the body can be produced again for another attempt.</summary>
    public static bool IsReplayable(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent or ReadOnlyMemoryContent => true,
        UploadContent upload => upload.IsRewindable,
        _ => false,
    };
}
