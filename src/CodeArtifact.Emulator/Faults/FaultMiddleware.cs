using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;

namespace CodeArtifact.Emulator.Faults;

/// <summary>
/// Injects the configured faults before routing and authentication, as a congested gateway
/// would: latency first, then a dropped connection, a 429 <c>APIGW.0308</c> with
/// <c>Retry-After</c>, or a 503 — or, for a lost answer, lets the request through in full and
/// drops the connection instead of answering.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, EmulatorContext emulator)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (emulator.Faults.Forced(context.Request.Path.Value ?? "/", context.Request.Query["path"].FirstOrDefault()) is { } forced)
        {
            context.Info().Fault = FaultNames.Forced;
            throw EmulatorErrors.Forced(forced);
        }

        var (kind, latencyMs, retryAfter) = emulator.Faults.Decide(context.Request.Path.Value ?? "/");
        if (latencyMs > 0)
        {
            await Task.Delay(latencyMs, context.RequestAborted).ConfigureAwait(false);
        }

        switch (kind)
        {
            case FaultKind.Drop:
                context.Info().Fault = FaultNames.Drop;
                context.Abort();
                return;
            case FaultKind.Throttle:
                context.Info().Fault = FaultNames.Throttled;
                throw EmulatorErrors.Throttled(retryAfter);
            case FaultKind.Unavailable:
                context.Info().Fault = FaultNames.Unavailable;
                throw EmulatorErrors.BackendUnavailable();
            case FaultKind.LostAnswer:
                context.Info().Fault = FaultNames.LostAnswer;
                await HandleThenDropAsync(context).ConfigureAwait(false);
                return;
            default:
                await next(context).ConfigureAwait(false);
                return;
        }
    }

    // The whole pipeline below runs (authentication, the operation, its error answer), writing into
    // a sink the client never sees; then the connection is cut before a byte was sent. The status
    // the operation set stays on the response, so the request log says what would have been answered.
    private async Task HandleThenDropAsync(HttpContext context)
    {
        context.Response.Body = Stream.Null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ApiError error)
        {
            await ErrorResults.For(error, context.TraceId()).ExecuteAsync(context).ConfigureAwait(false);
        }
        finally
        {
            context.Abort();
        }
    }
}
