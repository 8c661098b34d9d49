using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Http;

/// <summary>
/// The one place where a failed exchange becomes a <see cref="CodeArtifactException"/>: error
/// answers (every body shape, HTML pages from proxies, broken JSON), <c>status: "error"</c>
/// under HTTP 200, and transport failures (timeouts, refused or dropped connections). Every
/// message names the operation, says what to do, and is sanitized.
/// </summary>
internal sealed class ErrorTranslator
{
    private readonly CodeArtifactClientOptions _options;
    private readonly Sanitizer _sanitizer;

    public ErrorTranslator(CodeArtifactClientOptions options, Sanitizer sanitizer)
    {
        _options = options;
        _sanitizer = sanitizer;
    }

    public Sanitizer Sanitizer => _sanitizer;

    /// <summary>An answer with an HTTP status other than 2xx.</summary>
    public CodeArtifactException FromResponse(RequestState state, HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        var status = (int)response.StatusCode;
        var error = ServiceErrorBody.Read(body, response.Content.Headers.ContentType?.MediaType);
        var serviceCode = Clean(error.Code, 64);
        var serviceMessage = Clean(error.Message, 500);
        var traceId = Clean(error.TraceId ?? Header(response, "X-Request-Id") ?? Header(response, "X-Trace-Id"), 128);
        var code = OurCode(status, serviceCode);

        var text = new StringBuilder();
        text.Append(state.Operation).Append(" failed: HTTP ").Append(status.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            text.Append(' ').Append(_sanitizer.SanitizeRemote(response.ReasonPhrase, 80));
        }

        AppendServiceError(text, serviceCode, serviceMessage);
        AppendBodyNote(text, error.Kind, body);
        AppendTraceId(text, traceId);
        text.Append('.');
        AppendAdvice(text, code, status, serviceCode, traceId, state);
        if (TransientFailures.IsTransient(response.StatusCode))
        {
            AppendRetries(text, state);
        }

        return new CodeArtifactException(code, _sanitizer.Sanitize(text.ToString()))
        {
            Operation = state.Operation,
            Attempts = state.Attempts,
            UnansweredAttempts = state.UnansweredAttempts,
            HttpStatus = status,
            ServiceErrorCode = serviceCode,
            ServiceMessage = serviceMessage,
            TraceId = traceId,
        };
    }

    /// <summary>An HTTP 200 answer whose envelope says <c>status: "error"</c>.</summary>
    public CodeArtifactException FromErrorStatus(RequestState state, HttpResponseMessage response, string? serviceCode, string? serviceMessage, string? traceId)
    {
        serviceCode = Clean(serviceCode, 64);
        serviceMessage = Clean(serviceMessage, 500);
        traceId = Clean(traceId ?? Header(response, "X-Request-Id"), 128);
        var text = new StringBuilder();
        text.Append(state.Operation).Append(" failed: the service answered HTTP ")
            .Append(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture))
            .Append(" but with status \"error\"");
        AppendServiceError(text, serviceCode, serviceMessage);
        AppendTraceId(text, traceId);
        text.Append('.');
        if (serviceCode is not null && OurCode(403, serviceCode) == ErrorCodes.PermissionDenied)
        {
            AppendAdvice(text, ErrorCodes.PermissionDenied, 403, serviceCode, traceId, state);
        }

        return new CodeArtifactException(ErrorCodes.ErrorStatus, _sanitizer.Sanitize(text.ToString()))
        {
            Operation = state.Operation,
            Attempts = state.Attempts,
            UnansweredAttempts = state.UnansweredAttempts,
            HttpStatus = (int)response.StatusCode,
            ServiceErrorCode = serviceCode,
            ServiceMessage = serviceMessage,
            TraceId = traceId,
        };
    }

    /// <summary>A successful answer whose body could not be read as the operation's result.</summary>
    public CodeArtifactException InvalidAnswer(RequestState state, HttpResponseMessage response, ReadOnlySpan<byte> body, string? why, Exception? inner = null)
    {
        var kind = ServiceErrorBody.Read(body, response.Content.Headers.ContentType?.MediaType).Kind;
        var text = new StringBuilder();
        text.Append(state.Operation).Append(": the answer (HTTP ")
            .Append(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)).Append(", ")
            .Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes) could not be read: ");
        text.Append(kind switch
        {
            BodyKind.Empty => "it is empty",
            BodyKind.Html => "it is an HTML page, not JSON; a proxy or gateway between this machine and the service probably answered" + Excerpt(kind, body),
            BodyKind.Text => "it is not JSON" + Excerpt(kind, body),
            BodyKind.InvalidJson => "the JSON is truncated or invalid" + (why is null ? string.Empty : " (" + why + ")"),
            _ => why ?? "unexpected content",
        });
        text.Append(". Check Endpoint (it must be the CodeArts Artifact endpoint) and any proxy in between.");
        return new CodeArtifactException(ErrorCodes.InvalidResponse, _sanitizer.Sanitize(text.ToString()), inner)
        {
            Operation = state.Operation,
            HttpStatus = (int)response.StatusCode,
            TraceId = Clean(Header(response, "X-Request-Id"), 128),
        };
    }

    /// <summary>A failure with no usable answer: a time limit, a connection failure. Not for the caller's cancellation.</summary>
    public CodeArtifactException FromFailure(RequestState state, Uri uri, Exception exception)
    {
        var host = uri.Authority;
        var text = new StringBuilder(state.Operation);
        string code;
        switch (exception)
        {
            case RequestTimeoutException { IsTotal: true } total:
                code = ErrorCodes.Timeout;
                text.Append(" did not finish within its total time limit of ").Append(TransientFailures.FormatDuration(total.Limit))
                    .Append(" (").Append(Plural(state.Attempts, "attempt")).Append(" to ").Append(host)
                    .Append("). Raise TimeoutSeconds (or TotalTimeout) if the service is slow, or check the network.");
                break;
            case RequestTimeoutException or OperationCanceledException:
                code = ErrorCodes.Timeout;
                text.Append(": no answer from ").Append(host).Append(" within ")
                    .Append(TransientFailures.FormatDuration(_options.Timeout)).Append(" (TimeoutSeconds).");
                AppendRetries(text, state);
                text.Append(" Raise TimeoutSeconds if the service is slow.");
                break;
            case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } tls:
                code = ErrorCodes.NetworkError;
                text.Append(": the TLS connection to ").Append(host).Append(" failed (").Append(Reason(tls))
                    .Append("). Check the server certificate, the system's trusted roots and any TLS-inspecting proxy.");
                break;
            case HttpRequestException or SocketException when TransientFailures.IsNameNotResolved(exception):
                code = ErrorCodes.NetworkError;
                text.Append(": the host name ").Append(uri.Host).Append(" could not be resolved (").Append(Reason(exception))
                    .Append("). Check Endpoint (a typo in the host name?) or Region (such as ap-southeast-3: it gives https://artifact.<region>.myhuaweicloud.com), then the DNS or proxy settings. Not retried: a name that does not resolve rarely starts to.");
                break;
            case HttpRequestException or SocketException when TransientFailures.IsConnectionRefused(exception):
                code = ErrorCodes.NetworkError;
                text.Append(": ").Append(host).Append(" refused the connection (").Append(Plural(state.Attempts, "attempt"))
                    .Append("): nothing is listening on port ").Append(uri.Port.ToString(CultureInfo.InvariantCulture)).Append('.');
                text.Append(' ').Append(uri.IsLoopback ? EmulatorAdvice(uri) : "Check Endpoint (host and port), and any firewall or proxy in between.");
                break;
            case HttpRequestException or IOException or SocketException:
                code = ErrorCodes.NetworkError;
                text.Append(": could not reach ").Append(host).Append(" or the connection was dropped (")
                    .Append(Reason(exception)).Append(").");
                AppendRetries(text, state);
                break;
            default:
                code = ErrorCodes.NetworkError;
                text.Append(" failed while sending to ").Append(host).Append(": ").Append(Reason(exception)).Append('.');
                break;
        }

        return new CodeArtifactException(code, _sanitizer.Sanitize(text.ToString()), exception) { Operation = state.Operation };
    }

    /// <summary>A loopback endpoint is the emulator's: say how to start it.</summary>
    private static string EmulatorAdvice(Uri uri) =>
        $"Is the CodeArts Artifact emulator running? Start it from a clone of CodeArtifact.Build with 'dotnet run --project src/CodeArtifact.Emulator -- --port {uri.Port.ToString(CultureInfo.InvariantCulture)}' (or 'dotnet cake --target=Emulator'), or with the 'codeartifact-emulator' tool, and use the endpoint it prints.";

    /// <summary>Our code for an HTTP status and a service error code (the service code wins where it is specific).</summary>
    public static string OurCode(int status, string? serviceCode) => serviceCode switch
    {
        "CR.4102" => ErrorCodes.PermissionDenied,
        "CR.5000" => ErrorCodes.ServiceError,
        "APIGW.0101" => ErrorCodes.NotFound,
        "APIGW.0301" or "APIGW.0303" or "APIGW.0305" or "APIGW.0307" => ErrorCodes.AuthenticationFailed,
        "APIGW.0302" or "APIGW.0304" or "APIGW.0306" or "APIGW.0310" or "APIGW.0401" or "APIGW.0402"
            or "APIGW.0404" or "APIGW.0801" or "APIGW.0802" => ErrorCodes.PermissionDenied,
        "APIGW.0308" => ErrorCodes.Throttled,
        _ => status switch
        {
            401 => ErrorCodes.AuthenticationFailed,
            403 => ErrorCodes.PermissionDenied,
            404 or 410 => ErrorCodes.NotFound,
            408 => ErrorCodes.Timeout,
            429 => ErrorCodes.Throttled,
            >= 500 => ErrorCodes.ServiceError,
            >= 300 and < 400 => ErrorCodes.InvalidResponse,
            _ => ErrorCodes.BadRequest,
        },
    };

    private void AppendAdvice(StringBuilder text, string code, int status, string? serviceCode, string? traceId, RequestState state)
    {
        var advice = code switch
        {
            ErrorCodes.PermissionDenied => ProjectAdvice(),
            ErrorCodes.AuthenticationFailed => AuthenticationAdvice(serviceCode, state),
            ErrorCodes.NotFound when serviceCode == "APIGW.0101" =>
                "The gateway has no such API: check Endpoint or Region (it must be the CodeArts Artifact endpoint of the project's region).",
            ErrorCodes.NotFound => "The repository, path or project does not exist, or Endpoint points to another service.",
            ErrorCodes.Throttled => "The service is throttling requests (the gateway allows 200 calls per second per API by default): lower MaxConcurrency or run later.",
            ErrorCodes.ServiceError when traceId is null => "The service failed; try again later.",
            ErrorCodes.ServiceError => "The service failed; try again later, and quote the trace id if it goes on.",
            ErrorCodes.InvalidResponse when status is >= 300 and < 400 => "The service redirected the call, which no API does: check Endpoint.",
            ErrorCodes.BadRequest when status == 413 => "The request body is larger than the gateway's 12 MB limit.",
            ErrorCodes.BadRequest => "The service refused the request; check the values passed to this operation.",
            _ => null,
        };
        if (advice is not null)
        {
            text.Append(' ').Append(advice);
        }
    }

    private string ProjectAdvice()
    {
        var project = string.IsNullOrEmpty(_options.ProjectId) ? "the project" : "project " + _options.ProjectId;
        return $"Check that the user of these credentials is a member of {project} and that its role grants this CodeArts Artifact permission (for example codeartsartifact:repository:list); also check TenantId and ProjectId.";
    }

    private string AuthenticationAdvice(string? serviceCode, RequestState state)
    {
        if (state.Auth == RequestAuth.Basic)
        {
            return "The repository rejected the user name and password: use the repository credentials from the Maven info.";
        }

        if (state.Auth == RequestAuth.None)
        {
            return "IAM rejected the user name, domain name or password: check UserName, DomainName and CODEARTIFACT_PASSWORD, and that the user may sign in with a password (programmatic access).";
        }

        return _options.Credentials switch
        {
            AccessKeyCredentials { SecurityToken: not null } =>
                "Check that the temporary AK/SK and HUAWEICLOUD_SDK_SECURITY_TOKEN belong together and have not expired, and that this machine's clock is within 15 minutes of the real time.",
            AccessKeyCredentials =>
                "Check HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or AccessKey and the credentials file), and that this machine's clock is within 15 minutes of the real time; after more than 5 failures in a row the gateway locks the AK for 5 minutes.",
            TokenCredentials when serviceCode == "APIGW.0307" =>
                "The token in CODEARTIFACT_AUTH_TOKEN has expired or was issued for another region: issue a new one.",
            TokenCredentials =>
                "Check CODEARTIFACT_AUTH_TOKEN: it must be a valid IAM token for this project and region.",
            IamPasswordCredentials =>
                "Check UserName, DomainName and CODEARTIFACT_PASSWORD, and that the IAM token is scoped to this project and region (IamEndpoint, ProjectId).",
            _ => "Check the credentials.",
        };
    }

    private void AppendRetries(StringBuilder text, RequestState state)
    {
        if (state.NotRetriedBecause is not null)
        {
            text.Append(" Not retried: ").Append(state.NotRetriedBecause).Append('.');
        }
        else if (_options.MaxRetries == 0)
        {
            text.Append(" Not retried because MaxRetries is 0; raise MaxRetries to retry such failures.");
        }
        else if (state.Attempts > _options.MaxRetries)
        {
            text.Append(" Gave up after ").Append(Plural(state.Attempts, "attempt"))
                .Append("; raise MaxRetries (now ").Append(_options.MaxRetries.ToString(CultureInfo.InvariantCulture))
                .Append(") to keep trying longer.");
        }
    }

    private void AppendServiceError(StringBuilder text, string? serviceCode, string? serviceMessage)
    {
        if (serviceCode is null && serviceMessage is null)
        {
            return;
        }

        text.Append(", ");
        if (serviceCode is not null)
        {
            text.Append(serviceCode);
            if (serviceMessage is not null)
            {
                text.Append(": ");
            }
        }

        if (serviceMessage is not null)
        {
            text.Append('"').Append(serviceMessage).Append('"');
        }
    }

    private void AppendBodyNote(StringBuilder text, BodyKind kind, ReadOnlySpan<byte> body)
    {
        switch (kind)
        {
            case BodyKind.Html:
                text.Append("; the answer is an HTML page, probably from a proxy or gateway in between").Append(Excerpt(kind, body));
                break;
            case BodyKind.InvalidJson:
                text.Append("; the error body is truncated or invalid JSON");
                break;
            case BodyKind.Text:
                text.Append(Excerpt(kind, body));
                break;
        }
    }

    private static void AppendTraceId(StringBuilder text, string? traceId)
    {
        if (traceId is not null)
        {
            text.Append(" (trace id ").Append(traceId).Append(')');
        }
    }

    private string Excerpt(BodyKind kind, ReadOnlySpan<byte> body)
    {
        var raw = Encoding.UTF8.GetString(ServiceErrorBody.SkipBom(body.Length > 16384 ? body[..16384] : body));
        var excerpt = kind == BodyKind.Html ? _sanitizer.HtmlExcerpt(raw) : _sanitizer.SanitizeRemote(raw, 200);
        return excerpt.Length == 0 ? string.Empty : ": \"" + excerpt + "\"";
    }

    private string? Clean(string? value, int maxLength)
    {
        var clean = _sanitizer.SanitizeRemote(value, maxLength);
        return clean.Length == 0 ? null : clean;
    }

    private string Reason(Exception exception)
    {
        var reason = exception.InnerException is { } inner && exception is HttpRequestException
            ? exception.Message + " " + inner.Message
            : exception.Message;
        return _sanitizer.SanitizeRemote(reason, 300).TrimEnd('.');
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
