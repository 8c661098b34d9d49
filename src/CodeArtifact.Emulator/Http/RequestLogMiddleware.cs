using CodeArtifact.Emulator.Logging;

namespace CodeArtifact.Emulator.Http;

/// <summary>
/// Outermost step: gives the request its trace id and, once answered, adds it to the
/// <see cref="RequestLog"/> (and to the console when asked for).
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, EmulatorContext emulator, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var info = new RequestInfo(emulator.NewTraceId(), emulator.Now);
        context.Features.Set(info);
        context.Response.Headers["X-Request-Id"] = info.TraceId;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var status = info.Fault == "drop" ? 0 : context.Response.StatusCode;
            var entry = new RequestLogEntry(
                info.Arrived, context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty,
                status, info.AuthKind, context.Operation()?.Name, info.TraceId, info.Fault);
            emulator.RequestLog.Add(entry);
            if (emulator.Options.LogRequestsToConsole)
            {
                logger.LogInformation(
                    "{Method} {Path}{Query} -> {Status} ({Auth}, {Operation}) {TraceId}",
                    entry.Method, entry.Path, entry.Query, entry.Status, entry.AuthKind, entry.Operation, entry.TraceId);
            }
        }
    }
}
