using Cake.Core;
using CodeArtifact.Core;

namespace Cake.CodeArtifact;

/// <summary>
/// The root of the addin's failures. Its message is <c>CART####: text</c>, with the same code
/// and text as the error the MSBuild tasks report for the same problem.
/// </summary>
public class CodeArtifactCakeException : CakeException
{
    /// <summary>Creates an exception with the code of <see cref="ErrorCodes.ServiceError"/>.</summary>
    public CodeArtifactCakeException()
        : this(ErrorCodes.ServiceError, "CodeArts Artifact operation failed.")
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code when it has one.</param>
    public CodeArtifactCakeException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code when it has one.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactCakeException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = CodeOf(message);
    }

    /// <summary>Creates an exception with a code; the message becomes <c>{code}: {text}</c>.</summary>
    /// <param name="code">The <c>CART####</c> code (see <see cref="ErrorCodes"/>).</param>
    /// <param name="text">The text after the code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactCakeException(string code, string text, Exception? innerException = null)
        : base($"{code}: {text}", innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
    }

    /// <summary>The <c>CART####</c> code (see <see cref="ErrorCodes"/>).</summary>
    public string Code { get; }

    private static string CodeOf(string message) =>
        message is { Length: >= 8 } && message.StartsWith("CART", StringComparison.Ordinal) && message[4..8].All(char.IsAsciiDigit)
            ? message[..8]
            : ErrorCodes.ServiceError;
}
