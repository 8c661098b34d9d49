using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Json;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Sends <see cref="ApiRequest"/>s: encodes, authenticates, sends, and turns the answer into
/// the operation's result or one <see cref="CodeArtifactException"/>.
/// </summary>
/// <remarks>
/// Contract used by <c>Operations/</c>: <see cref="SendAsync{T}"/> returns the unwrapped
/// <c>result</c> of a v5 answer (or the whole body when <see cref="ApiEnvelope.None"/>), and throws
/// only <see cref="CodeArtifactException"/> (or <see cref="OperationCanceledException"/> for the
/// caller's own token).
/// </remarks>
internal sealed class ApiConnection : IDisposable
{
    private readonly CodeArtifactClientOptions _options;
    private readonly HttpClient _http;

    public ApiConnection(CodeArtifactClientOptions options)
    {
        _options = options;
        _http = new HttpClient(options.Transport ?? new SocketsHttpHandler(), disposeHandler: options.Transport is null)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    public CodeArtifactClientOptions Options => _options;

    /// <summary>Sends one operation and returns its result.</summary>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorTranslator.FromResponse(request.Operation, response, body);
        }

        return ErrorTranslator.ReadResult(request, response, body, resultType);
    }

    /// <summary>Sends one operation and returns the raw answer; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var baseUri = request.Service == ApiService.Iam
            ? _options.IamEndpoint ?? throw CodeArtifactException.Missing("IamEndpoint", "An IAM endpoint is needed for password credentials: set IamEndpoint or Region.")
            : _options.Endpoint ?? throw CodeArtifactException.Missing("Endpoint", "Set Endpoint (or Region) to the CodeArts Artifact endpoint, such as https://artifact.ap-southeast-3.myhuaweicloud.com.");
        var uri = new Uri(baseUri.GetLeftPart(UriPartial.Authority) + request.EncodedPath() + request.EncodedQuery());
        using var message = new HttpRequestMessage(request.Method, uri);
        if (request.JsonBody is not null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        if (request.Authenticate)
        {
            Authenticate(message, request.JsonBody ?? Array.Empty<byte>());
        }

        try
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CodeArtifactException(ErrorCodes.NetworkError, $"{request.Operation}: could not reach {uri.Authority}: {ex.Message}", ex)
            {
                Operation = request.Operation,
            };
        }
    }

    private void Authenticate(HttpRequestMessage message, byte[] body)
    {
        switch (_options.Credentials)
        {
            case AccessKeyCredentials ak:
                var uri = message.RequestUri!;
                var host = uri.IsDefaultPort ? uri.Host : uri.Authority;
                var date = SdkHmacSigner.FormatDate(_options.TimeProvider.GetUtcNow());
                var headers = new List<KeyValuePair<string, string>>
                {
                    new("Host", host),
                    new(SdkHmacSigner.DateHeader, date),
                };
                if (ak.SecurityToken is not null)
                {
                    headers.Add(new("X-Security-Token", ak.SecurityToken.Reveal()));
                }

                if (_options.ProjectId is not null)
                {
                    headers.Add(new("X-Project-Id", _options.ProjectId));
                }

                if (message.Content is not null)
                {
                    headers.Add(new("Content-Type", message.Content.Headers.ContentType!.ToString()));
                }

                var signed = SdkHmacSigner.Sign(
                    message.Method.Method,
                    uri.AbsolutePath,
                    SdkHmacSigner.ParseQuery(uri.Query),
                    headers.Where(h => h.Key != "Content-Type"),
                    body,
                    ak.AccessKey,
                    System.Text.Encoding.UTF8.GetBytes(ak.SecretKey.Reveal()));
                message.Headers.Host = host;
                foreach (var header in headers.Where(h => h.Key is not "Host" and not "Content-Type"))
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                message.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
                break;
            case TokenCredentials token:
                message.Headers.TryAddWithoutValidation("X-Auth-Token", token.Token.Reveal());
                break;
            case null:
                throw new CodeArtifactException(ErrorCodes.NoCredentials, "No credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or CODEARTIFACT_AUTH_TOKEN, or a credentials file.");
            default:
                throw new CodeArtifactException(ErrorCodes.NoCredentials, $"Credentials of kind {_options.Credentials.Describe()} are not handled by this connection.");
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Turns answers into results or into the one exception type.</summary>
internal static class ErrorTranslator
{
    public static T ReadResult<T>(ApiRequest request, HttpResponseMessage response, byte[] body, JsonTypeInfo<T> resultType)
    {
        try
        {
            if (request.Envelope == ApiEnvelope.None)
            {
                return JsonSerializer.Deserialize(body, resultType)
                    ?? throw Invalid(request.Operation, response, "the body was null");
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var traceId = root.TryGetProperty("trace_id", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.Equals(status, "error", StringComparison.OrdinalIgnoreCase))
            {
                var error = JsonSerializer.Deserialize(body, Json.CodeArtifactJsonContext.Default.ErrorBody);
                throw new CodeArtifactException(ErrorCodes.ErrorStatus, $"{request.Operation} failed: the service answered status \"error\"{Describe(error?.ErrorCode, error?.ErrorMessage)}.")
                {
                    Operation = request.Operation,
                    HttpStatus = (int)response.StatusCode,
                    ServiceErrorCode = error?.ErrorCode,
                    ServiceMessage = error?.ErrorMessage,
                    TraceId = traceId,
                };
            }

            if (!root.TryGetProperty("result", out var result))
            {
                throw Invalid(request.Operation, response, "the answer has no \"result\"");
            }

            return result.Deserialize(resultType) ?? throw Invalid(request.Operation, response, "\"result\" was null");
        }
        catch (JsonException ex)
        {
            throw Invalid(request.Operation, response, ex.Message, ex);
        }
    }

    public static CodeArtifactException FromResponse(string operation, HttpResponseMessage response, byte[] body)
    {
        ErrorBody? error = null;
        try
        {
            error = JsonSerializer.Deserialize(body, Json.CodeArtifactJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the status alone describes it.
        }

        var status = (int)response.StatusCode;
        var code = response.StatusCode switch
        {
            HttpStatusCode.Forbidden => ErrorCodes.PermissionDenied,
            HttpStatusCode.Unauthorized => ErrorCodes.AuthenticationFailed,
            HttpStatusCode.NotFound => ErrorCodes.NotFound,
            HttpStatusCode.TooManyRequests => ErrorCodes.Throttled,
            _ when status >= 500 => ErrorCodes.ServiceError,
            _ => ErrorCodes.BadRequest,
        };
        var serviceCode = error?.ErrorCode ?? error?.Code;
        var serviceMessage = error?.ErrorMessage ?? error?.Message;
        return new CodeArtifactException(code, $"{operation} failed with HTTP {status}{Describe(serviceCode, serviceMessage)}.")
        {
            Operation = operation,
            HttpStatus = status,
            ServiceErrorCode = serviceCode,
            ServiceMessage = serviceMessage,
            TraceId = error?.TraceId ?? error?.RequestId,
        };
    }

    private static string Describe(string? code, string? message) =>
        code is null && message is null ? string.Empty : $" ({code}{(code is not null && message is not null ? ": " : string.Empty)}{message})";

    private static CodeArtifactException Invalid(string operation, HttpResponseMessage response, string why, Exception? inner = null) =>
        new(ErrorCodes.InvalidResponse, $"{operation}: the answer could not be read ({why}).", inner)
        {
            Operation = operation,
            HttpStatus = (int)response.StatusCode,
        };
}
