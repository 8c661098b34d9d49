using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Json;

/// <summary>
/// The one source-generated JSON context. Each API group declares its own types in its own
/// partial file (<c>CodeArtifactJsonContext.&lt;Group&gt;.cs</c>); the options live only here.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class CodeArtifactJsonContext : JsonSerializerContext
{
}

/// <summary>
/// Every error shape the service and its gateway send: v5 <c>{error_code, error_msg, status, trace_id}</c>,
/// gateway <c>{error_code, error_msg, request_id}</c>, and the SDKs' fallback <c>{code, message}</c>.
/// </summary>
internal sealed class ErrorBody
{
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("trace_id")]
    public string? TraceId { get; set; }

    [JsonPropertyName("request_id")]
    public string? RequestId { get; set; }
}
