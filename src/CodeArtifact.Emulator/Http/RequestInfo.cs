using CodeArtifact.Emulator.Identity;

namespace CodeArtifact.Emulator.Http;

/// <summary>Per-request state the pipeline fills in (a request feature).</summary>
internal sealed class RequestInfo(string traceId, DateTimeOffset arrived)
{
    public string TraceId { get; } = traceId;

    public DateTimeOffset Arrived { get; } = arrived;

    public Caller? Caller { get; set; }

    public string AuthKind { get; set; } = "none";

    public string? Fault { get; set; }
}

internal static class HttpContextExtensions
{
    public static RequestInfo Info(this HttpContext context) =>
        context.Features.Get<RequestInfo>() ?? throw new InvalidOperationException("The request log middleware must run first.");

    public static string TraceId(this HttpContext context) => context.Info().TraceId;

    /// <summary>The authenticated caller (the authentication middleware guarantees one on API routes).</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Info().Caller ?? throw new InvalidOperationException("The route is not authenticated.");

    public static ApiOperation? Operation(this HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ApiOperation>();
}
