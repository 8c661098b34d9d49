using System.Text.Json.Nodes;
using CodeArtifact.Emulator.Http;

namespace CodeArtifact.Emulator.Errors;

/// <summary>Renders an <see cref="ApiError"/> with the body of the layer it comes from.</summary>
internal static class ErrorResults
{
    public static IResult For(ApiError error, string traceId)
    {
        JsonNode body = error.Shape switch
        {
            ErrorShape.ServiceV5 => new JsonObject
            {
                ["error_code"] = error.Code,
                ["error_msg"] = error.Message,
                ["status"] = "error",
                ["trace_id"] = traceId,
            },
            ErrorShape.Service => new JsonObject
            {
                ["error_code"] = error.Code,
                ["error_msg"] = error.Message,
            },
            ErrorShape.Gateway => new JsonObject
            {
                ["error_code"] = error.Code,
                ["error_msg"] = error.Message,
                ["request_id"] = traceId,
            },
            ErrorShape.Iam => new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = error.Status, ["title"] = Title(error.Status), ["message"] = error.Message },
                ["error_code"] = error.Code,
                ["error_msg"] = error.Message,
            },
            _ => new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject { ["status"] = error.Status, ["message"] = error.Message }),
            },
        };
        var headers = new Dictionary<string, string>(error.Headers) { ["X-Request-Id"] = traceId };
        return new JsonBody(error.Status, body, headers);
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        _ => "Error",
    };
}
