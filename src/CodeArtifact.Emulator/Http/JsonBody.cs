using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeArtifact.Emulator.Http;

/// <summary>A JSON answer written straight to the response, nulls included (the service sends them).</summary>
internal sealed class JsonBody(int status, JsonNode body, IReadOnlyDictionary<string, string>? headers = null) : IResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json;charset=UTF-8";
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }
        }

        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        body.WriteTo(writer);
        await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>The v5 envelope: <c>{"status":"success","trace_id":…,"result":…}</c>.</summary>
internal static class V5
{
    public static IResult Ok(HttpContext context, JsonNode? result) => new JsonBody(200, new JsonObject
    {
        ["status"] = "success",
        ["trace_id"] = context.TraceId(),
        ["result"] = result,
    });
}
