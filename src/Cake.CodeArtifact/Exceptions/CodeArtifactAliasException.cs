using CodeArtifact.Core;
using CodeArtifact.Core.Runner;

namespace Cake.CodeArtifact;

/// <summary>
/// The root of the addin's failures. Its message is <c>CART####: text</c>, with the same code
/// and text as the error the MSBuild tasks report for the same problem.
/// </summary>
/// <remarks>
/// An alias never throws this type itself: Cake 7 seals <c>CakeException</c>, so every alias
/// throws a <c>CakeException</c> with the same message and this exception (with its code and,
/// for job failures, the job's result) as the inner exception:
/// <code>
/// catch (CakeException ex) when (ex.InnerException is CodeArtifactVerificationException failure)
/// {
///     Warning("{0} files did not verify", failure.Result.Mismatched);
/// }
/// </code>
/// </remarks>
public class CodeArtifactAliasException : Exception
{
    /// <summary>Creates an exception with the code of <see cref="ErrorCodes.ServiceError"/>.</summary>
    public CodeArtifactAliasException()
        : this(ErrorCodes.ServiceError, "CodeArts Artifact operation failed.")
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code when it has one.</param>
    public CodeArtifactAliasException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code when it has one.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactAliasException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = CodeOf(message);
    }

    /// <summary>Creates an exception with a code; the message becomes <c>{code}: {text}</c>.</summary>
    /// <param name="code">The <c>CART####</c> code (see <see cref="ErrorCodes"/>).</param>
    /// <param name="text">The text after the code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactAliasException(string code, string text, Exception? innerException = null)
        : base($"{code}: {text}", innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
    }

    /// <summary>The <c>CART####</c> code (see <see cref="ErrorCodes"/>).</summary>
    public string Code { get; }

    private static string CodeOf(string message) => CodedText.CodeOf(message) ?? ErrorCodes.ServiceError;
}
