using CodeArtifact.Emulator.Errors;

namespace CodeArtifact.Emulator.Http;

/// <summary>
/// Turns every failure into the documented body: an <see cref="ApiError"/> as itself, anything
/// unexpected as 500 <c>CR.5000</c> (never a stack trace on the wire; the exception goes to the
/// server log).
/// </summary>
internal sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await ErrorResults.For(error, context.TraceId()).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            await ErrorResults.For(EmulatorErrors.BadBody(bad.Message), context.TraceId()).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer. 499 (nginx's "client closed request") keeps
            // the request log from showing the default 200 for a request that was never handled.
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = 499;
            }
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            logger.LogError(exception, "Unexpected failure in {Method} {Path} ({TraceId})", context.Request.Method, context.Request.Path, context.TraceId());
            context.Response.Clear();
            var shape = context.Operation()?.Shape ?? ErrorShape.ServiceV5;
            await ErrorResults.For(EmulatorErrors.UnknownServiceError(shape), context.TraceId()).ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
