using CodeArtifact.Core;

namespace Cake.CodeArtifact;

/// <summary>
/// The service refused or failed a request, or could not be reached (codes <c>CART01xx</c>).
/// Carries what the service said, so that a script can tell a permission problem from an outage.
/// </summary>
public class CodeArtifactServiceException : CodeArtifactAliasException
{
    /// <summary>Creates an exception with the code of <see cref="ErrorCodes.ServiceError"/>.</summary>
    public CodeArtifactServiceException()
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    public CodeArtifactServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a code; the message becomes <c>{code}: {text}</c>.</summary>
    /// <param name="code">The <c>CART01xx</c> code.</param>
    /// <param name="text">The text after the code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactServiceException(string code, string text, Exception? innerException = null)
        : base(code, text, innerException)
    {
    }

    /// <summary>The HTTP status of the answer, or 0 when none came.</summary>
    public int HttpStatus { get; init; }

    /// <summary>The service's own code, such as <c>CR.4102</c> or <c>APIGW.0301</c>.</summary>
    public string? ServiceErrorCode { get; init; }

    /// <summary>The service's trace id or the gateway's request id, for support requests.</summary>
    public string? TraceId { get; init; }

    /// <summary>The operation that failed, such as <c>ShowFileTree</c>.</summary>
    public string? Operation { get; init; }
}
