using System.Net;

namespace CodeArtifact.Core;

/// <summary>
/// The one failure type of the product. Carries our code (<c>CART####</c>), and when the
/// failure came from the service: the HTTP status (0 when no answer came), the service's own
/// error code (<c>CR.4102</c>, <c>APIGW.0301</c> …), its trace id and the operation's name.
/// The message never holds a secret, a signature or a token.
/// </summary>
public class CodeArtifactException : Exception
{
    public CodeArtifactException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
    }

    /// <summary>Our code, <c>CART####</c>; see <see cref="ErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status of the answer, or 0 when there was none (validation, network).</summary>
    public int HttpStatus { get; init; }

    /// <summary>The service's error code, such as <c>CR.4102</c> or <c>APIGW.0301</c>, when it gave one.</summary>
    public string? ServiceErrorCode { get; init; }

    /// <summary>The service's message, as it gave it (sanitized).</summary>
    public string? ServiceMessage { get; init; }

    /// <summary>The service's trace id (<c>trace_id</c>) or gateway request id (<c>request_id</c>).</summary>
    public string? TraceId { get; init; }

    /// <summary>The operation that failed, such as <c>ShowFileTree</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>How many attempts the operation made (1 when it was not retried; 0 when nothing was sent).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// How many earlier attempts ended without an answer (a dropped connection, an attempt's time
    /// limit): the service may have applied them. A "not found" to a retried delete after such an
    /// attempt means the delete itself most likely did the work.
    /// </summary>
    public int UnansweredAttempts { get; init; }

    /// <summary>The parameter at fault, for validation errors.</summary>
    public string? ParameterName { get; init; }

    /// <summary>True when the failure is the caller's input, found before any request was sent.</summary>
    public bool IsValidationError => HttpStatus == 0 && ParameterName is not null;

    /// <summary>The status as an enum, when there was an answer.</summary>
    public HttpStatusCode? StatusCode => HttpStatus == 0 ? null : (HttpStatusCode)HttpStatus;

    /// <summary>A validation failure that names the parameter and what is allowed.</summary>
    public static CodeArtifactException Invalid(string parameterName, string message) =>
        new(ErrorCodes.InvalidArgument, message) { ParameterName = parameterName };

    /// <summary>A required parameter that was not given.</summary>
    public static CodeArtifactException Missing(string parameterName, string message) =>
        new(ErrorCodes.MissingArgument, message) { ParameterName = parameterName };

    /// <summary>
    /// This failure said again with another code and message (what it means for the job), keeping
    /// what the service answered (status, codes, trace id) and this failure as the inner one.
    /// </summary>
    public CodeArtifactException Restated(string code, string message) =>
        new(code, message, this)
        {
            Operation = Operation,
            Attempts = Attempts,
            UnansweredAttempts = UnansweredAttempts,
            HttpStatus = HttpStatus,
            ServiceErrorCode = ServiceErrorCode,
            ServiceMessage = ServiceMessage,
            TraceId = TraceId,
        };
}
