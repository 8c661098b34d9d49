using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <summary>
/// Files did not verify against the repository (codes <c>CART03xx</c>): a digest differs, a file
/// is not in the repository, a local file cannot be read, or no digest is common to both sides.
/// <see cref="Result"/> holds the outcome of every file.
/// </summary>
public class CodeArtifactVerificationException : CodeArtifactAliasException
{
    /// <summary>Creates an exception with the code of <see cref="ErrorCodes.ChecksumMismatch"/>.</summary>
    public CodeArtifactVerificationException()
        : base(ErrorCodes.ChecksumMismatch, "Checksum verification failed.")
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    public CodeArtifactVerificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactVerificationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a code; the message becomes <c>{code}: {text}</c>.</summary>
    /// <param name="code">The <c>CART03xx</c> code.</param>
    /// <param name="text">The text after the code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactVerificationException(string code, string text, Exception? innerException = null)
        : base(code, text, innerException)
    {
    }

    /// <summary>The outcome of every file, when the verification ran to the end.</summary>
    public ChecksumVerificationResult? Result { get; init; }
}
