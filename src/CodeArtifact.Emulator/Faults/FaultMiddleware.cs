using CodeArtifact.Emulator.Errors;
using CodeArtifact.Emulator.Http;

namespace CodeArtifact.Emulator.Faults;

/// <summary>
/// Injects the configured faults before routing and authentication, as a congested gateway
/// would: latency first, then a dropped connection, a 429 <c>APIGW.0308</c> with
/// <c>Retry-After</c>, or a 503.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, EmulatorContext emulator)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var (kind, latencyMs, retryAfter) = emulator.Faults.Decide(context.Request.Path.Value ?? "/");
        if (latencyMs > 0)
        {
            await Task.Delay(latencyMs, context.RequestAborted).ConfigureAwait(false);
        }

        switch (kind)
        {
            case FaultKind.Drop:
                context.Info().Fault = "drop";
                context.Abort();
                return;
            case FaultKind.Throttle:
                context.Info().Fault = "429";
                throw EmulatorErrors.Throttled(retryAfter);
            case FaultKind.Unavailable:
                context.Info().Fault = "503";
                throw EmulatorErrors.BackendUnavailable();
            default:
                await next(context).ConfigureAwait(false);
                return;
        }
    }
}
