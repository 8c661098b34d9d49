using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <summary>
/// A publish was refused or did not fully succeed (codes <c>CART06xx</c>, or <c>CART0506</c> when
/// cancelled while uploading): a Maven repository, a missing local file, a different file already
/// at a path, an upload or verification that failed. <see cref="Result"/> holds the outcome of
/// every file when the job got as far as planning them: what was uploaded stays uploaded.
/// </summary>
public class CodeArtifactPublishException : CodeArtifactAliasException
{
    /// <summary>Creates an exception with the code of <see cref="ErrorCodes.UploadFailed"/>.</summary>
    public CodeArtifactPublishException()
        : base(ErrorCodes.UploadFailed, "Publish failed.")
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    public CodeArtifactPublishException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactPublishException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a code; the message becomes <c>{code}: {text}</c>.</summary>
    /// <param name="code">The <c>CART06xx</c> code.</param>
    /// <param name="text">The text after the code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactPublishException(string code, string text, Exception? innerException = null)
        : base(code, text, innerException)
    {
    }

    /// <summary>The outcome of every file (uploaded, unchanged, failed, interrupted, not started), when the job planned them.</summary>
    public PublishResult? Result { get; init; }
}
