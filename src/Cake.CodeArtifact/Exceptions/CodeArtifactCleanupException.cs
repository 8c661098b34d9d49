using CodeArtifact.Core;
using CodeArtifact.Core.Jobs;

namespace Cake.CodeArtifact;

/// <summary>
/// A cleanup or restore was refused or did not fully succeed (codes <c>CART05xx</c>): a Maven
/// repository, more deletions than allowed, a path outside the root, or files that could not be
/// deleted or restored. <see cref="Cleanup"/> or <see cref="Restore"/> holds what was done.
/// </summary>
public class CodeArtifactCleanupException : CodeArtifactAliasException
{
    /// <summary>Creates an exception with the code of <see cref="ErrorCodes.DeletionsFailed"/>.</summary>
    public CodeArtifactCleanupException()
        : base(ErrorCodes.DeletionsFailed, "Cleanup failed.")
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    public CodeArtifactCleanupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception whose message is used as given.</summary>
    /// <param name="message">The message, starting with its <c>CART####</c> code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactCleanupException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a code; the message becomes <c>{code}: {text}</c>.</summary>
    /// <param name="code">The <c>CART05xx</c> code.</param>
    /// <param name="text">The text after the code.</param>
    /// <param name="innerException">The cause.</param>
    public CodeArtifactCleanupException(string code, string text, Exception? innerException = null)
        : base(code, text, innerException)
    {
    }

    /// <summary>What the cleanup did (deleted files stay restorable), when it got as far as deleting.</summary>
    public CleanupResult? Cleanup { get; init; }

    /// <summary>What the restore did, when it ran.</summary>
    public RestoreResult? Restore { get; init; }
}
